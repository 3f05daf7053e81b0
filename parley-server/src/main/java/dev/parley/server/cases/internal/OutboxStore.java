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

/**
 * The e-mail outbox (table {@code mail_outbox}). A row is delivered by one node: {@link #claim} is a conditional
 * update that only one node can win, on H2 as on PostgreSQL.
 */
@Component
class OutboxStore {
    private static final String COLUMNS = "id, kind, subject_ref, to_user_id, to_address, from_address, subject, body,"
            + " status, attempts, created_at, next_attempt_at, sent_at, error";

    private final JdbcClient jdbc;

    OutboxStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored notice. */
    record MailRow(
            String id,
            String kind,
            @Nullable String subjectRef,
            @Nullable String toUserId,
            String toAddress,
            String fromAddress,
            String subject,
            String body,
            String status,
            int attempts,
            Instant createdAt,
            @Nullable Instant nextAttemptAt,
            @Nullable Instant sentAt,
            @Nullable String error) {}

    void insert(MailRow m) {
        jdbc.sql("INSERT INTO mail_outbox (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        m.id(),
                        m.kind(),
                        m.subjectRef(),
                        m.toUserId(),
                        m.toAddress(),
                        m.fromAddress(),
                        m.subject(),
                        m.body(),
                        m.status(),
                        m.attempts(),
                        ts(m.createdAt()),
                        ts(m.nextAttemptAt()),
                        ts(m.sentAt()),
                        m.error())
                .update();
    }

    /** Whether this notice was stored before (same kind, subject and recipient). */
    boolean exists(String kind, String subjectRef, String toAddress) {
        return jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE kind = ? AND subject_ref = ? AND to_address = ?")
                        .params(kind, subjectRef, toAddress)
                        .query(Long.class)
                        .single()
                > 0;
    }

    Optional<MailRow> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM mail_outbox WHERE id = ?")
                .param(id)
                .query((rs, n) -> row(rs))
                .optional();
    }

    /** A page of notices, newest first, to one address if given. */
    List<MailRow> page(@Nullable String to, @Nullable String status, Pages.@Nullable Position after, int limit) {
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (to != null) {
            where.add("LOWER(to_address) = LOWER(?)");
            params.add(to);
        }
        if (status != null) {
            where.add("status = ?");
            params.add(status);
        }
        if (after != null) {
            where.add("(created_at < ? OR (created_at = ? AND id < ?))");
            params.add(ts(after.at()));
            params.add(ts(after.at()));
            params.add(after.id());
        }
        params.add(limit);
        return jdbc.sql("SELECT " + COLUMNS + " FROM mail_outbox"
                        + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                        + " ORDER BY created_at DESC, id DESC LIMIT ?")
                .params(params)
                .query((rs, n) -> row(rs))
                .list();
    }

    /** Ids of notices due for an attempt at {@code now}: pending and due, or claimed by a node that did not finish. */
    List<String> due(Instant now, int limit) {
        return jdbc.sql("SELECT id FROM mail_outbox WHERE (status = 'PENDING' AND next_attempt_at <= ?)"
                        + " OR (status = 'SENDING' AND claimed_until < ?) ORDER BY created_at, id LIMIT ?")
                .params(ts(now), ts(now), limit)
                .query(String.class)
                .list();
    }

    /** Claims a due notice for {@code node} until {@code until}; true when this call won it. */
    boolean claim(String id, String node, Instant now, Instant until) {
        return jdbc.sql("UPDATE mail_outbox SET status = 'SENDING', claimed_by = ?, claimed_until = ?,"
                                + " attempts = attempts + 1 WHERE id = ? AND ((status = 'PENDING' AND next_attempt_at"
                                + " <= ?) OR (status = 'SENDING' AND claimed_until < ?))")
                        .params(node, ts(until), id, ts(now), ts(now))
                        .update()
                == 1;
    }

    void sent(String id, String node, Instant at) {
        jdbc.sql("UPDATE mail_outbox SET status = 'SENT', sent_at = ?, error = NULL, claimed_until = NULL"
                        + " WHERE id = ? AND claimed_by = ? AND status = 'SENDING'")
                .params(ts(at), id, node)
                .update();
    }

    /** After a failed attempt: {@code PENDING} again from {@code retryAt}, or {@code FAILED} when it is null. */
    void failed(String id, String node, String error, @Nullable Instant retryAt) {
        jdbc.sql("UPDATE mail_outbox SET status = ?, next_attempt_at = ?, error = ?, claimed_until = NULL"
                        + " WHERE id = ? AND claimed_by = ? AND status = 'SENDING'")
                .params(retryAt == null ? "FAILED" : "PENDING", ts(retryAt), error, id, node)
                .update();
    }

    private static MailRow row(ResultSet rs) throws SQLException {
        return new MailRow(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                rs.getInt(10),
                rs.getTimestamp(11).toInstant(),
                instant(rs.getTimestamp(12)),
                instant(rs.getTimestamp(13)),
                rs.getString(14));
    }
}
