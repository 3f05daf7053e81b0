package dev.parley.server.cases.internal;

import static dev.parley.server.cases.internal.Sql.ts;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The decisions on seller messages after their verdict: the history reviewers and sellers see. */
@Component
class DecisionStore {
    /** A reviewer released the held message. */
    static final String RELEASED = "RELEASED";
    /** A reviewer rejected the held message. */
    static final String REJECTED = "REJECTED";
    /** The shop's team withdrew the held message before review. */
    static final String RETRACTED = "RETRACTED";
    /** The checker judged a message held by an enforcement action (which skips the checker when sent). */
    static final String RECHECKED = "RECHECKED";
    /** A reviewer recorded a violation (from a buyer's report or their own finding). */
    static final String VIOLATION_RECORDED = "VIOLATION_RECORDED";
    /** A reviewer overturned the verdict on a contest. */
    static final String CONTEST_OVERTURNED = "CONTEST_OVERTURNED";
    /** A reviewer upheld the verdict on a contest. */
    static final String CONTEST_UPHELD = "CONTEST_UPHELD";

    private final JdbcClient jdbc;

    DecisionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A decision as stored; {@code verdict} is JSON text. */
    record DecisionRow(
            String id,
            String shopId,
            String messageId,
            String kind,
            @Nullable String action,
            @Nullable String verdict,
            @Nullable String reason,
            @Nullable String decidedBy,
            Instant decidedAt) {}

    void insert(DecisionRow d) {
        jdbc.sql("INSERT INTO message_decision (id, shop_id, message_id, kind, action, verdict, reason, decided_by,"
                        + " decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        d.id(),
                        d.shopId(),
                        d.messageId(),
                        d.kind(),
                        d.action(),
                        d.verdict(),
                        d.reason(),
                        d.decidedBy(),
                        ts(d.decidedAt()))
                .update();
    }

    List<DecisionRow> ofMessage(String messageId) {
        return jdbc.sql("SELECT id, shop_id, message_id, kind, action, verdict, reason, decided_by, decided_at FROM"
                        + " message_decision WHERE message_id = ? ORDER BY decided_at, id")
                .param(messageId)
                .query((rs, n) -> new DecisionRow(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getTimestamp(9).toInstant()))
                .list();
    }

    boolean exists(String messageId, String kind) {
        return jdbc.sql("SELECT COUNT(*) FROM message_decision WHERE message_id = ? AND kind = ?")
                        .params(messageId, kind)
                        .query(Long.class)
                        .single()
                > 0;
    }
}
