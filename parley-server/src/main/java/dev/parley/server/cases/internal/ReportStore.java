package dev.parley.server.cases.internal;

import static dev.parley.server.cases.internal.Sql.instant;
import static dev.parley.server.cases.internal.Sql.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Abuse reports and the buyer messages they cover. */
@Component
class ReportStore {
    private static final String COLUMNS = "id, shop_id, conversation_id, buyer_id, category, note, status, reported_by,"
            + " reported_at, evidence_sha256, decided_by, decided_at, decision_note";

    private final JdbcClient jdbc;

    ReportStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A report as stored, without its evidence (read apart: it can be large). */
    record ReportRow(
            String id,
            String shopId,
            String conversationId,
            String buyerId,
            String category,
            @Nullable String note,
            String status,
            String reportedBy,
            Instant reportedAt,
            String evidenceSha256,
            @Nullable String decidedBy,
            @Nullable Instant decidedAt,
            @Nullable String decisionNote) {}

    void insert(ReportRow r, String evidence, List<String> messageIds) {
        jdbc.sql("INSERT INTO abuse_report (" + COLUMNS
                        + ", evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        r.id(),
                        r.shopId(),
                        r.conversationId(),
                        r.buyerId(),
                        r.category(),
                        r.note(),
                        r.status(),
                        r.reportedBy(),
                        ts(r.reportedAt()),
                        r.evidenceSha256(),
                        r.decidedBy(),
                        ts(r.decidedAt()),
                        r.decisionNote(),
                        evidence)
                .update();
        for (String m : messageIds) {
            jdbc.sql("INSERT INTO abuse_report_message (report_id, message_id, shop_id) VALUES (?, ?, ?)")
                    .params(r.id(), m, r.shopId())
                    .update();
        }
    }

    Optional<ReportRow> report(String id, boolean lock) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM abuse_report WHERE id = ?" + (lock ? " FOR UPDATE" : ""))
                .param(id)
                .query((rs, n) -> row(rs))
                .optional();
    }

    String evidence(String id) {
        return jdbc.sql("SELECT evidence FROM abuse_report WHERE id = ?")
                .param(id)
                .query(String.class)
                .single();
    }

    List<String> messageIds(String reportId) {
        return jdbc.sql("SELECT message_id FROM abuse_report_message WHERE report_id = ? ORDER BY message_id")
                .param(reportId)
                .query(String.class)
                .list();
    }

    /** The pending or verified reports that already cover any of these messages: message id to report id. */
    Map<String, String> covering(Collection<String> messageIds) {
        Map<String, String> covered = new LinkedHashMap<>();
        if (messageIds.isEmpty()) {
            return covered;
        }
        String marks = String.join(", ", messageIds.stream().map(i -> "?").toList());
        jdbc.sql("SELECT m.message_id, r.id FROM abuse_report_message m JOIN abuse_report r ON r.id = m.report_id"
                        + " WHERE m.message_id IN (" + marks + ") AND r.status IN ('PENDING', 'VERIFIED')"
                        + " ORDER BY m.message_id")
                .params(List.copyOf(messageIds))
                .query((rs, n) -> covered.putIfAbsent(rs.getString(1), rs.getString(2)))
                .list();
        return covered;
    }

    void decide(String id, String status, String by, Instant at, @Nullable String note) {
        jdbc.sql("UPDATE abuse_report SET status = ?, decided_by = ?, decided_at = ?, decision_note = ? WHERE id = ?")
                .params(status, by, ts(at), note, id)
                .update();
    }

    /**
     * A page of reports: of a shop newest first, or (shop null) of all shops; {@code oldestFirst} for the review queue.
     */
    List<ReportRow> reports(
            @Nullable String shopId,
            @Nullable String status,
            boolean oldestFirst,
            Pages.@Nullable Position after,
            int limit) {
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (shopId != null) {
            where.add("shop_id = ?");
            params.add(shopId);
        }
        if (status != null) {
            where.add("status = ?");
            params.add(status);
        }
        String cmp = oldestFirst ? ">" : "<";
        if (after != null) {
            where.add("(reported_at " + cmp + " ? OR (reported_at = ? AND id " + cmp + " ?))");
            params.add(ts(after.at()));
            params.add(ts(after.at()));
            params.add(after.id());
        }
        params.add(limit);
        String dir = oldestFirst ? "ASC" : "DESC";
        return jdbc.sql("SELECT " + COLUMNS + " FROM abuse_report"
                        + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                        + " ORDER BY reported_at " + dir + ", id " + dir + " LIMIT ?")
                .params(params)
                .query((rs, n) -> row(rs))
                .list();
    }

    private static ReportRow row(ResultSet rs) throws SQLException {
        return new ReportRow(
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
                rs.getString(11),
                instant(rs.getTimestamp(12)),
                rs.getString(13));
    }
}
