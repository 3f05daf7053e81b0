package dev.parley.server.cases.internal;

import static dev.parley.server.cases.internal.Sql.instant;
import static dev.parley.server.cases.internal.Sql.ts;

import dev.parley.server.cases.EnforcementKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A shop's standing in the database: its lock row, violations, enforcement actions and what started them. */
@Component
class StandingStore {
    private static final String VIOLATION_COLUMNS = "id, shop_id, message_id, conversation_id, rule, clause, kind,"
            + " source, evidence, evidence_start, evidence_end, note, points, occurred_at, recorded_at, expires_at,"
            + " recorded_by, withdrawn_at, withdrawn_reason";
    private static final String ACTION_COLUMNS = "id, shop_id, kind, cause, reason, points, threshold, evaluated_at,"
            + " evaluation_revision, response_rate, created_by, starts_at, ends_at, ended_at, lifted_at, lifted_by,"
            + " lifted_reason";

    private final JdbcClient jdbc;

    StandingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A violation as stored. */
    record ViolationRow(
            String id,
            String shopId,
            String messageId,
            String conversationId,
            String rule,
            String clause,
            @Nullable String kind,
            String source,
            @Nullable String evidence,
            @Nullable Integer evidenceStart,
            @Nullable Integer evidenceEnd,
            @Nullable String note,
            int points,
            Instant occurredAt,
            Instant recordedAt,
            Instant expiresAt,
            @Nullable String recordedBy,
            @Nullable Instant withdrawnAt,
            @Nullable String withdrawnReason) {

        /** Whether its points count at {@code now}. */
        boolean activeAt(Instant now) {
            return withdrawnAt == null && now.isBefore(expiresAt);
        }
    }

    /** An enforcement action as stored. */
    record ActionRow(
            String id,
            String shopId,
            EnforcementKind kind,
            String cause,
            String reason,
            @Nullable Integer points,
            @Nullable Integer threshold,
            @Nullable Instant evaluatedAt,
            @Nullable Integer evaluationRevision,
            @Nullable Double responseRate,
            @Nullable String createdBy,
            Instant startsAt,
            @Nullable Instant endsAt,
            @Nullable Instant endedAt,
            @Nullable Instant liftedAt,
            @Nullable String liftedBy,
            @Nullable String liftedReason) {

        /** {@code LIFTED}, {@code ISSUED} (a warning), {@code ACTIVE} or {@code ENDED}, as of {@code now}. */
        String statusAt(Instant now) {
            if (liftedAt != null) {
                return "LIFTED";
            }
            if (endsAt == null) {
                return "ISSUED";
            }
            return now.isBefore(endsAt) ? "ACTIVE" : "ENDED";
        }

        /** Whether it restricts the shop's messaging at {@code now}. */
        boolean restrictsAt(Instant now) {
            return kind.restricts() && "ACTIVE".equals(statusAt(now));
        }
    }

    /** Locks the shop's standing row (creating it the first time) until the transaction ends. */
    void lockShop(String shopId, Instant now) {
        jdbc.sql("INSERT INTO shop_standing (shop_id, updated_at) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(shopId, ts(now))
                .update();
        jdbc.sql("SELECT shop_id FROM shop_standing WHERE shop_id = ? FOR UPDATE")
                .param(shopId)
                .query(String.class)
                .single();
        jdbc.sql("UPDATE shop_standing SET updated_at = ? WHERE shop_id = ?")
                .params(ts(now), shopId)
                .update();
    }

    // ---------------------------------------------------------------- violations

    void insertViolation(ViolationRow v) {
        jdbc.sql("INSERT INTO violation (" + VIOLATION_COLUMNS
                        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?," + " ?, ?, ?, ?)")
                .params(
                        v.id(),
                        v.shopId(),
                        v.messageId(),
                        v.conversationId(),
                        v.rule(),
                        v.clause(),
                        v.kind(),
                        v.source(),
                        v.evidence(),
                        v.evidenceStart(),
                        v.evidenceEnd(),
                        v.note(),
                        v.points(),
                        ts(v.occurredAt()),
                        ts(v.recordedAt()),
                        ts(v.expiresAt()),
                        v.recordedBy(),
                        ts(v.withdrawnAt()),
                        v.withdrawnReason())
                .update();
    }

    Optional<ViolationRow> violation(String id) {
        return jdbc.sql("SELECT " + VIOLATION_COLUMNS + " FROM violation WHERE id = ?")
                .param(id)
                .query((rs, n) -> violation(rs))
                .optional();
    }

    Optional<ViolationRow> violation(String messageId, String rule) {
        return jdbc.sql("SELECT " + VIOLATION_COLUMNS + " FROM violation WHERE message_id = ? AND rule = ?")
                .params(messageId, rule)
                .query((rs, n) -> violation(rs))
                .optional();
    }

    List<ViolationRow> violationsOfMessage(String messageId) {
        return jdbc.sql("SELECT " + VIOLATION_COLUMNS + " FROM violation WHERE message_id = ? ORDER BY recorded_at, id")
                .param(messageId)
                .query((rs, n) -> violation(rs))
                .list();
    }

    /** The shop's violations whose points count at {@code now}. */
    List<ViolationRow> activeViolations(String shopId, Instant now) {
        return jdbc.sql("SELECT " + VIOLATION_COLUMNS + " FROM violation WHERE shop_id = ? AND withdrawn_at IS NULL"
                        + " AND expires_at > ? ORDER BY recorded_at, id")
                .params(shopId, ts(now))
                .query((rs, n) -> violation(rs))
                .list();
    }

    /** The sum of the points that count at {@code now}. */
    int activePoints(String shopId, Instant now) {
        return jdbc.sql("SELECT COALESCE(SUM(points), 0) FROM violation WHERE shop_id = ? AND withdrawn_at IS NULL"
                        + " AND expires_at > ?")
                .params(shopId, ts(now))
                .query(Integer.class)
                .single();
    }

    /** A page of violations, newest first; {@code shopId} null for all shops, {@code active} for those counting now. */
    List<ViolationRow> violations(
            @Nullable String shopId, @Nullable Boolean active, Instant now, Pages.@Nullable Position after, int limit) {
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (shopId != null) {
            where.add("shop_id = ?");
            params.add(shopId);
        }
        if (active != null) {
            where.add(
                    active
                            ? "(withdrawn_at IS NULL AND expires_at > ?)"
                            : "(withdrawn_at IS NOT NULL OR expires_at <= ?)");
            params.add(ts(now));
        }
        if (after != null) {
            where.add("(recorded_at < ? OR (recorded_at = ? AND id < ?))");
            params.add(ts(after.at()));
            params.add(ts(after.at()));
            params.add(after.id());
        }
        params.add(limit);
        return jdbc.sql("SELECT " + VIOLATION_COLUMNS + " FROM violation"
                        + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                        + " ORDER BY recorded_at DESC, id DESC LIMIT ?")
                .params(params)
                .query((rs, n) -> violation(rs))
                .list();
    }

    void withdraw(String violationId, Instant at, String reason) {
        jdbc.sql("UPDATE violation SET withdrawn_at = ?, withdrawn_reason = ? WHERE id = ? AND withdrawn_at IS NULL")
                .params(ts(at), reason, violationId)
                .update();
    }

    // ---------------------------------------------------------------- actions

    void insertAction(ActionRow a) {
        jdbc.sql("INSERT INTO enforcement_action (" + ACTION_COLUMNS
                        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?," + " ?, ?, ?, ?)")
                .params(
                        a.id(),
                        a.shopId(),
                        a.kind().name(),
                        a.cause(),
                        a.reason(),
                        a.points(),
                        a.threshold(),
                        ts(a.evaluatedAt()),
                        a.evaluationRevision(),
                        a.responseRate(),
                        a.createdBy(),
                        ts(a.startsAt()),
                        ts(a.endsAt()),
                        ts(a.endedAt()),
                        ts(a.liftedAt()),
                        a.liftedBy(),
                        a.liftedReason())
                .update();
    }

    void linkViolations(String actionId, String shopId, Collection<String> violationIds) {
        for (String v : violationIds) {
            jdbc.sql("INSERT INTO enforcement_action_violation (action_id, violation_id, shop_id) VALUES (?, ?, ?)")
                    .params(actionId, v, shopId)
                    .update();
        }
    }

    /** The actions that counted this violation's points. */
    List<ActionRow> actionsCounting(String violationId) {
        return jdbc.sql("SELECT " + prefixed("a") + " FROM enforcement_action a JOIN enforcement_action_violation l"
                        + " ON l.action_id = a.id WHERE l.violation_id = ? ORDER BY a.starts_at, a.id")
                .param(violationId)
                .query((rs, n) -> action(rs))
                .list();
    }

    /**
     * The points that still support an action: those of the violations that started it and of every violation recorded
     * since, not withdrawn (the expiry of the first ones does not count against it).
     */
    int supportingPoints(ActionRow a) {
        return jdbc.sql("SELECT COALESCE(SUM(v.points), 0) FROM violation v WHERE v.shop_id = ? AND v.withdrawn_at IS"
                        + " NULL AND (v.recorded_at >= ? OR v.id IN (SELECT l.violation_id FROM"
                        + " enforcement_action_violation l WHERE l.action_id = ?))")
                .params(a.shopId(), ts(a.startsAt()), a.id())
                .query(Integer.class)
                .single();
    }

    List<String> countedViolationIds(String actionId) {
        return jdbc.sql(
                        "SELECT violation_id FROM enforcement_action_violation WHERE action_id = ? ORDER BY violation_id")
                .param(actionId)
                .query(String.class)
                .list();
    }

    Optional<ActionRow> action(String id, boolean lock) {
        return jdbc.sql("SELECT " + ACTION_COLUMNS + " FROM enforcement_action WHERE id = ?"
                        + (lock ? " FOR UPDATE" : ""))
                .param(id)
                .query((rs, n) -> action(rs))
                .optional();
    }

    /** The action an evaluation started, if any. */
    Optional<ActionRow> actionForEvaluation(String shopId, Instant evaluatedAt) {
        return jdbc
                .sql("SELECT " + ACTION_COLUMNS + " FROM enforcement_action WHERE shop_id = ? AND evaluated_at = ?"
                        + " AND cause = 'RESPONSE_RATE' ORDER BY starts_at DESC, id DESC")
                .params(shopId, ts(evaluatedAt))
                .query((rs, n) -> action(rs))
                .list()
                .stream()
                .findFirst();
    }

    void setEvaluationRevision(String actionId, int revision) {
        jdbc.sql("UPDATE enforcement_action SET evaluation_revision = ? WHERE id = ?")
                .params(revision, actionId)
                .update();
    }

    /** A page of actions, newest first; {@code shopId} null for all shops. */
    List<ActionRow> actions(@Nullable String shopId, Pages.@Nullable Position after, int limit) {
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (shopId != null) {
            where.add("shop_id = ?");
            params.add(shopId);
        }
        if (after != null) {
            where.add("(starts_at < ? OR (starts_at = ? AND id < ?))");
            params.add(ts(after.at()));
            params.add(ts(after.at()));
            params.add(after.id());
        }
        params.add(limit);
        return jdbc.sql("SELECT " + ACTION_COLUMNS + " FROM enforcement_action"
                        + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                        + " ORDER BY starts_at DESC, id DESC LIMIT ?")
                .params(params)
                .query((rs, n) -> action(rs))
                .list();
    }

    /** The shop's actions that restrict messaging at {@code now}. */
    List<ActionRow> restricting(String shopId, Instant now) {
        return jdbc.sql("SELECT " + ACTION_COLUMNS + " FROM enforcement_action WHERE shop_id = ? AND lifted_at IS NULL"
                        + " AND ends_at > ? ORDER BY starts_at, id")
                .params(shopId, ts(now))
                .query((rs, n) -> action(rs))
                .list();
    }

    /** Actions that ran out by {@code now} and are not marked ended yet. */
    List<ActionRow> runOut(Instant now, int limit) {
        return jdbc.sql("SELECT " + ACTION_COLUMNS
                        + " FROM enforcement_action WHERE ended_at IS NULL AND lifted_at IS NULL"
                        + " AND ends_at <= ? ORDER BY ends_at, id LIMIT ?")
                .params(ts(now), limit)
                .query((rs, n) -> action(rs))
                .list();
    }

    /** Marks a run-out action ended; false when another node did it first. */
    boolean markEnded(String actionId) {
        return jdbc.sql("UPDATE enforcement_action SET ended_at = ends_at WHERE id = ? AND ended_at IS NULL"
                                + " AND lifted_at IS NULL")
                        .param(actionId)
                        .update()
                == 1;
    }

    /** Lifts an action; false when it was lifted already. */
    boolean lift(String actionId, Instant at, String by, String reason) {
        return jdbc.sql("UPDATE enforcement_action SET lifted_at = ?, lifted_by = ?, lifted_reason = ? WHERE id = ?"
                                + " AND lifted_at IS NULL")
                        .params(ts(at), by, reason, actionId)
                        .update()
                == 1;
    }

    private static String prefixed(String alias) {
        return alias + "." + ACTION_COLUMNS.replace(", ", ", " + alias + ".");
    }

    private static ViolationRow violation(ResultSet rs) throws SQLException {
        return new ViolationRow(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                (Integer) rs.getObject(10, Integer.class),
                (Integer) rs.getObject(11, Integer.class),
                rs.getString(12),
                rs.getInt(13),
                rs.getTimestamp(14).toInstant(),
                rs.getTimestamp(15).toInstant(),
                rs.getTimestamp(16).toInstant(),
                rs.getString(17),
                instant(rs.getTimestamp(18)),
                rs.getString(19));
    }

    private static ActionRow action(ResultSet rs) throws SQLException {
        return new ActionRow(
                rs.getString(1),
                rs.getString(2),
                EnforcementKind.valueOf(rs.getString(3)),
                rs.getString(4),
                rs.getString(5),
                (Integer) rs.getObject(6, Integer.class),
                (Integer) rs.getObject(7, Integer.class),
                instant(rs.getTimestamp(8)),
                (Integer) rs.getObject(9, Integer.class),
                (Double) rs.getObject(10, Double.class),
                rs.getString(11),
                rs.getTimestamp(12).toInstant(),
                instant(rs.getTimestamp(13)),
                instant(rs.getTimestamp(14)),
                instant(rs.getTimestamp(15)),
                rs.getString(16),
                rs.getString(17));
    }
}
