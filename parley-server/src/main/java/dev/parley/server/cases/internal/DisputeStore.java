package dev.parley.server.cases.internal;

import static dev.parley.server.cases.internal.Sql.instant;
import static dev.parley.server.cases.internal.Sql.ts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Appeals of enforcement actions, contests of verdicts with the regression set, and buyers' reports. */
@Component
class DisputeStore {
    private static final String APPEAL_COLUMNS =
            "id, shop_id, action_id, statement, filed_by, filed_at, status," + " decided_by, decided_at, decision_note";
    private static final String CONTEST_COLUMNS = "id, shop_id, message_id, conversation_id, statement, filed_by,"
            + " filed_at, status, expected_action, decided_by, decided_at, decision_note";
    private static final String BUYER_REPORT_COLUMNS = "id, shop_id, conversation_id, message_id, buyer_id, reason,"
            + " rule, status, filed_at, decided_by, decided_at, decision_note, violation_id";

    private final JdbcClient jdbc;

    DisputeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An appeal as stored. */
    record AppealRow(
            String id,
            String shopId,
            String actionId,
            String statement,
            String filedBy,
            Instant filedAt,
            String status,
            @Nullable String decidedBy,
            @Nullable Instant decidedAt,
            @Nullable String decisionNote) {}

    /** A contest as stored. */
    record ContestRow(
            String id,
            String shopId,
            String messageId,
            String conversationId,
            String statement,
            String filedBy,
            Instant filedAt,
            String status,
            @Nullable String expectedAction,
            @Nullable String decidedBy,
            @Nullable Instant decidedAt,
            @Nullable String decisionNote) {}

    /** A buyer's report as stored. */
    record BuyerReportRow(
            String id,
            String shopId,
            String conversationId,
            String messageId,
            String buyerId,
            String reason,
            @Nullable String rule,
            String status,
            Instant filedAt,
            @Nullable String decidedBy,
            @Nullable Instant decidedAt,
            @Nullable String decisionNote,
            @Nullable String violationId) {}

    // ---------------------------------------------------------------- appeals

    void insertAppeal(AppealRow a) {
        jdbc.sql("INSERT INTO appeal (" + APPEAL_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        a.id(),
                        a.shopId(),
                        a.actionId(),
                        a.statement(),
                        a.filedBy(),
                        ts(a.filedAt()),
                        a.status(),
                        a.decidedBy(),
                        ts(a.decidedAt()),
                        a.decisionNote())
                .update();
    }

    Optional<AppealRow> appeal(String id, boolean lock) {
        return jdbc.sql("SELECT " + APPEAL_COLUMNS + " FROM appeal WHERE id = ?" + (lock ? " FOR UPDATE" : ""))
                .param(id)
                .query((rs, n) -> appeal(rs))
                .optional();
    }

    Optional<AppealRow> appealOf(String actionId) {
        return jdbc.sql("SELECT " + APPEAL_COLUMNS + " FROM appeal WHERE action_id = ?")
                .param(actionId)
                .query((rs, n) -> appeal(rs))
                .optional();
    }

    List<AppealRow> appeals(
            @Nullable String shopId,
            @Nullable String status,
            boolean oldestFirst,
            Pages.@Nullable Position after,
            int limit) {
        return page("appeal", APPEAL_COLUMNS, shopId, status, oldestFirst, after, limit, DisputeStore::appeal);
    }

    void decideAppeal(String id, String status, String by, Instant at, @Nullable String note) {
        decide("appeal", id, status, by, at, note);
    }

    // ---------------------------------------------------------------- contests

    void insertContest(ContestRow c) {
        jdbc.sql("INSERT INTO contest (" + CONTEST_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        c.id(),
                        c.shopId(),
                        c.messageId(),
                        c.conversationId(),
                        c.statement(),
                        c.filedBy(),
                        ts(c.filedAt()),
                        c.status(),
                        c.expectedAction(),
                        c.decidedBy(),
                        ts(c.decidedAt()),
                        c.decisionNote())
                .update();
    }

    Optional<ContestRow> contest(String id, boolean lock) {
        return jdbc.sql("SELECT " + CONTEST_COLUMNS + " FROM contest WHERE id = ?" + (lock ? " FOR UPDATE" : ""))
                .param(id)
                .query((rs, n) -> contest(rs))
                .optional();
    }

    Optional<ContestRow> contestOf(String messageId) {
        return jdbc.sql("SELECT " + CONTEST_COLUMNS + " FROM contest WHERE message_id = ?")
                .param(messageId)
                .query((rs, n) -> contest(rs))
                .optional();
    }

    List<ContestRow> contests(
            @Nullable String shopId,
            @Nullable String status,
            boolean oldestFirst,
            Pages.@Nullable Position after,
            int limit) {
        return page("contest", CONTEST_COLUMNS, shopId, status, oldestFirst, after, limit, DisputeStore::contest);
    }

    void decideContest(String id, String status, @Nullable String expectedAction, String by, Instant at, String note) {
        jdbc.sql("UPDATE contest SET status = ?, expected_action = ?, decided_by = ?, decided_at = ?, decision_note = ?"
                        + " WHERE id = ?")
                .params(status, expectedAction, by, ts(at), note, id)
                .update();
    }

    void insertRegressionCase(String messageId, String shopId, String contestId, String line, Instant at) {
        jdbc.sql(
                        "INSERT INTO regression_case (message_id, shop_id, contest_id, input_line, added_at) VALUES (?, ?, ?, ?,"
                                + " ?)")
                .params(messageId, shopId, contestId, line, ts(at))
                .update();
    }

    /** The regression set's lines, in the order the cases were added. */
    List<String> regressionLines() {
        return jdbc.sql("SELECT input_line FROM regression_case ORDER BY added_at, message_id")
                .query(String.class)
                .list();
    }

    // ---------------------------------------------------------------- buyer reports

    void insertBuyerReport(BuyerReportRow r) {
        jdbc.sql("INSERT INTO buyer_report (" + BUYER_REPORT_COLUMNS
                        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        r.id(),
                        r.shopId(),
                        r.conversationId(),
                        r.messageId(),
                        r.buyerId(),
                        r.reason(),
                        r.rule(),
                        r.status(),
                        ts(r.filedAt()),
                        r.decidedBy(),
                        ts(r.decidedAt()),
                        r.decisionNote(),
                        r.violationId())
                .update();
    }

    Optional<BuyerReportRow> buyerReport(String id, boolean lock) {
        return jdbc.sql("SELECT " + BUYER_REPORT_COLUMNS + " FROM buyer_report WHERE id = ?"
                        + (lock ? " FOR UPDATE" : ""))
                .param(id)
                .query((rs, n) -> buyerReport(rs))
                .optional();
    }

    boolean buyerReported(String messageId, String buyerId) {
        return jdbc.sql("SELECT COUNT(*) FROM buyer_report WHERE message_id = ? AND buyer_id = ?")
                        .params(messageId, buyerId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** A page of buyer reports: of one buyer, or all (buyer null). */
    List<BuyerReportRow> buyerReports(
            @Nullable String buyerId,
            @Nullable String status,
            boolean oldestFirst,
            Pages.@Nullable Position after,
            int limit) {
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (buyerId != null) {
            where.add("buyer_id = ?");
            params.add(buyerId);
        }
        return page(
                "buyer_report",
                BUYER_REPORT_COLUMNS,
                where,
                params,
                status,
                oldestFirst,
                after,
                limit,
                DisputeStore::buyerReport);
    }

    void decideBuyerReport(
            String id, String status, String by, Instant at, @Nullable String note, @Nullable String violationId) {
        jdbc.sql("UPDATE buyer_report SET status = ?, decided_by = ?, decided_at = ?, decision_note = ?,"
                        + " violation_id = ? WHERE id = ?")
                .params(status, by, ts(at), note, violationId, id)
                .update();
    }

    // ---------------------------------------------------------------- waiting

    /** How many items of a table wait ({@code status = 'PENDING'}) and since when the oldest. */
    Waiting waiting(String table) {
        String at = table.equals("abuse_report") ? "reported_at" : "filed_at";
        return jdbc.sql("SELECT COUNT(*), MIN(" + at + ") FROM " + table + " WHERE status = 'PENDING'")
                .query((rs, n) -> new Waiting(rs.getLong(1), instant(rs.getTimestamp(2))))
                .single();
    }

    /** A count of waiting items and the time the oldest began to wait. */
    record Waiting(long count, @Nullable Instant oldest) {}

    // ---------------------------------------------------------------- helpers

    private interface Mapper<T> {
        T map(java.sql.ResultSet rs) throws java.sql.SQLException;
    }

    private <T> List<T> page(
            String table,
            String columns,
            @Nullable String shopId,
            @Nullable String status,
            boolean oldestFirst,
            Pages.@Nullable Position after,
            int limit,
            Mapper<T> mapper) {
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (shopId != null) {
            where.add("shop_id = ?");
            params.add(shopId);
        }
        return page(table, columns, where, params, status, oldestFirst, after, limit, mapper);
    }

    private <T> List<T> page(
            String table,
            String columns,
            List<String> where,
            List<Object> params,
            @Nullable String status,
            boolean oldestFirst,
            Pages.@Nullable Position after,
            int limit,
            Mapper<T> mapper) {
        if (status != null) {
            where.add("status = ?");
            params.add(status);
        }
        String cmp = oldestFirst ? ">" : "<";
        if (after != null) {
            where.add("(filed_at " + cmp + " ? OR (filed_at = ? AND id " + cmp + " ?))");
            params.add(ts(after.at()));
            params.add(ts(after.at()));
            params.add(after.id());
        }
        params.add(limit);
        String dir = oldestFirst ? "ASC" : "DESC";
        return jdbc.sql("SELECT " + columns + " FROM " + table
                        + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                        + " ORDER BY filed_at " + dir + ", id " + dir + " LIMIT ?")
                .params(params)
                .query((rs, n) -> mapper.map(rs))
                .list();
    }

    private void decide(String table, String id, String status, String by, Instant at, @Nullable String note) {
        jdbc.sql("UPDATE " + table + " SET status = ?, decided_by = ?, decided_at = ?, decision_note = ? WHERE id = ?")
                .params(status, by, ts(at), note, id)
                .update();
    }

    private static AppealRow appeal(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new AppealRow(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getTimestamp(6).toInstant(),
                rs.getString(7),
                rs.getString(8),
                instant(rs.getTimestamp(9)),
                rs.getString(10));
    }

    private static ContestRow contest(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new ContestRow(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getTimestamp(7).toInstant(),
                rs.getString(8),
                rs.getString(9),
                rs.getString(10),
                instant(rs.getTimestamp(11)),
                rs.getString(12));
    }

    private static BuyerReportRow buyerReport(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new BuyerReportRow(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getTimestamp(9).toInstant(),
                rs.getString(10),
                instant(rs.getTimestamp(11)),
                rs.getString(12),
                rs.getString(13));
    }
}
