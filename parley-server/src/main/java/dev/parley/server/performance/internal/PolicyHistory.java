package dev.parley.server.performance.internal;

import dev.parley.core.evaluation.EvaluationSettings;
import dev.parley.server.performance.PerformanceSettings;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The versions of the evaluation policy the cluster has run (table {@code evaluation_policy}). At start a node records
 * its configured version, from then on in force; a version's settings never change. The policy of a period is the
 * version in force at its start, read from the database, so every node computes with the same settings.
 */
@Component
public class PolicyHistory implements SmartInitializingSingleton {
    private final JdbcClient jdbc;
    private final PerformanceSettings configured;
    private final Clock clock;
    private final Map<String, EvaluationSettings> byVersion = new ConcurrentHashMap<>();

    PolicyHistory(JdbcClient jdbc, PerformanceSettings configured, Clock clock) {
        this.jdbc = jdbc;
        this.configured = configured;
        this.clock = clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        adopt(configured.policy());
    }

    /**
     * Records {@code settings} as in force from now on unless its version is already recorded; fails when the recorded
     * version has other settings (a change needs a new version).
     */
    public void adopt(EvaluationSettings settings) {
        jdbc.sql("INSERT INTO evaluation_policy (version, window_ms, counted_from, counted_until, minimum_messages,"
                        + " evaluation_days, adopted_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
                .params(
                        settings.version(),
                        settings.window().toMillis(),
                        settings.countedFrom().toString(),
                        settings.countedUntil().toString(),
                        settings.minimumMessages(),
                        settings.evaluationDays().stream().map(String::valueOf).collect(Collectors.joining(",")),
                        Timestamp.from(clock.instant()))
                .update();
        EvaluationSettings recorded = settings(settings.version());
        if (!recorded.equals(
                settings.withWindow(Duration.ofMillis(settings.window().toMillis())))) {
            throw new IllegalStateException("evaluation policy version '" + settings.version()
                    + "' is already recorded with other settings (" + recorded + "); a change of parley.evaluation.*"
                    + " needs a new parley.evaluation.version");
        }
    }

    /** The settings of a recorded version. */
    public EvaluationSettings settings(String version) {
        EvaluationSettings known = byVersion.get(version);
        if (known != null) {
            return known;
        }
        EvaluationSettings loaded = jdbc.sql("SELECT window_ms, counted_from, counted_until, minimum_messages,"
                        + " evaluation_days FROM evaluation_policy WHERE version = ?")
                .param(version)
                .query((rs, n) -> new EvaluationSettings(
                        version,
                        Duration.ofMillis(rs.getLong(1)),
                        LocalTime.parse(rs.getString(2)),
                        LocalTime.parse(rs.getString(3)),
                        rs.getInt(4),
                        Arrays.stream(rs.getString(5).split(","))
                                .map(Integer::valueOf)
                                .collect(Collectors.toCollection(TreeSet::new))))
                .optional()
                .orElseThrow(() -> new IllegalStateException("no evaluation policy version '" + version + "'"));
        byVersion.put(version, loaded);
        return loaded;
    }

    /** The settings in force at {@code t}: the last version adopted at or before it, else the first one recorded. */
    public EvaluationSettings at(Instant t) {
        Optional<String> version = jdbc.sql("SELECT version FROM evaluation_policy WHERE adopted_at <= ?"
                        + " ORDER BY adopted_at DESC, version DESC LIMIT 1")
                .param(Timestamp.from(t))
                .query(String.class)
                .optional();
        return settings(version.orElseGet(
                () -> jdbc.sql("SELECT version FROM evaluation_policy ORDER BY adopted_at, version LIMIT 1")
                        .query(String.class)
                        .single()));
    }

    /** The longest reply window of any recorded version. */
    public Duration longestWindow() {
        return Duration.ofMillis(jdbc.sql("SELECT MAX(window_ms) FROM evaluation_policy")
                .query(Long.class)
                .single());
    }
}
