package dev.parley.server.cases.internal;

import dev.parley.server.accounts.Actor;
import dev.parley.server.cases.internal.CaseViews.BuyerReportView;
import dev.parley.server.cases.internal.CaseViews.VerdictHistory;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Buyers' reports of seller messages, and the verdict history of a message for its shop's team. */
@RestController
@RequestMapping(value = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Reports and verdicts", description = "buyers' reports of seller messages; a message's verdicts")
class SellerFacingController {
    private final BuyerReports buyerReports;
    private final ReviewQueue queue;

    SellerFacingController(BuyerReports buyerReports, ReviewQueue queue) {
        this.buyerReports = buyerReports;
        this.queue = queue;
    }

    @Operation(
            summary = "Report a seller message that reached you (buyers): {\"messageId\", \"reason\", \"rule\"?}",
            description = "409 already_reported when you reported it before")
    @PostMapping("/buyer-reports")
    @ResponseStatus(HttpStatus.CREATED)
    BuyerReportView report(
            @AuthenticationPrincipal Actor actor, @RequestBody(required = false) Bodies.@Nullable BuyerReport body) {
        return buyerReports.file(
                actor,
                body == null ? null : body.messageId(),
                body == null ? null : body.reason(),
                body == null ? null : body.rule());
    }

    @Operation(summary = "Your reports and what became of them, newest first (buyers)")
    @GetMapping("/buyer-reports")
    Pages.Page<BuyerReportView> mine(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        return buyerReports.mine(actor, cursor, limit);
    }

    @Operation(
            summary = "Every verdict and decision a message received: the verdict when sent, a new check, the"
                    + " reviewer's release or rejection (with the reason), a contest's outcome (the shop's team and"
                    + " platform staff)")
    @GetMapping("/messages/{messageId}/verdicts")
    VerdictHistory verdicts(@AuthenticationPrincipal Actor actor, @PathVariable String messageId) {
        return queue.history(actor, messageId);
    }
}
