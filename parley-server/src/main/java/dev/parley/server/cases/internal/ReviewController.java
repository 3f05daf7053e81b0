package dev.parley.server.cases.internal;

import dev.parley.server.accounts.Actor;
import dev.parley.server.cases.internal.CaseViews.ActionView;
import dev.parley.server.cases.internal.CaseViews.AppealView;
import dev.parley.server.cases.internal.CaseViews.BuyerReportView;
import dev.parley.server.cases.internal.CaseViews.ContestView;
import dev.parley.server.cases.internal.CaseViews.HeldItem;
import dev.parley.server.cases.internal.CaseViews.MessageView;
import dev.parley.server.cases.internal.CaseViews.ReportView;
import dev.parley.server.cases.internal.CaseViews.ViolationView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The platform reviewers' queues ({@code /api/v1/review/…}): held messages, abuse reports, appeals, contests and buyer
 * reports, each oldest first with how long it has waited; a search over every message; violations and enforcement
 * actions of every shop; the checker's regression set.
 */
@RestController
@RequestMapping(value = "/api/v1/review", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Review", description = "the platform reviewers' queues and records")
class ReviewController {
    /** The media type of the regression set: JSON Lines. */
    static final String JSON_LINES = "application/x-ndjson";

    private final ReviewQueue queue;
    private final AbuseReports reports;
    private final Standings standings;
    private final Contests contests;
    private final BuyerReports buyerReports;
    private final QueueTimes times;
    private final Access access;

    ReviewController(
            ReviewQueue queue,
            AbuseReports reports,
            Standings standings,
            Contests contests,
            BuyerReports buyerReports,
            QueueTimes times,
            Access access) {
        this.queue = queue;
        this.reports = reports;
        this.standings = standings;
        this.contests = contests;
        this.buyerReports = buyerReports;
        this.times = times;
        this.access = access;
    }

    @Operation(summary = "How long each queue waits: items waiting and the age of the oldest")
    @GetMapping("/queues")
    CaseViews.QueueWaits queues(@AuthenticationPrincipal Actor actor) {
        return times.waits(actor);
    }

    // ---------------------------------------------------------------- held messages

    @Operation(summary = "Held messages, oldest first, with the rules that held them and how long they waited")
    @GetMapping("/held-messages")
    Pages.Page<HeldItem> held(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(required = false) @Nullable String shopId,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        return queue.queue(actor, shopId, cursor, limit);
    }

    @Operation(summary = "One held message")
    @GetMapping("/held-messages/{messageId}")
    HeldItem heldMessage(@AuthenticationPrincipal Actor actor, @PathVariable String messageId) {
        return queue.heldMessage(actor, messageId);
    }

    @Operation(
            summary = "Release a held message: delivered now (it counts as sent when the seller sent it): {\"note\"?}",
            description = "409 message_not_held when it is not held")
    @PostMapping("/held-messages/{messageId}/release")
    MessageView release(
            @AuthenticationPrincipal Actor actor,
            @PathVariable String messageId,
            @RequestBody(required = false) Bodies.@Nullable Note body) {
        return queue.release(actor, messageId, body == null ? null : body.note());
    }

    @Operation(
            summary = "Reject a held message: never delivered, the seller told the reason, a violation recorded:"
                    + " {\"reason\", \"rule\"?, \"kind\"?}",
            description =
                    "rule defaults to the rule that held it; required for a message held by an enforcement action")
    @PostMapping("/held-messages/{messageId}/reject")
    ReviewQueue.RejectOutcome reject(
            @AuthenticationPrincipal Actor actor,
            @PathVariable String messageId,
            @RequestBody(required = false) Bodies.@Nullable Rejection body) {
        Bodies.Rejection b = body == null ? new Bodies.Rejection(null, null, null) : body;
        return queue.reject(actor, messageId, b.reason(), b.rule(), b.kind());
    }

    @Operation(
            summary = "Search every message: ?shopId, conversationId, rule, action, status, sender, from, to (ISO"
                    + " instants, sent at), order=newest|oldest, cursor, limit")
    @GetMapping("/messages")
    Pages.Page<MessageView> search(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(required = false) @Nullable String shopId,
            @RequestParam(required = false) @Nullable String conversationId,
            @RequestParam(required = false) @Nullable String rule,
            @RequestParam(required = false) @Nullable String action,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String sender,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String order,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        return queue.search(
                actor, shopId, conversationId, rule, action, status, sender, from, to, order, cursor, limit);
    }

    // ---------------------------------------------------------------- abuse reports

    @Operation(summary = "Abuse reports, oldest first; ?status (default PENDING), shopId")
    @GetMapping("/abuse-reports")
    Pages.Page<ReportView> reports(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(required = false) @Nullable String shopId,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        return reports.queue(actor, shopId, status, cursor, limit);
    }

    @Operation(summary = "One abuse report with its frozen evidence")
    @GetMapping("/abuse-reports/{reportId}")
    ReportView report(@AuthenticationPrincipal Actor actor, @PathVariable String reportId) {
        return reports.reviewed(actor, reportId);
    }

    @Operation(
            summary = "Verify a pending report: its buyer messages leave the shop's evaluations: {\"note\"?}",
            description = "409 already_decided for a report decided before")
    @PostMapping("/abuse-reports/{reportId}/verify")
    ReportView verify(
            @AuthenticationPrincipal Actor actor,
            @PathVariable String reportId,
            @RequestBody(required = false) Bodies.@Nullable Note body) {
        return reports.verify(actor, reportId, body == null ? null : body.note());
    }

    @Operation(summary = "Reject a pending report, telling the shop why: {\"reason\"}")
    @PostMapping("/abuse-reports/{reportId}/reject")
    ReportView rejectReport(
            @AuthenticationPrincipal Actor actor,
            @PathVariable String reportId,
            @RequestBody(required = false) Bodies.@Nullable Reason body) {
        return reports.reject(actor, reportId, body == null ? null : body.reason());
    }

    // ---------------------------------------------------------------- appeals

    @Operation(summary = "Appeals, oldest first; ?status (default PENDING), shopId")
    @GetMapping("/appeals")
    Pages.Page<AppealView> appeals(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(required = false) @Nullable String shopId,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        return standings.appeals(actor, shopId, status, cursor, limit);
    }

    @Operation(summary = "Grant an appeal: the action is lifted and its restriction removed: {\"note\"?}")
    @PostMapping("/appeals/{appealId}/grant")
    AppealView grant(
            @AuthenticationPrincipal Actor actor,
            @PathVariable String appealId,
            @RequestBody(required = false) Bodies.@Nullable Note body) {
        return standings.decideAppeal(actor, appealId, true, body == null ? null : body.note());
    }

    @Operation(summary = "Deny an appeal, telling the shop why: {\"reason\"}")
    @PostMapping("/appeals/{appealId}/deny")
    AppealView deny(
            @AuthenticationPrincipal Actor actor,
            @PathVariable String appealId,
            @RequestBody(required = false) Bodies.@Nullable Reason body) {
        return standings.decideAppeal(actor, appealId, false, body == null ? null : body.reason());
    }

    // ---------------------------------------------------------------- contests

    @Operation(summary = "Contests, oldest first, with their messages; ?status (default PENDING), shopId")
    @GetMapping("/contests")
    Pages.Page<ContestView> contests(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(required = false) @Nullable String shopId,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        return contests.queue(actor, shopId, status, cursor, limit);
    }

    @Operation(
            summary = "Overturn the verdict: its violations and points go, the message joins the regression set:"
                    + " {\"expectedAction\"?: \"ALLOW\"|\"WARN\", \"note\"?}")
    @PostMapping("/contests/{contestId}/overturn")
    ContestView overturn(
            @AuthenticationPrincipal Actor actor,
            @PathVariable String contestId,
            @RequestBody(required = false) Bodies.@Nullable Overturn body) {
        return contests.decide(
                actor, contestId, true, body == null ? null : body.expectedAction(), body == null ? null : body.note());
    }

    @Operation(summary = "Uphold the verdict, telling the shop why: {\"reason\"}")
    @PostMapping("/contests/{contestId}/uphold")
    ContestView uphold(
            @AuthenticationPrincipal Actor actor,
            @PathVariable String contestId,
            @RequestBody(required = false) Bodies.@Nullable Reason body) {
        return contests.decide(actor, contestId, false, null, body == null ? null : body.reason());
    }

    @Operation(
            summary = "The checker's regression set: overturned messages as `parley check` input lines (JSON Lines)"
                    + " with \"expect\": {\"action\"}")
    @GetMapping(value = "/regression-set", produces = JSON_LINES)
    ResponseEntity<String> regressionSet(@AuthenticationPrincipal Actor actor) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(JSON_LINES))
                .body(contests.regressionSet(actor));
    }

    // ---------------------------------------------------------------- buyer reports

    @Operation(summary = "Buyers' reports of seller messages, oldest first; ?status (default PENDING)")
    @GetMapping("/buyer-reports")
    Pages.Page<BuyerReportView> buyerReports(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        return buyerReports.queue(actor, status, cursor, limit);
    }

    @Operation(
            summary = "Confirm a buyer's report with a violation: {\"rule\"? (default the buyer's), \"kind\"?,"
                    + " \"note\"?}")
    @PostMapping("/buyer-reports/{reportId}/confirm")
    BuyerReportView confirm(
            @AuthenticationPrincipal Actor actor,
            @PathVariable String reportId,
            @RequestBody(required = false) Bodies.@Nullable Violation body) {
        Bodies.Violation b = body == null ? new Bodies.Violation(null, null, null, null) : body;
        return buyerReports.confirm(actor, reportId, b.rule(), b.kind(), b.note());
    }

    @Operation(summary = "Dismiss a buyer's report, telling the buyer why: {\"reason\"}")
    @PostMapping("/buyer-reports/{reportId}/dismiss")
    BuyerReportView dismiss(
            @AuthenticationPrincipal Actor actor,
            @PathVariable String reportId,
            @RequestBody(required = false) Bodies.@Nullable Reason body) {
        return buyerReports.dismiss(actor, reportId, body == null ? null : body.reason());
    }

    // ---------------------------------------------------------------- violations and actions of every shop

    @Operation(summary = "Violations of every shop (or ?shopId), newest first; ?status=ACTIVE|INACTIVE")
    @GetMapping("/violations")
    Pages.Page<ViolationView> violations(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(required = false) @Nullable String shopId,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        access.reviewer(actor);
        return standings.violations(actor, shopId, status, cursor, limit);
    }

    @Operation(summary = "Record a violation of a seller message: {\"messageId\", \"rule\", \"kind\"?, \"note\"?}")
    @PostMapping("/violations")
    @ResponseStatus(HttpStatus.CREATED)
    ViolationView recordViolation(
            @AuthenticationPrincipal Actor actor, @RequestBody(required = false) Bodies.@Nullable Violation body) {
        Bodies.Violation b = body == null ? new Bodies.Violation(null, null, null, null) : body;
        return standings.recordViolation(actor, b.messageId(), b.rule(), b.kind(), b.note());
    }

    @Operation(summary = "Enforcement actions of every shop (or ?shopId), newest first")
    @GetMapping("/enforcement-actions")
    Pages.Page<ActionView> actions(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(required = false) @Nullable String shopId,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        access.reviewer(actor);
        return standings.actions(actor, shopId, cursor, limit);
    }

    @Operation(
            summary = "Start an enforcement action: {\"shopId\", \"kind\": \"WARNING\"|\"HOLD_ALL\"|\"SUSPENSION\","
                    + " \"days\"?, \"reason\"}")
    @PostMapping("/enforcement-actions")
    @ResponseStatus(HttpStatus.CREATED)
    ActionView startAction(
            @AuthenticationPrincipal Actor actor, @RequestBody(required = false) Bodies.@Nullable Action body) {
        Bodies.Action b = body == null ? new Bodies.Action(null, null, null, null) : body;
        return standings.startAction(actor, b.shopId(), b.kind(), b.days(), b.reason());
    }
}
