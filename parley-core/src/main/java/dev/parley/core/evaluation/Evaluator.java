package dev.parley.core.evaluation;

import dev.parley.core.evaluation.Evaluation.MessageExplanation;
import dev.parley.core.evaluation.Evaluation.SkipReason;
import dev.parley.core.evaluation.Evaluation.Skipped;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Computes a shop's evaluations from its message log, as a pure function of the messages, the shop's zone, one version
 * of the settings and an instant (evaluation.md, "Definitions").
 *
 * <p>Every method reads one shop's messages, in any order, and needs memory in proportion to them only; an instance
 * holds no state between calls and may be shared between threads. The figures at an evaluation instant {@code E} depend
 * only on the messages sent at or before {@code E}.
 */
public final class Evaluator {
    private final ZoneId zone;
    private final EvaluationSettings settings;
    private final EvaluationCalendar calendar;
    private final long windowMillis;

    private Evaluator(ZoneId zone, EvaluationSettings settings) {
        this.zone = zone;
        this.settings = settings;
        this.calendar = EvaluationCalendar.of(zone, settings);
        this.windowMillis = settings.window().toMillis();
    }

    /** How much an evaluation says about its messages. */
    public enum Detail {
        /** Counts and figures only; the message lists are empty. */
        FIGURES,
        /** Counts, figures and the per-message explanation. */
        EXPLANATION
    }

    /** An evaluator for shops in {@code zone} under {@code settings}. */
    public static Evaluator of(ZoneId zone, EvaluationSettings settings) {
        return new Evaluator(Objects.requireNonNull(zone, "zone"), Objects.requireNonNull(settings, "settings"));
    }

    /** The evaluations of one shop for every instant up to {@code asOf}, explained; see {@link #evaluate(Collection, Instant, Detail)}. */
    public static List<Evaluation> evaluate(
            Collection<? extends ShopMessage> messages, ZoneId zone, EvaluationSettings settings, Instant asOf) {
        return of(zone, settings).evaluate(messages, asOf, Detail.EXPLANATION);
    }

    /** The zone whose local days and hours the evaluation uses. */
    public ZoneId zone() {
        return zone;
    }

    /** The settings the evaluation uses. */
    public EvaluationSettings settings() {
        return settings;
    }

    /** The evaluation instants of the zone under the settings. */
    public EvaluationCalendar calendar() {
        return calendar;
    }

    /** The explained evaluations of one shop for every instant up to {@code asOf}. */
    public List<Evaluation> evaluate(Collection<? extends ShopMessage> messages, Instant asOf) {
        return evaluate(messages, asOf, Detail.EXPLANATION);
    }

    /**
     * The evaluations of one shop at every evaluation instant {@code E <= asOf}, starting with the first {@code E} at or
     * after the shop's earliest message of any sender, in ascending order; none when there is no message.
     */
    public List<Evaluation> evaluate(Collection<? extends ShopMessage> messages, Instant asOf, Detail detail) {
        if (messages.isEmpty()) {
            return List.of();
        }
        Instant earliest = null;
        for (ShopMessage m : messages) {
            if (earliest == null || m.at().isBefore(earliest)) {
                earliest = m.at();
            }
        }
        Instant first = calendar.atOrAfter(Objects.requireNonNull(earliest));
        if (first.isAfter(asOf)) {
            return List.of();
        }
        List<Instant> instants = new ArrayList<>();
        instants.add(calendar.before(first));
        for (Instant e = first; !e.isAfter(asOf); e = calendar.after(e)) {
            instants.add(e);
        }
        long[] bounds = new long[instants.size()];
        for (int i = 0; i < bounds.length; i++) {
            bounds[i] = instants.get(i).toEpochMilli();
        }
        return run(messages, bounds, instants.toArray(Instant[]::new), detail == Detail.EXPLANATION);
    }

    /** The explained evaluation at the evaluation instant {@code evaluationInstant}, for the period since the one before. */
    public Evaluation evaluateAt(Collection<? extends ShopMessage> messages, Instant evaluationInstant) {
        if (!calendar.isEvaluationInstant(evaluationInstant)) {
            throw new IllegalArgumentException(evaluationInstant + " is not an evaluation instant in " + zone);
        }
        return evaluatePeriod(messages, calendar.before(evaluationInstant), evaluationInstant);
    }

    /**
     * The explained evaluation at {@code evaluationInstant} for the period {@code (periodStart, evaluationInstant]},
     * for a period whose start an earlier policy version or zone fixed.
     */
    public Evaluation evaluatePeriod(
            Collection<? extends ShopMessage> messages, Instant periodStart, Instant evaluationInstant) {
        if (!periodStart.isBefore(evaluationInstant)) {
            throw new IllegalArgumentException("the period must start before " + evaluationInstant);
        }
        long[] bounds = {periodStart.toEpochMilli(), evaluationInstant.toEpochMilli()};
        return run(messages, bounds, new Instant[] {periodStart, evaluationInstant}, true)
                .getFirst();
    }

    /**
     * The figures so far of the open period at {@code now}: the messages settled by {@code now} in the period that the
     * next evaluation instant after {@code now} closes, and the buyer messages sent in it and left out so far. The
     * result carries that next instant as {@code evaluatedAt}; the minimum applies as at an evaluation.
     */
    public Evaluation currentPeriod(Collection<? extends ShopMessage> messages, Instant now) {
        Instant start = calendar.atOrBefore(now);
        Instant closes = calendar.after(now);
        long[] bounds = {start.toEpochMilli(), now.toEpochMilli()};
        return run(messages, bounds, new Instant[] {start, closes}, true).getFirst();
    }

    /**
     * Assesses each eligible buyer message in the period {@code (bounds[i-1], bounds[i]]} that contains its settlement,
     * and lists each buyer message left out in the period that contains its time; period {@code i} is reported at
     * {@code labels[i]} with start {@code labels[i-1]}.
     */
    private List<Evaluation> run(
            Collection<? extends ShopMessage> messages, long[] bounds, Instant[] labels, boolean explain) {
        Map<String, ReplyTimeline> replies = new HashMap<>();
        for (ShopMessage m : messages) {
            if (m.qualifyingReply()) {
                replies.computeIfAbsent(m.conversation(), c -> new ReplyTimeline())
                        .add(m);
            }
        }
        PeriodFigures[] periods = new PeriodFigures[bounds.length];
        for (int i = 1; i < periods.length; i++) {
            periods[i] = new PeriodFigures();
        }
        LocalClock clock = new LocalClock(zone.getRules());
        for (ShopMessage m : messages) {
            if (m.sender() != Sender.BUYER) {
                continue;
            }
            long at = m.at().toEpochMilli();
            SkipReason skip = m.excluded()
                    ? SkipReason.EXCLUDED
                    : settings.countsNanoOfDay(clock.nanoOfDay(at)) ? null : SkipReason.OUTSIDE_HOURS;
            if (skip != null) {
                int sent = periodOf(bounds, at);
                if (explain && sent > 0) {
                    periods[sent].skip(new Skipped(m.id(), m.conversation(), m.at(), skip));
                }
                continue;
            }
            ReplyTimeline timeline = replies.get(m.conversation());
            ShopMessage reply = timeline == null ? null : timeline.firstAfter(at);
            long deadline = saturatedAdd(at, windowMillis);
            boolean responded = reply != null && reply.at().toEpochMilli() <= deadline;
            long settlement = responded ? reply.at().toEpochMilli() : deadline;
            int period = periodOf(bounds, settlement);
            if (period < 0) {
                continue;
            }
            long responseMillis = responded ? reply.at().toEpochMilli() - at : 0;
            periods[period].assess(responded, responseMillis);
            if (explain) {
                periods[period].explain(new MessageExplanation(
                        m.id(),
                        m.conversation(),
                        m.at(),
                        responded ? reply.id() : null,
                        responded ? reply.at() : null,
                        responded ? responseMillis / 1000.0 : null,
                        responded));
            }
        }
        List<Evaluation> evaluations = new ArrayList<>(periods.length - 1);
        for (int i = 1; i < periods.length; i++) {
            evaluations.add(periods[i].toEvaluation(labels[i].atZone(zone), labels[i - 1].atZone(zone), settings));
        }
        return evaluations;
    }

    /** The index {@code i >= 1} with {@code bounds[i-1] < t <= bounds[i]}, or -1 when {@code t} is outside them all. */
    private static int periodOf(long[] bounds, long t) {
        if (t <= bounds[0] || t > bounds[bounds.length - 1]) {
            return -1;
        }
        int found = Arrays.binarySearch(bounds, t);
        return found >= 0 ? found : -found - 1;
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }
}
