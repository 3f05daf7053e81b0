package dev.parley.core.evaluation;

import dev.parley.core.evaluation.Evaluation.MessageExplanation;
import dev.parley.core.evaluation.Evaluation.SkipReason;
import dev.parley.core.evaluation.Evaluation.Skipped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * An independent, deliberately naive reading of evaluation.md's definitions, written straight from the text with
 * {@code java.time} and exact arithmetic, to cross-check {@link Evaluator} on random logs.
 */
final class ReferenceEvaluation {
    private ReferenceEvaluation() {}

    static List<Evaluation> evaluate(List<ShopMessage> log, ZoneId zone, EvaluationSettings settings, Instant asOf) {
        if (log.isEmpty()) {
            return List.of();
        }
        Instant earliest =
                log.stream().map(ShopMessage::at).min(Comparator.naturalOrder()).orElseThrow();
        List<Instant> instants = new ArrayList<>();
        LocalDate date = LocalDate.ofInstant(earliest, zone).minusMonths(2).withDayOfMonth(1);
        LocalDate last = LocalDate.ofInstant(asOf, zone).plusMonths(2);
        for (; date.isBefore(last); date = date.plusDays(1)) {
            if (settings.evaluationDays().contains(date.getDayOfMonth())) {
                Instant e = date.atStartOfDay(zone).toInstant();
                if (instants.isEmpty() || e.isAfter(instants.getLast())) {
                    instants.add(e);
                }
            }
        }
        List<Evaluation> result = new ArrayList<>();
        for (int k = 1; k < instants.size(); k++) {
            Instant e = instants.get(k);
            Instant previous = instants.get(k - 1);
            if (e.isBefore(earliest) || e.isAfter(asOf)) {
                continue;
            }
            result.add(evaluateAt(log, zone, settings, previous, e));
        }
        return result;
    }

    private static Evaluation evaluateAt(
            List<ShopMessage> log, ZoneId zone, EvaluationSettings settings, Instant previous, Instant e) {
        List<MessageExplanation> assessed = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (ShopMessage m : log) {
            if (m.sender() != Sender.BUYER) {
                continue;
            }
            boolean sentInPeriod = m.at().isAfter(previous) && !m.at().isAfter(e);
            LocalTime local = m.at().atZone(zone).toLocalTime();
            boolean inHours = inHours(local, settings.countedFrom(), settings.countedUntil());
            if (m.excluded() || !inHours) {
                if (sentInPeriod) {
                    skipped.add(new Skipped(
                            m.id(),
                            m.conversation(),
                            m.at(),
                            m.excluded() ? SkipReason.EXCLUDED : SkipReason.OUTSIDE_HOURS));
                }
                continue;
            }
            ShopMessage reply = log.stream()
                    .filter(r -> r.conversation().equals(m.conversation()))
                    .filter(r -> r.sender() == Sender.SELLER && r.delivered() && !r.auto() && !r.placeholder())
                    .filter(r -> r.at().isAfter(m.at()))
                    .min(Comparator.comparing(ShopMessage::at).thenComparing(ShopMessage::id))
                    .orElse(null);
            Instant deadline = m.at().plus(settings.window());
            boolean responded = reply != null
                    && !Duration.between(m.at(), reply.at())
                            .minus(settings.window())
                            .isPositive();
            Instant settlement = reply == null || deadline.isBefore(reply.at()) ? deadline : reply.at();
            if (settlement.isAfter(previous) && !settlement.isAfter(e)) {
                Duration time = responded ? Duration.between(m.at(), reply.at()) : null;
                assessed.add(new MessageExplanation(
                        m.id(),
                        m.conversation(),
                        m.at(),
                        responded ? reply.id() : null,
                        responded ? reply.at() : null,
                        time == null
                                ? null
                                : new BigDecimal(time.toMillis())
                                        .movePointLeft(3)
                                        .doubleValue(),
                        responded));
            }
        }
        assessed.sort(Comparator.comparing(MessageExplanation::at).thenComparing(MessageExplanation::id));
        skipped.sort(Comparator.comparing(Skipped::at).thenComparing(Skipped::id));
        int n = assessed.size();
        List<Long> times = assessed.stream()
                .filter(MessageExplanation::responded)
                .map(x -> Duration.between(x.at(), x.replyAt()).toMillis())
                .sorted()
                .toList();
        int r = times.size();
        boolean evaluated = n >= settings.minimumMessages();
        Double rate = evaluated ? (double) r / n : null;
        Double mean = null;
        Double median = null;
        Double p90 = null;
        if (evaluated && r > 0) {
            long sum = times.stream().mapToLong(Long::longValue).sum();
            mean = (double) sum / r / 1000.0;
            median = times.get(rank(50, r) - 1) / 1000.0;
            p90 = times.get(rank(90, r) - 1) / 1000.0;
        }
        return new Evaluation(
                e.atZone(zone),
                previous.atZone(zone),
                settings.version(),
                evaluated ? Evaluation.Status.EVALUATED : Evaluation.Status.NOT_EVALUATED,
                evaluated ? null : Evaluation.Reason.TOO_FEW_MESSAGES,
                n,
                (int) assessed.stream().filter(MessageExplanation::responded).count(),
                rate,
                mean,
                median,
                p90,
                assessed,
                skipped);
    }

    private static boolean inHours(LocalTime t, LocalTime from, LocalTime until) {
        if (from.isBefore(until)) {
            return !t.isBefore(from) && t.isBefore(until);
        }
        return !t.isBefore(from) || t.isBefore(until);
    }

    /** {@code ceil(p / 100 * count)} in decimal arithmetic. */
    private static int rank(int percent, int count) {
        return new BigDecimal(percent)
                .movePointLeft(2)
                .multiply(new BigDecimal(count))
                .setScale(0, RoundingMode.CEILING)
                .intValueExact();
    }
}
