package dev.parley.server.performance;

import dev.parley.core.evaluation.EvaluationSettings;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.TreeSet;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The evaluation policy and its schedule ({@code parley.evaluation.*}, evaluation.md "Defaults that an operator may
 * change"). The policy settings form one version: changing any of them needs a new {@code version}, which takes
 * effect at each shop's next evaluation instant; the server refuses to start when a recorded version has other
 * settings.
 *
 * @param version the policy version recorded with every evaluation computed under these settings
 * @param window the reply window (72 hours)
 * @param countedHours the local times of day whose buyer messages count, {@code HH:mm-HH:mm} (08:00-23:00)
 * @param minimumMessages the fewest assessed messages an evaluation needs (20)
 * @param evaluationDays the days of the month whose local start is an evaluation instant (1 and 16)
 * @param grace how long after an evaluation instant the evaluation is computed, so that messages accepted just before
 *     it are stored (2 minutes)
 * @param sweepInterval how often the scheduler looks for due evaluations (1 minute)
 * @param schedulerEnabled whether this node runs the database-backed scheduler at all
 */
@ConfigurationProperties("parley.evaluation")
public record PerformanceSettings(
        @DefaultValue(EvaluationSettings.DEFAULT_VERSION) String version,
        @DefaultValue("72h") Duration window,
        @DefaultValue("08:00-23:00") String countedHours,
        @DefaultValue("20") int minimumMessages,
        @DefaultValue({"1", "16"}) List<Integer> evaluationDays,
        @DefaultValue("2m") Duration grace,
        @DefaultValue("1m") Duration sweepInterval,
        @DefaultValue("true") boolean schedulerEnabled) {

    /** Checks every setting, so that a bad configuration stops the server at start. */
    public PerformanceSettings {
        if (version.isBlank() || version.length() > 40) {
            throw new IllegalArgumentException("parley.evaluation.version must have 1 to 40 characters");
        }
        if (grace.isNegative()) {
            throw new IllegalArgumentException("parley.evaluation.grace must not be negative: " + grace);
        }
        if (sweepInterval.isNegative() || sweepInterval.isZero()) {
            throw new IllegalArgumentException("parley.evaluation.sweep-interval must be positive: " + sweepInterval);
        }
        evaluationDays = List.copyOf(evaluationDays);
        policy(version, window, countedHours, minimumMessages, evaluationDays);
    }

    /** The core's settings for this policy version. */
    public EvaluationSettings policy() {
        return policy(version, window, countedHours, minimumMessages, evaluationDays);
    }

    private static EvaluationSettings policy(
            String version, Duration window, String countedHours, int minimumMessages, List<Integer> days) {
        String[] bounds = countedHours.split("-", -1);
        if (bounds.length != 2) {
            throw new IllegalArgumentException(
                    "parley.evaluation.counted-hours must be HH:mm-HH:mm, not '" + countedHours + "'");
        }
        try {
            return new EvaluationSettings(
                    version,
                    window,
                    LocalTime.parse(bounds[0].strip()),
                    LocalTime.parse(bounds[1].strip()),
                    minimumMessages,
                    new TreeSet<>(days));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "parley.evaluation.counted-hours must be HH:mm-HH:mm, not '" + countedHours + "'", e);
        }
    }
}
