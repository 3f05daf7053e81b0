package dev.parley.server.accounts.internal;

import dev.parley.server.accounts.AuditEntry;
import dev.parley.server.accounts.AuditLog;
import dev.parley.server.shared.TimeOrderedIds;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code audit_log} table: inserts and queries only, never an update or a delete. */
@Component
public class AuditStore {
    private static final String COLUMNS = "id, occurred_at, action, actor_id, actor_role, shop_id, subject_id, fields,"
            + " order_id, purpose, token_id, ip, detail";
    private final JdbcClient jdbc;
    private final TimeOrderedIds ids;
    private final Clock clock;

    AuditStore(JdbcClient jdbc, TimeOrderedIds ids, Clock clock) {
        this.jdbc = jdbc;
        this.ids = ids;
        this.clock = clock;
    }

    /** Inserts an entry. */
    public AuditEntry insert(AuditLog.Event e, @Nullable String actorId, String actorRole, @Nullable String tokenId) {
        AuditEntry entry = new AuditEntry(
                ids.next(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS),
                e.action(),
                actorId,
                actorRole,
                e.shopId(),
                e.subjectId(),
                e.fields(),
                e.orderId(),
                e.purpose(),
                tokenId,
                clip(e.ip(), 64),
                clip(e.detail(), 1000));
        jdbc.sql("INSERT INTO audit_log (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        entry.id(),
                        Timestamp.from(entry.occurredAt()),
                        entry.action(),
                        entry.actorId(),
                        entry.actorRole(),
                        entry.shopId(),
                        entry.subjectId(),
                        String.join(",", entry.fields()),
                        entry.orderId(),
                        entry.purpose(),
                        entry.tokenId(),
                        entry.ip(),
                        entry.detail())
                .update();
        return entry;
    }

    /** The entries that match, newest first (ids are time-ordered); the cursor is the last id of the page. */
    public AuditLog.Page query(AuditLog.Query q) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM audit_log WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (q.subjectId() != null) {
            sql.append(" AND subject_id = ?");
            params.add(q.subjectId());
        }
        if (q.actorId() != null) {
            sql.append(" AND actor_id = ?");
            params.add(q.actorId());
        }
        if (q.shopId() != null) {
            sql.append(" AND shop_id = ?");
            params.add(q.shopId());
        }
        if (q.from() != null) {
            sql.append(" AND occurred_at >= ?");
            params.add(Timestamp.from(q.from()));
        }
        if (q.to() != null) {
            sql.append(" AND occurred_at < ?");
            params.add(Timestamp.from(q.to()));
        }
        if (q.cursor() != null) {
            sql.append(" AND id < ?");
            params.add(q.cursor());
        }
        sql.append(" ORDER BY id DESC LIMIT ?");
        params.add(q.limit() + 1);
        List<AuditEntry> rows =
                jdbc.sql(sql.toString()).params(params).query(AuditStore::entry).list();
        if (rows.size() > q.limit()) {
            List<AuditEntry> page = rows.subList(0, q.limit());
            return new AuditLog.Page(List.copyOf(page), page.getLast().id());
        }
        return new AuditLog.Page(rows, null);
    }

    /** Every entry about a subject, oldest first. */
    public List<AuditEntry> about(String subjectId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM audit_log WHERE subject_id = ? ORDER BY id")
                .param(subjectId)
                .query(AuditStore::entry)
                .list();
    }

    private static AuditEntry entry(ResultSet rs, int n) throws SQLException {
        String fields = rs.getString(8);
        return new AuditEntry(
                rs.getString(1),
                rs.getTimestamp(2).toInstant(),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                fields.isEmpty() ? List.of() : Arrays.asList(fields.split(",")),
                rs.getString(9),
                rs.getString(10),
                rs.getString(11),
                rs.getString(12),
                rs.getString(13));
    }

    private static @Nullable String clip(@Nullable String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
