package dev.parley.server.moderation.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The activated policies in the database ({@code policy_version}); the highest {@code seq} is the active one. */
@Component
class PolicyStore {
    private static final String COLUMNS = "seq, version, source, text, sha256, activated_by, activated_at";
    private static final String LIST_COLUMNS = "seq, version, source, '' AS text, sha256, activated_by, activated_at";

    private final JdbcClient jdbc;

    PolicyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The number of the active policy, 0 when none was stored yet; one index lookup, for polling. */
    long activeSeq() {
        return jdbc.sql("SELECT COALESCE(MAX(seq), 0) FROM policy_version")
                .query(Long.class)
                .single();
    }

    /** The active policy. */
    Optional<PolicyRecord> active() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM policy_version ORDER BY seq DESC LIMIT 1")
                .query(PolicyStore::record)
                .optional();
    }

    /** The policy activated as number {@code seq}. */
    Optional<PolicyRecord> bySeq(long seq) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM policy_version WHERE seq = ?")
                .param(seq)
                .query(PolicyStore::record)
                .optional();
    }

    /** The texts activated under {@code version}. */
    List<PolicyRecord> withVersion(String version) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM policy_version WHERE version = ? ORDER BY seq")
                .param(version)
                .query(PolicyStore::record)
                .list();
    }

    /** The activations before {@code beforeSeq} (all when null), newest first, without their texts. */
    List<PolicyRecord> history(@Nullable Long beforeSeq, int limit) {
        return beforeSeq == null
                ? jdbc.sql("SELECT " + LIST_COLUMNS + " FROM policy_version ORDER BY seq DESC LIMIT ?")
                        .param(limit)
                        .query(PolicyStore::record)
                        .list()
                : jdbc.sql("SELECT " + LIST_COLUMNS + " FROM policy_version WHERE seq < ? ORDER BY seq DESC LIMIT ?")
                        .params(beforeSeq, limit)
                        .query(PolicyStore::record)
                        .list();
    }

    /** Stores an activation; throws {@link org.springframework.dao.DuplicateKeyException} when its seq is taken. */
    void insert(PolicyRecord r) {
        jdbc.sql("INSERT INTO policy_version (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        r.seq(),
                        r.version(),
                        r.source(),
                        r.text(),
                        r.sha256(),
                        r.activatedBy(),
                        Timestamp.from(r.activatedAt()))
                .update();
    }

    private static PolicyRecord record(ResultSet rs, int n) throws SQLException {
        return new PolicyRecord(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getTimestamp(7).toInstant());
    }
}
