package dev.parley.core.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.core.evaluation.Evaluation.MessageExplanation;
import dev.parley.core.evaluation.Evaluation.SkipReason;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Evaluation instants and counted hours follow the local calendar across daylight-saving changes. */
class EvaluatorDaylightSavingTest {
    private static final DateTimeFormatter OUTPUT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

    private static final ZoneId SANTIAGO = ZoneId.of("America/Santiago");
    private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    /** Santiago moved its clocks from 2026-09-06 00:00 (-04) to 01:00 (-03): that midnight never happened. */
    private static final Evaluator SANTIAGO_ON_THE_6TH =
            Evaluator.of(SANTIAGO, EvaluationSettings.defaults().withEvaluationDays(Set.of(6, 21)));

    private static List<String> ids(Evaluation e) {
        return e.messages().stream().map(MessageExplanation::id).toList();
    }

    @Test
    void evaluationDayWhoseMidnightFallsInTheGapStartsAtTheFirstMomentOfTheDay() {
        Instant e = SANTIAGO_ON_THE_6TH.calendar().atOrAfter(Instant.parse("2026-09-05T12:00:00Z"));
        assertThat(e).isEqualTo(Instant.parse("2026-09-06T04:00:00Z"));
        assertThat(OUTPUT.format(e.atZone(SANTIAGO))).isEqualTo("2026-09-06T01:00:00-03:00");
        assertThat(SANTIAGO_ON_THE_6TH.calendar().before(e)).isEqualTo(Instant.parse("2026-08-21T04:00:00Z"));
        assertThat(SANTIAGO_ON_THE_6TH.calendar().after(e)).isEqualTo(Instant.parse("2026-09-21T03:00:00Z"));
    }

    @Test
    void settlementAtTheShiftedStartOfTheDayBelongsToThatEvaluation() {
        List<ShopMessage> log = List.of(
                ShopMessage.buyer("c-1", "last-minute", Instant.parse("2026-09-06T00:00:00Z")),
                ShopMessage.seller("c-1", "r1", Instant.parse("2026-09-06T03:59:59.999Z")),
                ShopMessage.buyer("c-2", "at-e", Instant.parse("2026-09-06T00:00:00Z")),
                ShopMessage.seller("c-2", "r2", Instant.parse("2026-09-06T04:00:00Z")),
                ShopMessage.buyer("c-3", "after-e", Instant.parse("2026-09-06T00:00:00Z")),
                ShopMessage.seller("c-3", "r3", Instant.parse("2026-09-06T04:00:00.001Z")));
        List<Evaluation> es = SANTIAGO_ON_THE_6TH.evaluate(log, Instant.parse("2026-09-21T03:00:00Z"));
        assertThat(es)
                .extracting(e -> OUTPUT.format(e.evaluatedAt()))
                .containsExactly("2026-09-06T01:00:00-03:00", "2026-09-21T00:00:00-03:00");
        assertThat(ids(es.get(0))).containsExactly("at-e", "last-minute");
        assertThat(ids(es.get(1))).containsExactly("after-e");
    }

    @Test
    void overlapAtMidnightCountsLocalHoursOnBothSidesOfTheChange() {
        // On 2026-04-05 00:00 (-03) Santiago went back to 2026-04-04 23:00 (-04): 23:00-24:00 happened twice.
        Evaluator santiago = Evaluator.of(SANTIAGO, EvaluationSettings.defaults());
        List<ShopMessage> log = List.of(
                ShopMessage.buyer("c-1", "counted", Instant.parse("2026-04-05T01:59:59.999Z")),
                ShopMessage.buyer("c-1", "first-23h", Instant.parse("2026-04-05T02:00:00Z")),
                ShopMessage.buyer("c-1", "second-23h", Instant.parse("2026-04-05T03:30:00Z")));
        Evaluation e =
                santiago.evaluate(log, Instant.parse("2026-04-16T04:00:00Z")).getFirst();
        assertThat(OUTPUT.format(e.evaluatedAt())).isEqualTo("2026-04-16T00:00:00-04:00");
        assertThat(OUTPUT.format(e.periodStart())).isEqualTo("2026-04-01T00:00:00-03:00");
        assertThat(ids(e)).containsExactly("counted");
        assertThat(e.skipped())
                .extracting(Evaluation.Skipped::reason)
                .containsExactly(SkipReason.OUTSIDE_HOURS, SkipReason.OUTSIDE_HOURS);
    }

    @Test
    void saoPauloSkippedMidnightOnAnEvaluationDayOfTheDefaults() {
        Evaluator saoPaulo = Evaluator.of(SAO_PAULO, EvaluationSettings.defaults());
        Instant e = saoPaulo.calendar().atOrAfter(Instant.parse("2016-10-10T00:00:00Z"));
        assertThat(OUTPUT.format(e.atZone(SAO_PAULO))).isEqualTo("2016-10-16T01:00:00-02:00");
        List<ShopMessage> log = List.of(
                ShopMessage.buyer("c-1", "b", Instant.parse("2016-10-15T20:00:00Z")),
                ShopMessage.seller("c-1", "r", Instant.parse("2016-10-16T03:00:00Z")));
        List<Evaluation> es = saoPaulo.evaluate(log, e);
        assertThat(es).hasSize(1);
        assertThat(ids(es.getFirst())).containsExactly("b");
        assertThat(OUTPUT.format(es.getFirst().periodStart())).isEqualTo("2016-10-01T00:00:00-03:00");
    }

    @Test
    void newYorkCountsEightOClockLocalOnBothSidesOfTheSpringChange() {
        Evaluator newYork = Evaluator.of(NEW_YORK, EvaluationSettings.defaults());
        List<ShopMessage> log = List.of(
                ShopMessage.buyer("c-1", "est-0759", Instant.parse("2026-03-07T12:59:59.999Z")),
                ShopMessage.buyer("c-1", "est-0800", Instant.parse("2026-03-07T13:00:00Z")),
                ShopMessage.buyer("c-1", "edt-0759", Instant.parse("2026-03-08T11:59:59.999Z")),
                ShopMessage.buyer("c-1", "edt-0800", Instant.parse("2026-03-08T12:00:00Z")),
                ShopMessage.buyer("c-1", "edt-2259", Instant.parse("2026-03-09T02:59:59.999Z")),
                ShopMessage.buyer("c-1", "edt-2300", Instant.parse("2026-03-09T03:00:00Z")));
        Evaluation e =
                newYork.evaluate(log, Instant.parse("2026-03-16T04:00:00Z")).getFirst();
        assertThat(OUTPUT.format(e.evaluatedAt())).isEqualTo("2026-03-16T00:00:00-04:00");
        assertThat(OUTPUT.format(e.periodStart())).isEqualTo("2026-03-01T00:00:00-05:00");
        assertThat(ids(e)).containsExactly("est-0800", "edt-0800", "edt-2259");
        assertThat(e.skipped()).extracting(Evaluation.Skipped::id).containsExactly("est-0759", "edt-0759", "edt-2300");
    }

    @Test
    void newYorkAutumnPeriodIsAnHourLongerAndCountsByLocalTime() {
        Evaluator newYork = Evaluator.of(NEW_YORK, EvaluationSettings.defaults());
        List<ShopMessage> log = List.of(
                ShopMessage.buyer("c-1", "edt-2259", Instant.parse("2026-10-31T02:59:59.999Z")),
                ShopMessage.buyer("c-1", "est-0800", Instant.parse("2026-11-01T13:00:00Z")),
                ShopMessage.buyer("c-1", "est-0759", Instant.parse("2026-11-01T12:59:59.999Z")));
        List<Evaluation> es = newYork.evaluate(log, Instant.parse("2026-11-16T05:00:00Z"));
        assertThat(es)
                .extracting(e -> OUTPUT.format(e.evaluatedAt()))
                .containsExactly("2026-11-01T00:00:00-04:00", "2026-11-16T00:00:00-05:00");
        assertThat(ids(es.get(0))).isEmpty();
        assertThat(ids(es.get(1))).containsExactly("edt-2259", "est-0800");
        assertThat(es.get(1).skipped()).extracting(Evaluation.Skipped::id).containsExactly("est-0759");
    }
}
