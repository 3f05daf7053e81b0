package dev.parley.core.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.core.evaluation.Evaluation.MessageExplanation;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class EvaluatorProperties {

    /** One shop's log with the zone, settings and as-of instant to evaluate it with. */
    record Scenario(ZoneId zone, EvaluationSettings settings, List<ShopMessage> log, Instant asOf) {
        List<Evaluation> evaluate() {
            return Evaluator.of(zone, settings).evaluate(log, asOf);
        }

        boolean eligible(ShopMessage m) {
            return m.sender() == Sender.BUYER
                    && !m.excluded()
                    && settings.counts(m.at().atZone(zone).toLocalTime());
        }

        Instant last() {
            return log.stream()
                    .map(ShopMessage::at)
                    .max(Comparator.naturalOrder())
                    .orElseThrow();
        }
    }

    /** A message to be: its conversation, sender, time after the start, flags, and an echo reply to add. */
    record Draft(int conversation, Sender sender, long offsetMillis, int flags, int echo) {}

    @Property(tries = 300)
    void everyEligibleBuyerMessageIsAssessedInExactlyOneEvaluation(@ForAll("settledScenarios") Scenario s) {
        List<Evaluation> evaluations = s.evaluate();
        Map<String, Integer> assessed = new HashMap<>();
        Map<String, Integer> skipped = new HashMap<>();
        for (Evaluation e : evaluations) {
            e.messages().forEach(m -> assessed.merge(m.id(), 1, Integer::sum));
            e.skipped().forEach(m -> skipped.merge(m.id(), 1, Integer::sum));
            assertThat(e.assessed()).isEqualTo(e.messages().size());
        }
        for (ShopMessage m : s.log()) {
            if (s.eligible(m)) {
                assertThat(assessed.get(m.id())).as(m.id()).isEqualTo(1);
            } else {
                assertThat(assessed).doesNotContainKey(m.id());
            }
            if (m.sender() == Sender.BUYER && !s.eligible(m)) {
                assertThat(skipped.get(m.id())).as(m.id()).isEqualTo(1);
            }
        }
    }

    @Property(tries = 300)
    void rateLiesBetweenZeroAndOne(@ForAll("scenarios") Scenario s) {
        for (Evaluation e : s.evaluate()) {
            assertThat(e.responded()).isBetween(0, e.assessed());
            if (e.responseRate() != null) {
                assertThat(e.responseRate()).isBetween(0.0, 1.0);
                assertThat(e.responseRate()).isEqualTo((double) e.responded() / e.assessed());
            }
        }
    }

    @Property(tries = 300)
    void addingALaterQualifyingReplyNeverLowersTheRate(
            @ForAll("scenarios") Scenario s,
            @ForAll("conversations") int conversation,
            @ForAll("delays") long delayMillis) {
        String c = "c-" + conversation;
        Instant lastReply = s.log().stream()
                .filter(m -> m.conversation().equals(c) && m.qualifyingReply())
                .map(ShopMessage::at)
                .max(Comparator.naturalOrder())
                .orElse(s.log().stream()
                        .map(ShopMessage::at)
                        .min(Comparator.naturalOrder())
                        .orElseThrow());
        List<ShopMessage> more = new ArrayList<>(s.log());
        more.add(ShopMessage.seller(c, "added", lastReply.plusMillis(delayMillis)));
        List<Evaluation> before = s.evaluate();
        List<Evaluation> after = new Scenario(s.zone(), s.settings(), more, s.asOf()).evaluate();
        assertThat(after).hasSameSizeAs(before);
        for (int i = 0; i < before.size(); i++) {
            Double was = before.get(i).responseRate();
            Double is = after.get(i).responseRate();
            if (was != null && is != null) {
                assertThat(is).as("rate at %s", after.get(i).evaluatedAt()).isGreaterThanOrEqualTo(was);
            }
        }
        assertThat(after.stream().mapToInt(Evaluation::responded).sum())
                .isGreaterThanOrEqualTo(
                        before.stream().mapToInt(Evaluation::responded).sum());
    }

    @Property(tries = 300)
    void agreesWithAStraightReadingOfTheDefinitions(@ForAll("scenarios") Scenario s) {
        assertThat(s.evaluate()).isEqualTo(ReferenceEvaluation.evaluate(s.log(), s.zone(), s.settings(), s.asOf()));
    }

    @Property(tries = 100)
    void evaluatingOnePeriodAgreesWithTheFullHistory(@ForAll("scenarios") Scenario s) {
        Evaluator evaluator = Evaluator.of(s.zone(), s.settings());
        for (Evaluation e : s.evaluate()) {
            assertThat(evaluator.evaluateAt(s.log(), e.evaluatedAt().toInstant()))
                    .isEqualTo(e);
        }
    }

    @Provide
    Arbitrary<Integer> conversations() {
        return Arbitraries.integers().between(0, 3);
    }

    @Provide
    Arbitrary<Long> delays() {
        return Arbitraries.longs().between(1, Duration.ofDays(20).toMillis());
    }

    @Provide
    Arbitrary<Scenario> settledScenarios() {
        return Combinators.combine(zones(), settings(), drafts(), starts()).as((zone, settings, drafts, start) -> {
            List<ShopMessage> log = build(drafts, start, settings.window());
            Instant last = log.stream()
                    .map(ShopMessage::at)
                    .max(Comparator.naturalOrder())
                    .orElseThrow();
            return new Scenario(
                    zone, settings, log, last.plus(settings.window()).plus(Duration.ofDays(100)));
        });
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        return Combinators.combine(
                        zones(),
                        settings(),
                        drafts(),
                        starts(),
                        Arbitraries.longs().between(0, Duration.ofDays(120).toMillis()))
                .as((zone, settings, drafts, start, asOfOffset) -> new Scenario(
                        zone, settings, build(drafts, start, settings.window()), start.plusMillis(asOfOffset)));
    }

    private static Arbitrary<ZoneId> zones() {
        return Arbitraries.of("Asia/Bangkok", "America/Santiago", "America/New_York", "America/Sao_Paulo", "UTC")
                .map(ZoneId::of);
    }

    private static Arbitrary<Instant> starts() {
        return Arbitraries.of(
                Instant.parse("2026-01-20T00:00:00Z"),
                Instant.parse("2026-02-10T05:00:00Z"),
                Instant.parse("2026-03-01T03:00:00Z"),
                Instant.parse("2026-08-25T00:00:00Z"),
                Instant.parse("2016-10-01T00:00:00Z"));
    }

    private static Arbitrary<EvaluationSettings> settings() {
        Arbitrary<Integer> windowHours =
                Arbitraries.oneOf(Arbitraries.just(72), Arbitraries.integers().between(1, 500));
        Arbitrary<Set<Integer>> days = Arbitraries.oneOf(
                Arbitraries.just(Set.of(1, 16)),
                Arbitraries.integers().between(1, 31).set().ofMinSize(1).ofMaxSize(4));
        Arbitrary<Integer> minimum = Arbitraries.integers().between(1, 6);
        return Combinators.combine(windowHours, days, minimum)
                .as((hours, d, min) -> EvaluationSettings.defaults()
                        .withWindow(Duration.ofHours(hours))
                        .withEvaluationDays(d)
                        .withMinimumMessages(min));
    }

    private static Arbitrary<List<Draft>> drafts() {
        Arbitrary<Sender> sender = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.just(Sender.BUYER)),
                net.jqwik.api.Tuple.of(5, Arbitraries.just(Sender.SELLER)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(Sender.SYSTEM, Sender.PLATFORM)));
        Arbitrary<Long> offset = Arbitraries.oneOf(
                Arbitraries.longs().between(0, 60L * 24 * 60).map(minutes -> minutes * 60_000L),
                Arbitraries.longs().between(0, Duration.ofDays(60).toMillis()));
        Arbitrary<Integer> flags = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.just(0)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(1, 15)));
        Arbitrary<Integer> echo = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, Arbitraries.just(0)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(1, 4)));
        return Combinators.combine(Arbitraries.integers().between(0, 3), sender, offset, flags, echo)
                .as(Draft::new)
                .list()
                .ofMinSize(1)
                .ofMaxSize(50);
    }

    /** Builds the log; an echo adds a qualifying reply exactly at the buyer's time, at {@code W}, or at {@code W + 1 ms}. */
    private static List<ShopMessage> build(List<Draft> drafts, Instant start, Duration window) {
        List<ShopMessage> log = new ArrayList<>();
        int id = 0;
        for (Draft d : drafts) {
            String c = "c-" + d.conversation();
            Instant at = start.plusMillis(d.offsetMillis());
            int f = d.flags();
            log.add(new ShopMessage(
                    c, "m-" + id++, d.sender(), at, (f & 1) != 0, (f & 2) != 0, (f & 4) == 0, (f & 8) != 0));
            if (d.sender() == Sender.BUYER && d.echo() > 0) {
                Instant reply = switch (d.echo()) {
                    case 1 -> at;
                    case 2 -> at.plus(window);
                    case 3 -> at.plus(window).plusMillis(1);
                    default -> at.plusMillis(1);
                };
                log.add(ShopMessage.seller(c, "m-" + id++, reply));
            }
        }
        return log;
    }

    @Property(tries = 50)
    void explanationMatchesTheCounts(@ForAll("scenarios") Scenario s) {
        for (Evaluation e : s.evaluate()) {
            assertThat(e.messages().stream()
                            .filter(MessageExplanation::responded)
                            .count())
                    .isEqualTo(e.responded());
        }
    }
}
