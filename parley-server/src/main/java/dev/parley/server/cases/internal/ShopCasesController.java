package dev.parley.server.cases.internal;

import dev.parley.server.accounts.Actor;
import dev.parley.server.cases.internal.CaseViews.ActionView;
import dev.parley.server.cases.internal.CaseViews.AppealView;
import dev.parley.server.cases.internal.CaseViews.ContestView;
import dev.parley.server.cases.internal.CaseViews.ReportView;
import dev.parley.server.cases.internal.CaseViews.Standing;
import dev.parley.server.cases.internal.CaseViews.ViolationView;
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

/**
 * A shop's cases as its team sees them ({@code /api/v1/shops/{shopId}/…}): standing, violations, enforcement actions and
 * appeals, abuse reports, contests. Platform reviewers and arbitrators may read them too.
 */
@RestController
@RequestMapping(value = "/api/v1/shops/{shopId}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(
        name = "Shop cases",
        description = "violations, enforcement actions, appeals, abuse reports and contests of a shop")
class ShopCasesController {
    private final Standings standings;
    private final AbuseReports reports;
    private final Contests contests;
    private final ReviewQueue queue;

    ShopCasesController(Standings standings, AbuseReports reports, Contests contests, ReviewQueue queue) {
        this.standings = standings;
        this.reports = reports;
        this.contests = contests;
        this.queue = queue;
    }

    @Operation(summary = "The shop's active points, current messaging restriction, thresholds and running actions")
    @GetMapping("/standing")
    Standing standing(@AuthenticationPrincipal Actor actor, @PathVariable String shopId) {
        return standings.standing(actor, shopId);
    }

    @Operation(
            summary = "The shop's messages held for review (?status=HELD, oldest first, with how long they wait) or"
                    + " rejected by a reviewer (?status=REJECTED, newest first, with the reason)")
    @GetMapping("/held-messages")
    Pages.Page<CaseViews.HeldItem> heldMessages(
            @AuthenticationPrincipal Actor actor,
            @PathVariable String shopId,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        return queue.ofShop(actor, shopId, status, cursor, limit);
    }

    @Operation(summary = "The shop's violations, newest first; ?status=ACTIVE|INACTIVE")
    @GetMapping("/violations")
    Pages.Page<ViolationView> violations(
            @AuthenticationPrincipal Actor actor,
            @PathVariable String shopId,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        return standings.violations(actor, shopId, status, cursor, limit);
    }

    @Operation(summary = "The shop's enforcement actions with their reasons, newest first")
    @GetMapping("/enforcement-actions")
    Pages.Page<ActionView> actions(
            @AuthenticationPrincipal Actor actor,
            @PathVariable String shopId,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        return standings.actions(actor, shopId, cursor, limit);
    }

    @Operation(summary = "One enforcement action of the shop")
    @GetMapping("/enforcement-actions/{actionId}")
    ActionView action(
            @AuthenticationPrincipal Actor actor, @PathVariable String shopId, @PathVariable String actionId) {
        return standings.action(actor, shopId, actionId);
    }

    @Operation(
            summary = "Appeal a running hold or suspension, once (shop admins and owner): {\"statement\"}",
            description = "409 not_appealable for a warning or an action that ended or was lifted; 409 already_appealed"
                    + " for a second appeal")
    @PostMapping("/enforcement-actions/{actionId}/appeal")
    @ResponseStatus(HttpStatus.CREATED)
    AppealView appeal(
            @AuthenticationPrincipal Actor actor,
            @PathVariable String shopId,
            @PathVariable String actionId,
            @RequestBody(required = false) Bodies.@Nullable Appeal body) {
        return standings.appeal(actor, shopId, actionId, body == null ? null : body.statement());
    }

    @Operation(
            summary = "Report a buyer's messages of one conversation (clause 4.3): {\"conversationId\", \"messageIds\","
                    + " \"category\", \"note\"?}",
            description = "category: bullying, harassment, obscene, threatening, malicious, unreasonable_refund_demand,"
                    + " unreasonable_discount_demand, advertising, irrelevant. The evidence is a snapshot of the"
                    + " messages and their context taken now.")
    @PostMapping("/abuse-reports")
    @ResponseStatus(HttpStatus.CREATED)
    ReportView report(
            @AuthenticationPrincipal Actor actor,
            @PathVariable String shopId,
            @RequestBody(required = false) Bodies.@Nullable AbuseReport body) {
        Bodies.AbuseReport b = body == null ? new Bodies.AbuseReport(null, null, null, null) : body;
        return reports.file(
                actor, shopId, new AbuseReports.NewReport(b.conversationId(), b.messageIds(), b.category(), b.note()));
    }

    @Operation(summary = "The shop's abuse reports and their status, newest first; ?status=PENDING|VERIFIED|REJECTED")
    @GetMapping("/abuse-reports")
    Pages.Page<ReportView> reports(
            @AuthenticationPrincipal Actor actor,
            @PathVariable String shopId,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        return reports.ofShop(actor, shopId, status, cursor, limit);
    }

    @Operation(summary = "One abuse report with its frozen evidence")
    @GetMapping("/abuse-reports/{reportId}")
    ReportView report(
            @AuthenticationPrincipal Actor actor, @PathVariable String shopId, @PathVariable String reportId) {
        return reports.one(actor, shopId, reportId);
    }

    @Operation(summary = "The evidence exactly as frozen, byte for byte (its SHA-256 is the report's evidenceSha256)")
    @GetMapping("/abuse-reports/{reportId}/evidence")
    String evidence(@AuthenticationPrincipal Actor actor, @PathVariable String shopId, @PathVariable String reportId) {
        return reports.evidence(actor, shopId, reportId);
    }

    @Operation(
            summary = "Contest the verdict on a blocked or rejected message, once (shop admins and owner):"
                    + " {\"messageId\", \"statement\"}")
    @PostMapping("/contests")
    @ResponseStatus(HttpStatus.CREATED)
    ContestView contest(
            @AuthenticationPrincipal Actor actor,
            @PathVariable String shopId,
            @RequestBody(required = false) Bodies.@Nullable Contest body) {
        return contests.contest(
                actor, shopId, body == null ? null : body.messageId(), body == null ? null : body.statement());
    }

    @Operation(summary = "The shop's contests, newest first; ?status=PENDING|OVERTURNED|UPHELD")
    @GetMapping("/contests")
    Pages.Page<ContestView> contests(
            @AuthenticationPrincipal Actor actor,
            @PathVariable String shopId,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        return contests.ofShop(actor, shopId, status, cursor, limit);
    }
}
