package dev.parley.server.cases;

import dev.parley.server.accounts.Actor;
import dev.parley.server.cases.internal.AbuseReports;
import dev.parley.server.cases.internal.BuyerReports;
import dev.parley.server.cases.internal.CasesApi;
import dev.parley.server.cases.internal.Contests;
import dev.parley.server.cases.internal.ReviewQueue;
import dev.parley.server.cases.internal.Standings;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The cases API for callers inside the server (the pages): the same checks, refusals (thrown as the API's problems)
 * and representations (maps as the JSON would have them) as {@code /api/v1/shops/{shopId}/…}, {@code /api/v1/review/…},
 * {@code /api/v1/buyer-reports} and {@code /api/v1/messages/{id}/verdicts}.
 */
@Service
public class Cases {
    private final CasesApi api;
    private final ReviewQueue queue;
    private final AbuseReports reports;
    private final Standings standings;
    private final Contests contests;
    private final BuyerReports buyerReports;

    Cases(
            CasesApi api,
            ReviewQueue queue,
            AbuseReports reports,
            Standings standings,
            Contests contests,
            BuyerReports buyerReports) {
        this.api = api;
        this.queue = queue;
        this.reports = reports;
        this.standings = standings;
        this.contests = contests;
        this.buyerReports = buyerReports;
    }

    /** A page of items (as JSON maps) and the cursor of the next page, null on the last. */
    public record Page(
            List<Map<String, @Nullable Object>> items,
            @Nullable String next) {}

    /** Which page: a cursor from an earlier page and a size (50 by default, at most 200). */
    public record Paging(@Nullable String cursor, @Nullable Integer limit) {

        /** The first page of the default size. */
        public static Paging first() {
            return new Paging(null, null);
        }
    }

    // ---------------------------------------------------------------- a shop's team

    /** {@code GET /shops/{shopId}/standing}. */
    public Map<String, @Nullable Object> standing(Actor actor, String shopId) {
        return api.map(standings.standing(actor, shopId));
    }

    /** {@code GET /shops/{shopId}/violations?status=}. */
    public Page violations(Actor actor, String shopId, @Nullable String status, Paging paging) {
        return page(standings.violations(actor, shopId, status, paging.cursor(), paging.limit()));
    }

    /** {@code GET /shops/{shopId}/enforcement-actions}. */
    public Page enforcementActions(Actor actor, String shopId, Paging paging) {
        return page(standings.actions(actor, shopId, paging.cursor(), paging.limit()));
    }

    /** {@code POST /shops/{shopId}/enforcement-actions/{actionId}/appeal}. */
    public Map<String, @Nullable Object> appeal(
            Actor actor, String shopId, String actionId, @Nullable String statement) {
        return api.map(standings.appeal(actor, shopId, actionId, statement));
    }

    /** {@code POST /shops/{shopId}/abuse-reports}. */
    public Map<String, @Nullable Object> reportAbuse(
            Actor actor,
            String shopId,
            @Nullable String conversationId,
            @Nullable List<String> messageIds,
            @Nullable String category,
            @Nullable String note) {
        return api.map(
                reports.file(actor, shopId, new AbuseReports.NewReport(conversationId, messageIds, category, note)));
    }

    /** {@code GET /shops/{shopId}/abuse-reports?status=}. */
    public Page abuseReports(Actor actor, String shopId, @Nullable String status, Paging paging) {
        return page(reports.ofShop(actor, shopId, status, paging.cursor(), paging.limit()));
    }

    /** {@code GET /shops/{shopId}/abuse-reports/{reportId}}, with the evidence. */
    public Map<String, @Nullable Object> abuseReport(Actor actor, String shopId, String reportId) {
        return api.map(reports.one(actor, shopId, reportId));
    }

    /** {@code POST /shops/{shopId}/contests}. */
    public Map<String, @Nullable Object> contest(
            Actor actor, String shopId, @Nullable String messageId, @Nullable String statement) {
        return api.map(contests.contest(actor, shopId, messageId, statement));
    }

    /** {@code GET /shops/{shopId}/contests?status=}. */
    public Page contests(Actor actor, String shopId, @Nullable String status, Paging paging) {
        return page(contests.ofShop(actor, shopId, status, paging.cursor(), paging.limit()));
    }

    /** {@code GET /shops/{shopId}/held-messages?status=HELD|REJECTED}. */
    public Page heldMessages(Actor actor, String shopId, @Nullable String status, Paging paging) {
        return page(queue.ofShop(actor, shopId, status, paging.cursor(), paging.limit()));
    }

    /** {@code GET /messages/{messageId}/verdicts}. */
    public Map<String, @Nullable Object> verdicts(Actor actor, String messageId) {
        return api.map(queue.history(actor, messageId));
    }

    // ---------------------------------------------------------------- buyers

    /** {@code POST /buyer-reports}. */
    public Map<String, @Nullable Object> reportMessage(
            Actor actor, @Nullable String messageId, @Nullable String reason, @Nullable String rule) {
        return api.map(buyerReports.file(actor, messageId, reason, rule));
    }

    /** {@code GET /buyer-reports}. */
    public Page myReports(Actor actor, Paging paging) {
        return page(buyerReports.mine(actor, paging.cursor(), paging.limit()));
    }

    // ---------------------------------------------------------------- reviewers

    /** {@code GET /review/queues}. */
    public Map<String, @Nullable Object> queueWaits(Actor actor) {
        return api.map(api.waits(actor));
    }

    /** {@code GET /review/held-messages?shopId=}. */
    public Page reviewHeldMessages(Actor actor, @Nullable String shopId, Paging paging) {
        return page(queue.queue(actor, shopId, paging.cursor(), paging.limit()));
    }

    /** {@code POST /review/held-messages/{messageId}/release}. */
    public Map<String, @Nullable Object> release(Actor actor, String messageId, @Nullable String note) {
        return api.map(queue.release(actor, messageId, note));
    }

    /** {@code POST /review/held-messages/{messageId}/reject}. */
    public Map<String, @Nullable Object> reject(
            Actor actor, String messageId, @Nullable String reason, @Nullable String rule, @Nullable String kind) {
        return api.map(queue.reject(actor, messageId, reason, rule, kind));
    }

    /** {@code GET /review/messages?…}. */
    public Page searchMessages(Actor actor, Map<String, String> criteria, Paging paging) {
        return page(queue.search(
                actor,
                criteria.get("shopId"),
                criteria.get("conversationId"),
                criteria.get("rule"),
                criteria.get("action"),
                criteria.get("status"),
                criteria.get("sender"),
                criteria.get("from"),
                criteria.get("to"),
                criteria.get("order"),
                paging.cursor(),
                paging.limit()));
    }

    /** {@code GET /review/abuse-reports?shopId=&status=}. */
    public Page reviewAbuseReports(Actor actor, @Nullable String shopId, @Nullable String status, Paging paging) {
        return page(reports.queue(actor, shopId, status, paging.cursor(), paging.limit()));
    }

    /** {@code POST /review/abuse-reports/{reportId}/verify} ({@code verify}) or {@code …/reject}. */
    public Map<String, @Nullable Object> decideAbuseReport(
            Actor actor, String reportId, boolean verify, @Nullable String noteOrReason) {
        return api.map(
                verify ? reports.verify(actor, reportId, noteOrReason) : reports.reject(actor, reportId, noteOrReason));
    }

    /** {@code GET /review/appeals?shopId=&status=}. */
    public Page appeals(Actor actor, @Nullable String shopId, @Nullable String status, Paging paging) {
        return page(standings.appeals(actor, shopId, status, paging.cursor(), paging.limit()));
    }

    /** {@code POST /review/appeals/{appealId}/grant} ({@code grant}) or {@code …/deny}. */
    public Map<String, @Nullable Object> decideAppeal(
            Actor actor, String appealId, boolean grant, @Nullable String noteOrReason) {
        return api.map(standings.decideAppeal(actor, appealId, grant, noteOrReason));
    }

    /** {@code GET /review/contests?shopId=&status=}. */
    public Page reviewContests(Actor actor, @Nullable String shopId, @Nullable String status, Paging paging) {
        return page(contests.queue(actor, shopId, status, paging.cursor(), paging.limit()));
    }

    /** {@code POST /review/contests/{contestId}/overturn} ({@code overturn}) or {@code …/uphold}. */
    public Map<String, @Nullable Object> decideContest(
            Actor actor,
            String contestId,
            boolean overturn,
            @Nullable String expectedAction,
            @Nullable String noteOrReason) {
        return api.map(contests.decide(actor, contestId, overturn, expectedAction, noteOrReason));
    }

    /** {@code GET /review/buyer-reports?status=}. */
    public Page reviewBuyerReports(Actor actor, @Nullable String status, Paging paging) {
        return page(buyerReports.queue(actor, status, paging.cursor(), paging.limit()));
    }

    /** {@code POST /review/buyer-reports/{reportId}/confirm}. */
    public Map<String, @Nullable Object> confirmBuyerReport(
            Actor actor, String reportId, @Nullable String rule, @Nullable String kind, @Nullable String note) {
        return api.map(buyerReports.confirm(actor, reportId, rule, kind, note));
    }

    /** {@code POST /review/buyer-reports/{reportId}/dismiss}. */
    public Map<String, @Nullable Object> dismissBuyerReport(Actor actor, String reportId, @Nullable String reason) {
        return api.map(buyerReports.dismiss(actor, reportId, reason));
    }

    /** {@code GET /review/violations?shopId=&status=}: every shop's, or one shop's, for reviewers. */
    public Page reviewViolations(Actor actor, @Nullable String shopId, @Nullable String status, Paging paging) {
        return page(standings.violations(actor, shopId, status, paging.cursor(), paging.limit()));
    }

    /** {@code POST /review/violations}. */
    public Map<String, @Nullable Object> recordViolation(
            Actor actor,
            @Nullable String messageId,
            @Nullable String rule,
            @Nullable String kind,
            @Nullable String note) {
        return api.map(standings.recordViolation(actor, messageId, rule, kind, note));
    }

    /** {@code GET /review/enforcement-actions?shopId=}: every shop's, or one shop's, for reviewers. */
    public Page reviewEnforcementActions(Actor actor, @Nullable String shopId, Paging paging) {
        return page(standings.actions(actor, shopId, paging.cursor(), paging.limit()));
    }

    /** {@code POST /review/enforcement-actions}. */
    public Map<String, @Nullable Object> startAction(
            Actor actor,
            @Nullable String shopId,
            @Nullable String kind,
            @Nullable Integer days,
            @Nullable String reason) {
        return api.map(standings.startAction(actor, shopId, kind, days, reason));
    }

    /** {@code GET /review/regression-set}: JSON Lines. */
    public String regressionSet(Actor actor) {
        return contests.regressionSet(actor);
    }

    private Page page(Object page) {
        Map<String, @Nullable Object> map = api.map(page);
        @SuppressWarnings("unchecked")
        List<Map<String, @Nullable Object>> items = (List<Map<String, @Nullable Object>>) map.get("items");
        return new Page(items, (String) map.get("next"));
    }
}
