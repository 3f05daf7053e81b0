package dev.parley.core.evaluation;

import dev.parley.core.evaluation.Evaluation.MessageExplanation;
import dev.parley.core.evaluation.Evaluation.Skipped;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** What one period collects while a shop's messages are read, and the figures it yields (definitions 8 to 10). */
final class PeriodFigures {
    private static final Comparator<MessageExplanation> EXPLANATION_ORDER =
            Comparator.comparing(MessageExplanation::at).thenComparing(MessageExplanation::id);
    private static final Comparator<Skipped> SKIPPED_ORDER =
            Comparator.comparing(Skipped::at).thenComparing(Skipped::id);

    private int assessed;
    private int responded;
    private long[] responseMillis = new long[8];
    private long sumMillis;
    private final List<MessageExplanation> messages = new ArrayList<>();
    private final List<Skipped> skipped = new ArrayList<>();

    void assess(boolean wasResponded, long millis) {
        assessed++;
        if (wasResponded) {
            if (responded == responseMillis.length) {
                responseMillis = Arrays.copyOf(responseMillis, responded * 2);
            }
            responseMillis[responded++] = millis;
            sumMillis += millis;
        }
    }

    void explain(MessageExplanation explanation) {
        messages.add(explanation);
    }

    void skip(Skipped message) {
        skipped.add(message);
    }

    Evaluation toEvaluation(ZonedDateTime evaluatedAt, ZonedDateTime periodStart, EvaluationSettings settings) {
        messages.sort(EXPLANATION_ORDER);
        skipped.sort(SKIPPED_ORDER);
        if (assessed < settings.minimumMessages()) {
            return new Evaluation(
                    evaluatedAt,
                    periodStart,
                    settings.version(),
                    Evaluation.Status.NOT_EVALUATED,
                    Evaluation.Reason.TOO_FEW_MESSAGES,
                    assessed,
                    responded,
                    null,
                    null,
                    null,
                    null,
                    messages,
                    skipped);
        }
        Double mean = null;
        Double median = null;
        Double p90 = null;
        if (responded > 0) {
            Arrays.sort(responseMillis, 0, responded);
            mean = (double) sumMillis / responded / 1000.0;
            median = responseMillis[nearestRank(50, responded) - 1] / 1000.0;
            p90 = responseMillis[nearestRank(90, responded) - 1] / 1000.0;
        }
        return new Evaluation(
                evaluatedAt,
                periodStart,
                settings.version(),
                Evaluation.Status.EVALUATED,
                null,
                assessed,
                responded,
                (double) responded / assessed,
                mean,
                median,
                p90,
                messages,
                skipped);
    }

    /** The 1-based rank {@code ceil(percent / 100 * count)}, in exact integer arithmetic. */
    static int nearestRank(int percent, int count) {
        return (int) (((long) percent * count + 99) / 100);
    }
}
