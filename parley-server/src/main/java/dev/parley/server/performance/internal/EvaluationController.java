package dev.parley.server.performance.internal;

import dev.parley.server.accounts.Actor;
import dev.parley.server.performance.EvaluationPage;
import dev.parley.server.performance.Evaluations;
import dev.parley.server.performance.ShopEvaluation;
import dev.parley.server.shared.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A shop's performance evaluations (section three of the rules): {@code /api/v1/shops/{shopId}/evaluations}. The
 * shop's team (any role) and platform staff may read them; a seller of another shop gets {@code 404}, a buyer {@code
 * 403}.
 */
@RestController
@RequestMapping("/api/v1/shops/{shopId}/evaluations")
class EvaluationController {
    private static final String CSV_SUFFIX = ".csv";
    private static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final Evaluations evaluations;

    EvaluationController(Evaluations evaluations) {
        this.evaluations = evaluations;
    }

    @Operation(
            summary = "The shop's evaluations, newest first, latest revision per instant, a page at a time",
            description = "A page {\"items\", \"next\"}: each item has evaluatedAt and periodStart (in the shop's zone,"
                    + " with offset), zone, status (EVALUATED or NOT_EVALUATED), reason (too_few_messages or null),"
                    + " assessed, responded, responseRate, meanResponseSeconds, medianResponseSeconds,"
                    + " p90ResponseSeconds (null when not evaluated), policyVersion, revision, latestRevision, cause"
                    + " and computedAt. Pass next as cursor for the next page; limit 1 to 200, default 50.")
    @ApiResponse(responseCode = "200", description = "a page of evaluations")
    @ApiResponse(responseCode = "400", description = "bad cursor or limit", content = @Content)
    @ApiResponse(responseCode = "403", description = "a buyer, or another shop's API token", content = @Content)
    @ApiResponse(responseCode = "404", description = "no such shop, or a seller of another shop", content = @Content)
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, @Nullable Object> list(
            @AuthenticationPrincipal Actor actor,
            @PathVariable String shopId,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        evaluations.requireReader(actor, shopId);
        EvaluationPage page = evaluations.page(shopId, cursor, limit);
        List<Map<String, @Nullable Object>> items =
                page.items().stream().map(e -> EvaluationJson.stored(e, false)).toList();
        Map<String, @Nullable Object> json = new LinkedHashMap<>();
        json.put("items", items);
        json.put("next", page.next());
        return json;
    }

    @Operation(
            summary = "The figures so far of the shop's open period",
            description = "As an evaluation (evaluatedAt is the instant that will close the period), counting the"
                    + " buyer messages settled by now, with asOf and the explanation (messages, skipped).")
    @ApiResponse(responseCode = "200", description = "the current figures")
    @ApiResponse(responseCode = "403", description = "a buyer, or another shop's API token", content = @Content)
    @ApiResponse(responseCode = "404", description = "no such shop, or a seller of another shop", content = @Content)
    @GetMapping(value = "/current", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, @Nullable Object> current(@AuthenticationPrincipal Actor actor, @PathVariable String shopId) {
        evaluations.requireReader(actor, shopId);
        return EvaluationJson.current(evaluations.current(shopId));
    }

    @Operation(
            summary = "One evaluation with its per-message explanation, as JSON or CSV",
            description =
                    "{instant} is the evaluation instant with its offset, URL-encoded (2026-11-16T00:00:00%2B08:00);"
                            + " append .csv, or pass format=csv, for the explanation as CSV (header messageId, conversationId,"
                            + " sentAt, outcome, replyId, replyAt, responseSeconds). JSON adds to the list's members messages"
                            + " [{id, conversationId, at, replyId, replyAt, responseSeconds, responded}] (the assessed ones)"
                            + " and skipped [{id, conversationId, at, reason}] (excluded or outside_hours), by time then id."
                            + " The latest revision unless revision is given.")
    @ApiResponse(responseCode = "200", description = "the evaluation")
    @ApiResponse(responseCode = "400", description = "malformed instant, revision or format", content = @Content)
    @ApiResponse(responseCode = "403", description = "a buyer, or another shop's API token", content = @Content)
    @ApiResponse(
            responseCode = "404",
            description = "no such shop, no evaluation at this instant or no such revision",
            content = @Content)
    @GetMapping(
            value = "/{instant}",
            produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
    ResponseEntity<?> one(
            @AuthenticationPrincipal Actor actor,
            @PathVariable String shopId,
            @Parameter(description = "the evaluation instant with offset, optionally followed by .csv")
                    @PathVariable("instant")
                    String instantText,
            @RequestParam(required = false) @Nullable String revision,
            @RequestParam(required = false) @Nullable String format) {
        evaluations.requireReader(actor, shopId);
        boolean csv = instantText.endsWith(CSV_SUFFIX);
        String text = csv ? instantText.substring(0, instantText.length() - CSV_SUFFIX.length()) : instantText;
        if (format != null) {
            switch (format) {
                case "csv" -> csv = true;
                case "json" -> {
                    if (csv) {
                        throw ProblemException.invalid("format=json contradicts the .csv suffix");
                    }
                }
                default -> throw ProblemException.invalid("format must be json or csv");
            }
        }
        Instant instant = parseInstant(text);
        Integer wanted = parseRevision(revision);
        ShopEvaluation found = evaluations
                .find(shopId, instant, wanted)
                .orElseThrow(() -> ProblemException.notFound(
                        wanted == null
                                ? "no evaluation of shop '" + shopId + "' at " + text
                                : "no revision " + wanted + " of the evaluation of shop '" + shopId + "' at " + text));
        if (!csv) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(EvaluationJson.stored(found, true));
        }
        String name = "evaluation-" + shopId + "-"
                + DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmssxx")
                        .format(found.evaluation().evaluatedAt())
                + "-r" + found.revision() + ".csv";
        return ResponseEntity.ok()
                .contentType(TEXT_CSV)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(name, StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(ExplanationCsv.write(found.evaluation()));
    }

    private static Instant parseInstant(String text) {
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(
                    "instant: '" + text + "' is not an instant with an offset, such as 2026-11-16T00:00:00+08:00");
        }
    }

    private static @Nullable Integer parseRevision(@Nullable String revision) {
        if (revision == null) {
            return null;
        }
        try {
            int r = Integer.parseInt(revision);
            if (r >= 1) {
                return r;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.invalid("revision must be a whole number of at least 1");
    }
}
