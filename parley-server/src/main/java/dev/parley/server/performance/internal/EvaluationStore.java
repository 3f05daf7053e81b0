package dev.parley.server.performance.internal;

import dev.parley.core.evaluation.Evaluation;
import dev.parley.core.evaluation.Evaluation.MessageExplanation;
import dev.parley.core.evaluation.Evaluation.SkipReason;
import dev.parley.core.evaluation.Evaluation.Skipped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Stored evaluations, their explanations, and each shop's open period (tables of migration {@code V2_1}). */
@Component
public class EvaluationStore {
    private static final String HEADER_COLUMNS = "shop_id, evaluated_at, revision, period_start, zone, policy_version,"
            + " status, reason, assessed, responded, response_rate, mean_response_seconds, median_response_seconds,"
            + " p90_response_seconds, cause, fingerprint, computed_at, superseded_at";
    private static final String SHOP_COLUMNS =
            "shop_id, first_message_at, period_start, next_instant, zone, policy_version";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    EvaluationStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /**
     * A shop's open period {@code (periodStart, nextInstant]} with the zone and policy version it is read in; all but
     * the id are null until the shop's first period is known.
     */
    public record ShopState(
            String shopId,
            @Nullable Instant firstMessageAt,
            @Nullable Instant periodStart,
            @Nullable Instant nextInstant,
            @Nullable String zone,
            @Nullable String policyVersion) {}

    /** One stored revision without its explanation. */
    public record Header(
            String shopId,
            Instant evaluatedAt,
            int revision,
            Instant periodStart,
            ZoneId zone,
            String policyVersion,
            Evaluation.Status status,
            Evaluation.@Nullable Reason reason,
            int assessed,
            int responded,
            @Nullable Double responseRate,
            @Nullable Double meanResponseSeconds,
            @Nullable Double medianResponseSeconds,
            @Nullable Double p90ResponseSeconds,
            String cause,
            String fingerprint,
            Instant computedAt,
            @Nullable Instant supersededAt) {

        /** The core's evaluation of this header with the given explanation. */
        public Evaluation toEvaluation(List<MessageExplanation> messages, List<Skipped> skipped) {
            return new Evaluation(
                    evaluatedAt.atZone(zone),
                    periodStart.atZone(zone),
                    policyVersion,
                    status,
                    reason,
                    assessed,
                    responded,
                    responseRate,
                    meanResponseSeconds,
                    medianResponseSeconds,
                    p90ResponseSeconds,
                    messages,
                    skipped);
        }
    }

    /** Adds the shop's row, with its period still unknown, unless it has one. */
    public void ensureShop(String shopId, Instant now) {
        jdbc.sql("INSERT INTO evaluation_shop (shop_id, updated_at) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(shopId, Timestamp.from(now))
                .update();
    }

    /** Adds the rows of the shops among {@code shopIds} that have none, in one batch. */
    public void ensureShops(List<String> shopIds, Instant now) {
        if (shopIds.isEmpty()) {
            return;
        }
        Timestamp at = Timestamp.from(now);
        template.batchUpdate(
                "INSERT INTO evaluation_shop (shop_id, updated_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
                shopIds,
                500,
                (ps, shopId) -> {
                    ps.setString(1, shopId);
                    ps.setTimestamp(2, at);
                });
    }

    /** The shop's row, locked until the transaction ends: whoever holds it is the only one computing for the shop. */
    public Optional<ShopState> lockShop(String shopId) {
        return jdbc.sql("SELECT " + SHOP_COLUMNS + " FROM evaluation_shop WHERE shop_id = ? FOR UPDATE")
                .param(shopId)
                .query((rs, n) -> shopState(rs))
                .optional();
    }

    /** The shop's row, without a lock. */
    public Optional<ShopState> shop(String shopId) {
        return jdbc.sql("SELECT " + SHOP_COLUMNS + " FROM evaluation_shop WHERE shop_id = ?")
                .param(shopId)
                .query((rs, n) -> shopState(rs))
                .optional();
    }

    /** Moves the shop's open period. */
    public void updateShop(ShopState state, Instant now) {
        jdbc.sql("UPDATE evaluation_shop SET first_message_at = ?, period_start = ?, next_instant = ?, zone = ?,"
                        + " policy_version = ?, updated_at = ? WHERE shop_id = ?")
                .params(
                        timestamp(state.firstMessageAt()),
                        timestamp(state.periodStart()),
                        timestamp(state.nextInstant()),
                        state.zone(),
                        state.policyVersion(),
                        Timestamp.from(now),
                        state.shopId())
                .update();
    }

    /**
     * Up to {@code limit} shops, by id after {@code afterShopId}, whose open period ended at or before {@code cutoff}
     * or whose first period is not known yet.
     */
    public List<String> dueShops(Instant cutoff, String afterShopId, int limit) {
        return jdbc.sql("SELECT shop_id FROM evaluation_shop WHERE (next_instant IS NULL OR next_instant <= ?)"
                        + " AND shop_id > ? ORDER BY shop_id LIMIT ?")
                .params(Timestamp.from(cutoff), afterShopId, limit)
                .query(String.class)
                .list();
    }

    /** Whether any revision is stored for the shop at {@code evaluatedAt}. */
    public boolean exists(String shopId, Instant evaluatedAt) {
        return jdbc.sql("SELECT COUNT(*) FROM evaluation WHERE shop_id = ? AND evaluated_at = ?")
                        .params(shopId, Timestamp.from(evaluatedAt))
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** The latest revision at {@code evaluatedAt}. */
    public Optional<Header> latest(String shopId, Instant evaluatedAt) {
        return jdbc.sql("SELECT " + HEADER_COLUMNS + " FROM evaluation WHERE shop_id = ? AND evaluated_at = ?"
                        + " AND superseded_at IS NULL")
                .params(shopId, Timestamp.from(evaluatedAt))
                .query((rs, n) -> header(rs))
                .optional();
    }

    /** One revision at {@code evaluatedAt}. */
    public Optional<Header> revision(String shopId, Instant evaluatedAt, int revision) {
        return jdbc.sql("SELECT " + HEADER_COLUMNS + " FROM evaluation WHERE shop_id = ? AND evaluated_at = ?"
                        + " AND revision = ?")
                .params(shopId, Timestamp.from(evaluatedAt), revision)
                .query((rs, n) -> header(rs))
                .optional();
    }

    /** The latest revisions whose period {@code (periodStart, evaluatedAt]} meets {@code (from, to)}, by instant. */
    public List<Header> latestOverlapping(String shopId, Instant from, Instant to) {
        return jdbc.sql("SELECT " + HEADER_COLUMNS + " FROM evaluation WHERE shop_id = ? AND superseded_at IS NULL"
                        + " AND evaluated_at > ? AND period_start < ? ORDER BY evaluated_at")
                .params(shopId, Timestamp.from(from), Timestamp.from(to))
                .query((rs, n) -> header(rs))
                .list();
    }

    /** A page of the latest revisions, newest instant first, before {@code before} when given. */
    public List<Header> page(String shopId, @Nullable Instant before, int limit) {
        return jdbc.sql("SELECT " + HEADER_COLUMNS + " FROM evaluation WHERE shop_id = ? AND superseded_at IS NULL"
                        + (before == null ? "" : " AND evaluated_at < ?") + " ORDER BY evaluated_at DESC LIMIT ?")
                .params(before == null ? List.of(shopId, limit) : List.of(shopId, Timestamp.from(before), limit))
                .query((rs, n) -> header(rs))
                .list();
    }

    /** The assessed messages of a revision, by time then id. */
    public List<MessageExplanation> assessed(String shopId, Instant evaluatedAt, int revision) {
        return jdbc.sql("SELECT message_id, conversation_id, sent_at, reply_id, reply_at, response_ms, responded"
                        + " FROM evaluation_entry WHERE shop_id = ? AND evaluated_at = ? AND revision = ? AND kind = 'A'"
                        + " ORDER BY sent_at, message_id")
                .params(shopId, Timestamp.from(evaluatedAt), revision)
                .query((rs, n) -> {
                    Long millis = rs.getObject(6, Long.class);
                    return new MessageExplanation(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getTimestamp(3).toInstant(),
                            rs.getString(4),
                            instant(rs.getTimestamp(5)),
                            millis == null ? null : millis / 1000.0,
                            rs.getBoolean(7));
                })
                .list();
    }

    /** The buyer messages a revision left out, by time then id. */
    public List<Skipped> skipped(String shopId, Instant evaluatedAt, int revision) {
        return jdbc.sql("SELECT message_id, conversation_id, sent_at, skip_reason FROM evaluation_entry"
                        + " WHERE shop_id = ? AND evaluated_at = ? AND revision = ? AND kind = 'S'"
                        + " ORDER BY sent_at, message_id")
                .params(shopId, Timestamp.from(evaluatedAt), revision)
                .query((rs, n) -> new Skipped(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getTimestamp(3).toInstant(),
                        SkipReason.valueOf(rs.getString(4))))
                .list();
    }

    /** Marks the latest revision at {@code evaluatedAt} as superseded. */
    public void supersede(String shopId, Instant evaluatedAt, Instant now) {
        jdbc.sql("UPDATE evaluation SET superseded_at = ? WHERE shop_id = ? AND evaluated_at = ?"
                        + " AND superseded_at IS NULL")
                .params(Timestamp.from(now), shopId, Timestamp.from(evaluatedAt))
                .update();
    }

    /** Stores a revision with its explanation. */
    public void insert(
            String shopId, Evaluation e, int revision, String cause, String fingerprint, Instant computedAt) {
        Timestamp at = Timestamp.from(e.evaluatedAt().toInstant());
        jdbc.sql("INSERT INTO evaluation (" + HEADER_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                        + " ?, ?, NULL)")
                .params(
                        shopId,
                        at,
                        revision,
                        Timestamp.from(e.periodStart().toInstant()),
                        e.evaluatedAt().getZone().getId(),
                        e.policyVersion(),
                        e.status().name(),
                        e.reason() == null ? null : e.reason().name(),
                        e.assessed(),
                        e.responded(),
                        e.responseRate(),
                        e.meanResponseSeconds(),
                        e.medianResponseSeconds(),
                        e.p90ResponseSeconds(),
                        cause,
                        fingerprint,
                        Timestamp.from(computedAt))
                .update();
        List<Object[]> rows = new ArrayList<>(e.messages().size() + e.skipped().size());
        for (MessageExplanation m : e.messages()) {
            rows.add(new Object[] {
                shopId,
                at,
                revision,
                m.id(),
                m.conversation(),
                "A",
                Timestamp.from(m.at()),
                m.responded(),
                m.replyId(),
                timestamp(m.replyAt()),
                m.replyAt() == null ? null : m.replyAt().toEpochMilli() - m.at().toEpochMilli(),
                null
            });
        }
        for (Skipped s : e.skipped()) {
            rows.add(new Object[] {
                shopId,
                at,
                revision,
                s.id(),
                s.conversation(),
                "S",
                Timestamp.from(s.at()),
                false,
                null,
                null,
                null,
                s.reason().name()
            });
        }
        if (!rows.isEmpty()) {
            template.batchUpdate(
                    "INSERT INTO evaluation_entry (shop_id, evaluated_at, revision, message_id, conversation_id, kind,"
                            + " sent_at, responded, reply_id, reply_at, response_ms, skip_reason)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    rows,
                    rows.size(),
                    EvaluationStore::bindEntry);
        }
    }

    private static void bindEntry(PreparedStatement ps, Object[] row) throws SQLException {
        int[] types = {
            Types.VARCHAR,
            Types.TIMESTAMP,
            Types.INTEGER,
            Types.VARCHAR,
            Types.VARCHAR,
            Types.CHAR,
            Types.TIMESTAMP,
            Types.BOOLEAN,
            Types.VARCHAR,
            Types.TIMESTAMP,
            Types.BIGINT,
            Types.VARCHAR
        };
        for (int i = 0; i < row.length; i++) {
            if (row[i] == null) {
                ps.setNull(i + 1, types[i]);
            } else {
                ps.setObject(i + 1, row[i]);
            }
        }
    }

    private static ShopState shopState(ResultSet rs) throws SQLException {
        return new ShopState(
                rs.getString(1),
                instant(rs.getTimestamp(2)),
                instant(rs.getTimestamp(3)),
                instant(rs.getTimestamp(4)),
                rs.getString(5),
                rs.getString(6));
    }

    private static Header header(ResultSet rs) throws SQLException {
        String reason = rs.getString(8);
        return new Header(
                rs.getString(1),
                rs.getTimestamp(2).toInstant(),
                rs.getInt(3),
                rs.getTimestamp(4).toInstant(),
                ZoneId.of(rs.getString(5)),
                rs.getString(6),
                Evaluation.Status.valueOf(rs.getString(7)),
                reason == null ? null : Evaluation.Reason.valueOf(reason),
                rs.getInt(9),
                rs.getInt(10),
                rs.getObject(11, Double.class),
                rs.getObject(12, Double.class),
                rs.getObject(13, Double.class),
                rs.getObject(14, Double.class),
                rs.getString(15),
                rs.getString(16),
                rs.getTimestamp(17).toInstant(),
                instant(rs.getTimestamp(18)));
    }

    private static @Nullable Instant instant(@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant t) {
        return t == null ? null : Timestamp.from(t);
    }
}
