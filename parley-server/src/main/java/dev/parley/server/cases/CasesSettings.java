package dev.parley.server.cases;

import dev.parley.core.policy.Rule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Violations, points and enforcement ({@code parley.cases.*}); checked at start, a wrong value stops the server.
 *
 * @param points points per rule id where they differ from the defaults ({@link #DEFAULT_POINTS}), e.g. {@code
 *     parley.cases.points.language_mismatch=2}
 * @param pointsExpireAfter how long a violation's points count
 * @param thresholds the enforcement actions that active points start when they reach a threshold; empty for {@link
 *     #DEFAULT_THRESHOLDS}
 * @param responseRate the response-rate target and the action an evaluation below it starts
 * @param sweepInterval how often actions that ran out are marked ended (their restrictions lapse on time regardless)
 * @param maxReportMessages the most buyer messages one abuse report may select
 * @param evidenceContext how many messages before and after the selected ones the evidence snapshot keeps
 */
@ConfigurationProperties("parley.cases")
public record CasesSettings(
        @DefaultValue Map<String, Integer> points,
        @DefaultValue("90d") Duration pointsExpireAfter,
        @DefaultValue List<Threshold> thresholds,
        @DefaultValue ResponseRate responseRate,
        @DefaultValue("1m") Duration sweepInterval,
        @DefaultValue("50") int maxReportMessages,
        @DefaultValue("5") int evidenceContext) {

    /** Points of a violation of each rule when configuration says nothing else. */
    public static final Map<String, Integer> DEFAULT_POINTS = Map.of(
            "off_platform_contact", 4,
            "abusive_language", 4,
            "review_manipulation", 3,
            "unsolicited_marketing", 2,
            "language_mismatch", 1,
            "misleading_claim", 2,
            "terms_downgrade", 3,
            "prohibited_use", 4);

    /** A warning at 6 active points, all messages held for 7 days at 12, messaging suspended for 3 days at 20. */
    public static final List<Threshold> DEFAULT_THRESHOLDS = List.of(
            new Threshold(6, EnforcementKind.WARNING, null),
            new Threshold(12, EnforcementKind.HOLD_ALL, Duration.ofDays(7)),
            new Threshold(20, EnforcementKind.SUSPENSION, Duration.ofDays(3)));

    public CasesSettings {
        Map<String, Integer> merged = new LinkedHashMap<>(DEFAULT_POINTS);
        points.forEach((rule, value) -> {
            if (Rule.byId(rule).isEmpty()) {
                throw new IllegalArgumentException("parley.cases.points: no rule '" + rule + "'");
            }
            if (value == null || value < 0 || value > 1000) {
                throw new IllegalArgumentException("parley.cases.points." + rule + ": between 0 and 1000");
            }
            merged.put(rule, value);
        });
        points = Map.copyOf(merged);
        if (pointsExpireAfter.isNegative() || pointsExpireAfter.isZero()) {
            throw new IllegalArgumentException("parley.cases.points-expire-after: must be positive");
        }
        List<Threshold> sorted = new ArrayList<>(thresholds.isEmpty() ? DEFAULT_THRESHOLDS : thresholds);
        sorted.sort(Comparator.comparingInt(Threshold::points));
        Set<Integer> seen = new HashSet<>();
        for (Threshold t : sorted) {
            if (!seen.add(t.points())) {
                throw new IllegalArgumentException("parley.cases.thresholds: two thresholds at " + t.points());
            }
        }
        thresholds = List.copyOf(sorted);
        if (sweepInterval.isNegative() || sweepInterval.isZero()) {
            throw new IllegalArgumentException("parley.cases.sweep-interval: must be positive");
        }
        if (maxReportMessages < 1 || maxReportMessages > 500) {
            throw new IllegalArgumentException("parley.cases.max-report-messages: between 1 and 500");
        }
        if (evidenceContext < 0 || evidenceContext > 50) {
            throw new IllegalArgumentException("parley.cases.evidence-context: between 0 and 50");
        }
    }

    /** The points a violation of {@code rule} carries. */
    public int pointsFor(String rule) {
        return points.getOrDefault(rule, 1);
    }

    /**
     * An enforcement action started when a shop's active points reach {@code points}.
     *
     * @param duration how long a hold or suspension runs; absent for a warning
     */
    public record Threshold(
            int points, EnforcementKind action, @Nullable Duration duration) {
        public Threshold {
            if (points < 1) {
                throw new IllegalArgumentException("parley.cases.thresholds: points must be at least 1");
            }
            validate("parley.cases.thresholds", action, duration);
        }
    }

    /**
     * The response-rate target (section 三): an evaluation below it starts {@code action}.
     *
     * @param target the lowest rate in [0, 1] that meets the target
     * @param duration how long a hold or suspension runs; ignored for a warning
     */
    public record ResponseRate(
            @DefaultValue("0.8") double target,
            @DefaultValue("WARNING") EnforcementKind action,
            @DefaultValue("7d") @Nullable Duration duration) {
        public ResponseRate {
            if (!(target >= 0 && target <= 1)) {
                throw new IllegalArgumentException("parley.cases.response-rate.target: between 0 and 1");
            }
            validate("parley.cases.response-rate", action, duration);
        }
    }

    private static void validate(String key, EnforcementKind action, @Nullable Duration duration) {
        if (action.restricts() && (duration == null || duration.isNegative() || duration.isZero())) {
            throw new IllegalArgumentException(key + ": a " + action + " needs a positive duration");
        }
    }
}
