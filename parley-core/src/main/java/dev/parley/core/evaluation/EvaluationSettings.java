package dev.parley.core.evaluation;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One version of the evaluation policy: the reply window, the counted hours, the minimum of assessed messages and the
 * days of the month on which evaluations fall (evaluation.md, "Defaults that an operator may change").
 *
 * <p>The counted hours are the local times of day {@code [countedFrom, countedUntil)}; when {@code countedUntil} is not
 * after {@code countedFrom} the interval runs past midnight (so {@code 22:00-06:00} counts the night, and
 * {@code 00:00-00:00} the whole day). An evaluation day missing from a month (the 31st of April) gives no evaluation in
 * that month.
 *
 * @param version the policy version recorded with every result computed under these settings
 * @param window the reply window {@code W}, positive, read to the millisecond
 * @param countedFrom the first counted local time of day
 * @param countedUntil the first local time of day no longer counted
 * @param minimumMessages the minimum of assessed messages for an evaluation, at least 1
 * @param evaluationDays the days of the month (1 to 31) whose local start is an evaluation instant, at least one
 */
public record EvaluationSettings(
        String version,
        Duration window,
        LocalTime countedFrom,
        LocalTime countedUntil,
        int minimumMessages,
        SortedSet<Integer> evaluationDays) {

    /** The version of the defaults of the rules. */
    public static final String DEFAULT_VERSION = "default";

    /** Checks every setting and keeps an unmodifiable, sorted copy of the days. */
    public EvaluationSettings {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(countedFrom, "countedFrom");
        Objects.requireNonNull(countedUntil, "countedUntil");
        if (window.isNegative() || window.toMillis() <= 0) {
            throw new IllegalArgumentException("the window must be at least a millisecond, not " + window);
        }
        if (minimumMessages < 1) {
            throw new IllegalArgumentException("the minimum of messages must be at least 1, not " + minimumMessages);
        }
        if (evaluationDays.isEmpty()) {
            throw new IllegalArgumentException("at least one evaluation day is needed");
        }
        for (Integer day : evaluationDays) {
            if (day < 1 || day > 31) {
                throw new IllegalArgumentException("an evaluation day must be between 1 and 31, not " + day);
            }
        }
        evaluationDays = Collections.unmodifiableSortedSet(new TreeSet<>(evaluationDays));
    }

    /** The rules' defaults: 72 hours, 08:00 to 23:00, 20 messages, the 1st and the 16th. */
    public static EvaluationSettings defaults() {
        return new EvaluationSettings(
                DEFAULT_VERSION,
                Duration.ofHours(72),
                LocalTime.of(8, 0),
                LocalTime.of(23, 0),
                20,
                new TreeSet<>(Set.of(1, 16)));
    }

    /** These settings under another version name. */
    public EvaluationSettings withVersion(String newVersion) {
        return new EvaluationSettings(newVersion, window, countedFrom, countedUntil, minimumMessages, evaluationDays);
    }

    /** These settings with another reply window. */
    public EvaluationSettings withWindow(Duration newWindow) {
        return new EvaluationSettings(version, newWindow, countedFrom, countedUntil, minimumMessages, evaluationDays);
    }

    /** These settings with other counted hours {@code [from, until)}. */
    public EvaluationSettings withCountedHours(LocalTime from, LocalTime until) {
        return new EvaluationSettings(version, window, from, until, minimumMessages, evaluationDays);
    }

    /** These settings with another minimum of assessed messages. */
    public EvaluationSettings withMinimumMessages(int minimum) {
        return new EvaluationSettings(version, window, countedFrom, countedUntil, minimum, evaluationDays);
    }

    /** These settings with other evaluation days. */
    public EvaluationSettings withEvaluationDays(Set<Integer> days) {
        return new EvaluationSettings(version, window, countedFrom, countedUntil, minimumMessages, new TreeSet<>(days));
    }

    /** Whether a buyer message sent at local time of day {@code time} is counted. */
    public boolean counts(LocalTime time) {
        return countsNanoOfDay(time.toNanoOfDay());
    }

    boolean countsNanoOfDay(long nanoOfDay) {
        long from = countedFrom.toNanoOfDay();
        long until = countedUntil.toNanoOfDay();
        if (from < until) {
            return nanoOfDay >= from && nanoOfDay < until;
        }
        return nanoOfDay >= from || nanoOfDay < until;
    }
}
