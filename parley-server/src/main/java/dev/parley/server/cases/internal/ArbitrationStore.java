package dev.parley.server.cases.internal;

import static dev.parley.server.cases.internal.Sql.instant;
import static dev.parley.server.cases.internal.Sql.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Disputes as stored (table {@code dispute}). */
@Component
class ArbitrationStore {
    private static final String COLUMNS = "id, shop_id, conversation_id, buyer_id, opened_by, opened_side, reason,"
            + " status, filed_at, arbitrator_id, taken_at, outcome, decision, decided_at";

    private final JdbcClient jdbc;

    ArbitrationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A dispute as stored. */
    record DisputeRow(
            String id,
            String shopId,
            String conversationId,
            String buyerId,
            String openedBy,
            String openedSide,
            String reason,
            String status,
            Instant filedAt,
            @Nullable String arbitratorId,
            @Nullable Instant takenAt,
            @Nullable String outcome,
            @Nullable String decision,
            @Nullable Instant decidedAt) {}

    void insert(DisputeRow d) {
        jdbc.sql("INSERT INTO dispute (" + COLUMNS + ", open_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        d.id(),
                        d.shopId(),
                        d.conversationId(),
                        d.buyerId(),
                        d.openedBy(),
                        d.openedSide(),
                        d.reason(),
                        d.status(),
                        ts(d.filedAt()),
                        d.arbitratorId(),
                        ts(d.takenAt()),
                        d.outcome(),
                        d.decision(),
                        ts(d.decidedAt()),
                        d.conversationId())
                .update();
    }

    Optional<DisputeRow> find(String id, boolean lock) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM dispute WHERE id = ?" + (lock ? " FOR UPDATE" : ""))
                .param(id)
                .query((rs, n) -> row(rs))
                .optional();
    }

    /** The dispute of the conversation that is not decided yet, if any. */
    Optional<DisputeRow> undecided(String conversationId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM dispute WHERE open_key = ?")
                .param(conversationId)
                .query((rs, n) -> row(rs))
                .optional();
    }

    /** Every dispute of a conversation, newest first. */
    List<DisputeRow> ofConversation(String conversationId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM dispute WHERE conversation_id = ? ORDER BY filed_at DESC, id DESC")
                .param(conversationId)
                .query((rs, n) -> row(rs))
                .list();
    }

    /** A page of disputes with one of {@code statuses}, oldest first. */
    List<DisputeRow> page(List<String> statuses, @Nullable String shopId, Pages.@Nullable Position after, int limit) {
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        where.add("status IN ("
                + String.join(", ", statuses.stream().map(s -> "?").toList()) + ")");
        params.addAll(statuses);
        if (shopId != null) {
            where.add("shop_id = ?");
            params.add(shopId);
        }
        if (after != null) {
            where.add("(filed_at > ? OR (filed_at = ? AND id > ?))");
            params.add(ts(after.at()));
            params.add(ts(after.at()));
            params.add(after.id());
        }
        params.add(limit);
        return jdbc.sql("SELECT " + COLUMNS + " FROM dispute WHERE " + String.join(" AND ", where)
                        + " ORDER BY filed_at ASC, id ASC LIMIT ?")
                .params(params)
                .query((rs, n) -> row(rs))
                .list();
    }

    void take(String id, String arbitratorId, Instant at) {
        jdbc.sql("UPDATE dispute SET status = 'TAKEN', arbitrator_id = ?, taken_at = ? WHERE id = ?")
                .params(arbitratorId, ts(at), id)
                .update();
    }

    void decide(String id, String outcome, String decision, Instant at) {
        jdbc.sql("UPDATE dispute SET status = 'DECIDED', outcome = ?, decision = ?, decided_at = ?, open_key = NULL"
                        + " WHERE id = ?")
                .params(outcome, decision, ts(at), id)
                .update();
    }

    /** How many disputes wait for an arbitrator, and since when the oldest. */
    DisputeStore.Waiting waiting() {
        return jdbc.sql("SELECT COUNT(*), MIN(filed_at) FROM dispute WHERE status = 'OPEN'")
                .query((rs, n) -> new DisputeStore.Waiting(rs.getLong(1), instant(rs.getTimestamp(2))))
                .single();
    }

    private static DisputeRow row(ResultSet rs) throws SQLException {
        return new DisputeRow(
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
                rs.getString(13),
                instant(rs.getTimestamp(14)));
    }
}
