package dev.parley.core.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.core.evaluation.Evaluation.MessageExplanation;
import dev.parley.core.evaluation.Evaluation.SkipReason;
import dev.parley.core.evaluation.Evaluation.Status;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class EvaluatorTest {
    private static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");
    private static final ShopLogs LOG = new ShopLogs(BANGKOK);
    private static final Evaluator EVALUATOR = Evaluator.of(BANGKOK, EvaluationSettings.defaults());
    private static final Instant NOV_16 = LOG.at("2026-11-16T00:00");
    private static final Instant DEC_1 = LOG.at("2026-12-01T00:00");

    private static Evaluation only(List<Evaluation> evaluations) {
        assertThat(evaluations).hasSize(1);
        return evaluations.getFirst();
    }

    private static MessageExplanation assessed(Evaluation evaluation, String id) {
        return evaluation.messages().stream()
                .filter(m -> m.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError(id + " not assessed at " + evaluation.evaluatedAt()));
    }

    private static SkipReason skipReason(Evaluation evaluation, String id) {
        return evaluation.skipped().stream()
                .filter(m -> m.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError(id + " not skipped at " + evaluation.evaluatedAt()))
                .reason();
    }

    /** {@code count} buyer messages on 2026-11-03, each answered {@code i + 1} minutes later in its own conversation. */
    private static List<ShopMessage> answeredMessages(int count) {
        List<ShopMessage> log = new ArrayList<>();
        Instant start = LOG.at("2026-11-03T09:00");
        for (int i = 0; i < count; i++) {
            Instant at = start.plus(Duration.ofMinutes(10L * i));
            log.add(ShopMessage.buyer("c-" + i, "b-" + i, at));
            log.add(ShopMessage.seller("c-" + i, "s-" + i, at.plus(Duration.ofMinutes(i + 1))));
        }
        return log;
    }

    @Nested
    class CountedHours {
        @Test
        void buyerMessageAt075959999IsOutsideHoursAndAt080000IsCounted() {
            Evaluation e = only(EVALUATOR.evaluate(
                    List.of(
                            LOG.buyer("early", "2026-11-03T07:59:59.999"),
                            LOG.buyer("first", "2026-11-03T08:00:00.000"),
                            LOG.seller("r", "2026-11-03T09:00")),
                    NOV_16));
            assertThat(skipReason(e, "early")).isEqualTo(SkipReason.OUTSIDE_HOURS);
            assertThat(e.messages()).extracting(MessageExplanation::id).containsExactly("first");
        }

        @Test
        void buyerMessageAt225959999IsCountedAndAt230000IsOutsideHours() {
            Evaluation e = only(EVALUATOR.evaluate(
                    List.of(
                            LOG.buyer("last", "2026-11-03T22:59:59.999"),
                            LOG.buyer("late", "2026-11-03T23:00:00.000"),
                            LOG.seller("r", "2026-11-04T09:00")),
                    NOV_16));
            assertThat(e.messages()).extracting(MessageExplanation::id).containsExactly("last");
            assertThat(skipReason(e, "late")).isEqualTo(SkipReason.OUTSIDE_HOURS);
        }

        @Test
        void excludedMessageIsSkippedAsExcludedEvenOutsideHoursAndNotCounted() {
            Evaluation e = only(EVALUATOR.evaluate(
                    List.of(
                            LOG.buyer("reported", "2026-11-03T10:00").asExcluded(),
                            LOG.buyer("reported-at-night", "2026-11-03T02:00").asExcluded(),
                            LOG.buyer("counted", "2026-11-03T11:00"),
                            LOG.seller("r", "2026-11-03T12:00")),
                    NOV_16));
            assertThat(skipReason(e, "reported")).isEqualTo(SkipReason.EXCLUDED);
            assertThat(skipReason(e, "reported-at-night")).isEqualTo(SkipReason.EXCLUDED);
            assertThat(e.assessed()).isEqualTo(1);
            assertThat(e.skipped()).extracting(Evaluation.Skipped::id).containsExactly("reported-at-night", "reported");
        }

        @Test
        void countedHoursMayRunPastMidnight() {
            Evaluator night = Evaluator.of(
                    BANGKOK,
                    EvaluationSettings.defaults()
                            .withCountedHours(java.time.LocalTime.of(22, 0), java.time.LocalTime.of(6, 0)));
            Evaluation e = only(night.evaluate(
                    List.of(
                            LOG.buyer("evening", "2026-11-03T21:59:59.999"),
                            LOG.buyer("night", "2026-11-03T22:00"),
                            LOG.buyer("dawn", "2026-11-04T05:59:59.999"),
                            LOG.buyer("morning", "2026-11-04T06:00")),
                    NOV_16));
            assertThat(e.messages()).extracting(MessageExplanation::id).containsExactly("night", "dawn");
            assertThat(e.skipped()).extracting(Evaluation.Skipped::id).containsExactly("evening", "morning");
        }
    }

    @Nested
    class Replies {
        @Test
        void replyAtExactly72HoursCounts() {
            MessageExplanation m = assessed(
                    only(EVALUATOR.evaluate(
                            List.of(LOG.buyer("b", "2026-11-03T10:00"), LOG.seller("r", "2026-11-06T10:00")), NOV_16)),
                    "b");
            assertThat(m.responded()).isTrue();
            assertThat(m.replyId()).isEqualTo("r");
            assertThat(m.responseSeconds()).isEqualTo(259200.0);
        }

        @Test
        void replyAt72HoursAndOneMillisecondDoesNotCountAndIsNotShown() {
            MessageExplanation m = assessed(
                    only(EVALUATOR.evaluate(
                            List.of(LOG.buyer("b", "2026-11-03T10:00"), LOG.seller("r", "2026-11-06T10:00:00.001")),
                            NOV_16)),
                    "b");
            assertThat(m.responded()).isFalse();
            assertThat(m.replyId()).isNull();
            assertThat(m.replyAt()).isNull();
            assertThat(m.responseSeconds()).isNull();
        }

        @Test
        void replyAtTheSameInstantAsTheBuyerMessageIsNotItsReply() {
            Evaluation e = only(EVALUATOR.evaluate(
                    List.of(
                            LOG.buyer("b", "2026-11-03T10:00"),
                            LOG.seller("same", "2026-11-03T10:00"),
                            LOG.seller("next", "2026-11-03T10:00:00.001")),
                    NOV_16));
            assertThat(assessed(e, "b").replyId()).isEqualTo("next");
            assertThat(assessed(e, "b").responseSeconds()).isEqualTo(0.001);
        }

        @Test
        void replyOnlyAtTheSameInstantLeavesTheMessageUnanswered() {
            Evaluation e = only(EVALUATOR.evaluate(
                    List.of(LOG.buyer("b", "2026-11-03T10:00"), LOG.seller("same", "2026-11-03T10:00")), NOV_16));
            assertThat(assessed(e, "b").responded()).isFalse();
        }

        @Test
        void placeholderReplyFollowedByARealOneCountsTheRealOne() {
            Evaluation e = only(EVALUATOR.evaluate(
                    List.of(
                            LOG.buyer("b", "2026-11-03T10:00"),
                            LOG.seller("hi", "2026-11-03T10:01").asPlaceholder(),
                            LOG.seller("answer", "2026-11-03T10:30")),
                    NOV_16));
            assertThat(assessed(e, "b").replyId()).isEqualTo("answer");
            assertThat(assessed(e, "b").responseSeconds()).isEqualTo(1800.0);
        }

        @Test
        void automaticAndUndeliveredRepliesDoNotCount() {
            Evaluation e = only(EVALUATOR.evaluate(
                    List.of(
                            LOG.buyer("b", "2026-11-03T10:00"),
                            LOG.seller("bot", "2026-11-03T10:00:01").asAuto(),
                            LOG.seller("blocked", "2026-11-03T10:05").undelivered(),
                            LOG.seller("answer", "2026-11-03T11:00")),
                    NOV_16));
            assertThat(assessed(e, "b").replyId()).isEqualTo("answer");
        }

        @Test
        void systemAndPlatformMessagesNeverReply() {
            Evaluation e = only(EVALUATOR.evaluate(
                    List.of(
                            LOG.buyer("b", "2026-11-03T10:00"),
                            ShopMessage.of("c-1", "sys", Sender.SYSTEM, LOG.at("2026-11-03T10:01")),
                            ShopMessage.of("c-1", "plat", Sender.PLATFORM, LOG.at("2026-11-03T10:02"))),
                    NOV_16));
            assertThat(assessed(e, "b").responded()).isFalse();
        }

        @Test
        void replyInAnotherConversationDoesNotCount() {
            Evaluation e = only(EVALUATOR.evaluate(
                    List.of(
                            LOG.buyer("b", "2026-11-03T10:00"),
                            ShopMessage.seller("c-2", "elsewhere", LOG.at("2026-11-03T10:05"))),
                    NOV_16));
            assertThat(assessed(e, "b").responded()).isFalse();
        }

        @Test
        void oneReplyAnswersEveryEarlierWaitingBuyerMessage() {
            Evaluation e = only(EVALUATOR.evaluate(
                    List.of(
                            LOG.buyer("b1", "2026-11-03T10:00"),
                            LOG.buyer("b2", "2026-11-03T10:20"),
                            LOG.seller("r", "2026-11-03T10:30"),
                            LOG.buyer("b3", "2026-11-03T10:40")),
                    NOV_16));
            assertThat(assessed(e, "b1").responseSeconds()).isEqualTo(1800.0);
            assertThat(assessed(e, "b2").responseSeconds()).isEqualTo(600.0);
            assertThat(assessed(e, "b3").responded()).isFalse();
        }

        @Test
        void firstOfTwoRepliesAtTheSameInstantIsTheOneWithTheSmallerId() {
            Evaluation e = only(EVALUATOR.evaluate(
                    List.of(
                            LOG.buyer("b", "2026-11-03T10:00"),
                            LOG.seller("r-2", "2026-11-03T10:30"),
                            LOG.seller("r-1", "2026-11-03T10:30")),
                    NOV_16));
            assertThat(assessed(e, "b").replyId()).isEqualTo("r-1");
        }

        @Test
        void timesAreReadToTheMillisecond() {
            Evaluation e = only(EVALUATOR.evaluate(
                    List.of(
                            ShopMessage.buyer("c-1", "b", LOG.at("2026-11-03T10:00:00.000999")),
                            ShopMessage.seller("c-1", "r", LOG.at("2026-11-03T10:00:01.000001"))),
                    NOV_16));
            assertThat(assessed(e, "b").at()).isEqualTo(LOG.at("2026-11-03T10:00"));
            assertThat(assessed(e, "b").responseSeconds()).isEqualTo(1.0);
        }
    }

    @Nested
    class Settlement {
        @Test
        void messageStillOpenAtAnEvaluationInstantRollsIntoTheNext() {
            List<Evaluation> es = EVALUATOR.evaluate(
                    List.of(LOG.buyer("b", "2026-11-15T22:00"), LOG.seller("r", "2026-11-16T01:00")), DEC_1);
            assertThat(es)
                    .extracting(Evaluation::evaluatedAt)
                    .extracting(z -> z.toInstant())
                    .containsExactly(NOV_16, DEC_1);
            assertThat(es.get(0).assessed()).isZero();
            assertThat(assessed(es.get(1), "b").responseSeconds()).isEqualTo(10800.0);
        }

        @Test
        void unansweredMessageSettlesWhenItsWindowEnds() {
            List<Evaluation> es = EVALUATOR.evaluate(List.of(LOG.buyer("b", "2026-11-13T12:00")), DEC_1);
            assertThat(es.get(0).assessed()).isZero();
            assertThat(assessed(es.get(1), "b").responded()).isFalse();
        }

        @Test
        void unansweredMessageWhoseWindowEndsExactlyAtAnInstantBelongsToIt() {
            Evaluator fourHours =
                    Evaluator.of(BANGKOK, EvaluationSettings.defaults().withWindow(Duration.ofHours(4)));
            List<Evaluation> es = fourHours.evaluate(List.of(LOG.buyer("b", "2026-11-15T20:00")), DEC_1);
            assertThat(es.get(0).messages()).extracting(MessageExplanation::id).containsExactly("b");
            assertThat(es.get(1).assessed()).isZero();
        }

        @Test
        void replyExactlyAtTheEvaluationInstantSettlesInThatEvaluation() {
            List<Evaluation> es = EVALUATOR.evaluate(
                    List.of(LOG.buyer("b", "2026-11-15T20:00"), LOG.seller("r", "2026-11-16T00:00:00.000")), DEC_1);
            assertThat(assessed(es.get(0), "b").responded()).isTrue();
            assertThat(es.get(1).assessed()).isZero();
        }

        @Test
        void replyOneMillisecondAfterTheEvaluationInstantSettlesInTheNext() {
            List<Evaluation> es = EVALUATOR.evaluate(
                    List.of(LOG.buyer("b", "2026-11-15T20:00"), LOG.seller("r", "2026-11-16T00:00:00.001")), DEC_1);
            assertThat(es.get(0).assessed()).isZero();
            assertThat(assessed(es.get(1), "b").responseSeconds()).isEqualTo(14400.001);
        }

        @Test
        void skippedMessageIsListedInThePeriodItWasSentIn() {
            List<Evaluation> es = EVALUATOR.evaluate(
                    List.of(LOG.buyer("night", "2026-11-16T02:00"), LOG.buyer("b", "2026-11-15T22:00")), DEC_1);
            assertThat(es.get(0).skipped()).isEmpty();
            assertThat(skipReason(es.get(1), "night")).isEqualTo(SkipReason.OUTSIDE_HOURS);
        }
    }

    @Nested
    class Figures {
        @Test
        void nineteenAssessedMessagesAreNotEvaluatedButCounted() {
            Evaluation e = only(EVALUATOR.evaluate(answeredMessages(19), NOV_16));
            assertThat(e.status()).isEqualTo(Status.NOT_EVALUATED);
            assertThat(e.reason()).isEqualTo(Evaluation.Reason.TOO_FEW_MESSAGES);
            assertThat(e.assessed()).isEqualTo(19);
            assertThat(e.responded()).isEqualTo(19);
            assertThat(e.responseRate()).isNull();
            assertThat(e.meanResponseSeconds()).isNull();
            assertThat(e.medianResponseSeconds()).isNull();
            assertThat(e.p90ResponseSeconds()).isNull();
            assertThat(e.messages()).hasSize(19);
        }

        @Test
        void twentyAssessedMessagesAreEvaluatedWithNearestRankPercentiles() {
            Evaluation e = only(EVALUATOR.evaluate(answeredMessages(20), NOV_16));
            assertThat(e.status()).isEqualTo(Status.EVALUATED);
            assertThat(e.reason()).isNull();
            assertThat(e.responseRate()).isEqualTo(1.0);
            // response times 1..20 minutes: mean 10.5 min, median rank ceil(10) = 10 min, p90 rank ceil(18) = 18 min
            assertThat(e.meanResponseSeconds()).isEqualTo(630.0);
            assertThat(e.medianResponseSeconds()).isEqualTo(600.0);
            assertThat(e.p90ResponseSeconds()).isEqualTo(1080.0);
        }

        @Test
        void percentileRanksRoundUp() {
            List<ShopMessage> log = new ArrayList<>(answeredMessages(21));
            Evaluation e = only(EVALUATOR.evaluate(log, NOV_16));
            // 21 responded: median rank ceil(10.5) = 11, p90 rank ceil(18.9) = 19
            assertThat(e.medianResponseSeconds()).isEqualTo(660.0);
            assertThat(e.p90ResponseSeconds()).isEqualTo(1140.0);
            assertThat(e.meanResponseSeconds()).isEqualTo(660.0);
        }

        @Test
        void meanIsTheUnroundedQuotientOfTheMilliseconds() {
            List<ShopMessage> log = new ArrayList<>();
            Instant start = LOG.at("2026-11-03T09:00");
            for (int i = 0; i < 20; i++) {
                Instant at = start.plus(Duration.ofMinutes(i));
                log.add(ShopMessage.buyer("c-" + i, "b-" + i, at));
                if (i < 3) {
                    log.add(ShopMessage.seller("c-" + i, "s-" + i, at.plusMillis(i == 0 ? 1 : 1000)));
                }
            }
            Evaluation e = only(EVALUATOR.evaluate(log, NOV_16));
            assertThat(e.responded()).isEqualTo(3);
            assertThat(e.responseRate()).isEqualTo(3.0 / 20);
            assertThat(e.meanResponseSeconds()).isEqualTo(2001.0 / 3 / 1000.0);
            assertThat(e.medianResponseSeconds()).isEqualTo(1.0);
            assertThat(e.p90ResponseSeconds()).isEqualTo(1.0);
        }

        @Test
        void evaluatedPeriodWithoutRespondedMessagesHasRateZeroAndNoTimes() {
            List<ShopMessage> log = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                log.add(ShopMessage.buyer(
                        "c-1", "b-" + i, LOG.at("2026-11-03T09:00").plusSeconds(i)));
            }
            Evaluation e = only(EVALUATOR.evaluate(log, NOV_16));
            assertThat(e.status()).isEqualTo(Status.EVALUATED);
            assertThat(e.responseRate()).isEqualTo(0.0);
            assertThat(e.meanResponseSeconds()).isNull();
            assertThat(e.medianResponseSeconds()).isNull();
            assertThat(e.p90ResponseSeconds()).isNull();
        }

        @Test
        void explanationListsAreSortedByTimeThenId() {
            Evaluation e = only(EVALUATOR.evaluate(
                    List.of(
                            LOG.buyer("z", "2026-11-03T10:00"),
                            LOG.buyer("a", "2026-11-03T10:00"),
                            LOG.buyer("m", "2026-11-03T09:00"),
                            LOG.buyer("night-b", "2026-11-03T01:00"),
                            LOG.buyer("night-a", "2026-11-03T01:00")),
                    NOV_16));
            assertThat(e.messages()).extracting(MessageExplanation::id).containsExactly("m", "a", "z");
            assertThat(e.skipped()).extracting(Evaluation.Skipped::id).containsExactly("night-a", "night-b");
        }

        @Test
        void figuresOnlyLeaveTheListsEmpty() {
            Evaluation e = only(EVALUATOR.evaluate(answeredMessages(20), NOV_16, Evaluator.Detail.FIGURES));
            assertThat(e.messages()).isEmpty();
            assertThat(e.assessed()).isEqualTo(20);
            assertThat(e.meanResponseSeconds()).isEqualTo(630.0);
        }

        @Test
        void resultCarriesThePolicyVersion() {
            Evaluator v2 = Evaluator.of(BANGKOK, EvaluationSettings.defaults().withVersion("2026-12"));
            assertThat(only(v2.evaluate(answeredMessages(1), NOV_16)).policyVersion())
                    .isEqualTo("2026-12");
        }
    }

    @Nested
    class Range {
        @Test
        void firstEvaluationIsTheFirstInstantAtOrAfterTheEarliestMessageOfAnySender() {
            List<Evaluation> es = EVALUATOR.evaluate(
                    List.of(
                            ShopMessage.of("c-1", "sys", Sender.SYSTEM, LOG.at("2026-10-20T03:00")),
                            LOG.buyer("b", "2026-11-03T10:00")),
                    NOV_16);
            assertThat(es)
                    .extracting(e -> e.evaluatedAt().toLocalDateTime().toString())
                    .containsExactly("2026-11-01T00:00", "2026-11-16T00:00");
            assertThat(es.getFirst().periodStart().toLocalDateTime()).hasToString("2026-10-16T00:00");
        }

        @Test
        void messageExactlyAtAnInstantStartsTheReportAtThatInstant() {
            List<Evaluation> es = EVALUATOR.evaluate(List.of(LOG.buyer("b", "2026-11-01T00:00")), DEC_1);
            assertThat(es.getFirst().evaluatedAt().toInstant()).isEqualTo(LOG.at("2026-11-01T00:00"));
            assertThat(skipReason(es.getFirst(), "b")).isEqualTo(SkipReason.OUTSIDE_HOURS);
        }

        @Test
        void noMessagesOrAsOfBeforeTheFirstInstantGiveNoEvaluation() {
            assertThat(EVALUATOR.evaluate(List.of(), DEC_1)).isEmpty();
            assertThat(EVALUATOR.evaluate(
                            List.of(LOG.buyer("b", "2026-11-03T10:00")), LOG.at("2026-11-15T23:59:59.999")))
                    .isEmpty();
        }

        @Test
        void asOfExactlyAtAnInstantIncludesIt() {
            assertThat(EVALUATOR.evaluate(List.of(LOG.buyer("b", "2026-11-03T10:00")), NOV_16))
                    .hasSize(1);
        }

        @Test
        void evaluateAtComputesOnePeriodAndRefusesAnInstantThatIsNotAnEvaluation() {
            Evaluation e = EVALUATOR.evaluateAt(
                    List.of(LOG.buyer("old", "2026-10-03T10:00"), LOG.buyer("b", "2026-11-03T10:00")), NOV_16);
            assertThat(e.messages()).extracting(MessageExplanation::id).containsExactly("b");
            assertThat(e.periodStart().toInstant()).isEqualTo(LOG.at("2026-11-01T00:00"));
            assertThatThrownBy(() -> EVALUATOR.evaluateAt(List.of(), LOG.at("2026-11-16T00:00:01")))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void evaluateAtLeavesAMessageSettledExactlyAtThePeriodStartToThePreviousEvaluation() {
            List<ShopMessage> log =
                    List.of(LOG.buyer("b", "2026-11-15T20:00"), LOG.seller("r", "2026-11-16T00:00:00.000"));
            assertThat(EVALUATOR.evaluateAt(log, DEC_1).assessed()).isZero();
            assertThat(EVALUATOR.evaluateAt(log, NOV_16).assessed()).isEqualTo(1);
        }

        @Test
        void currentPeriodCountsWhatHasSettledSoFar() {
            List<ShopMessage> log = List.of(
                    LOG.buyer("answered", "2026-11-17T10:00"),
                    LOG.seller("r", "2026-11-17T11:00"),
                    LOG.buyer("waiting", "2026-11-18T10:00"),
                    LOG.buyer("night", "2026-11-18T02:00"),
                    LOG.buyer("rolled-in", "2026-11-15T22:00"),
                    LOG.seller("late", "2026-11-16T09:00"));
            Evaluation now = EVALUATOR.currentPeriod(log, LOG.at("2026-11-18T12:00"));
            assertThat(now.evaluatedAt().toInstant()).isEqualTo(DEC_1);
            assertThat(now.periodStart().toInstant()).isEqualTo(NOV_16);
            assertThat(now.messages()).extracting(MessageExplanation::id).containsExactly("rolled-in", "answered");
            assertThat(now.skipped()).extracting(Evaluation.Skipped::id).containsExactly("night");
            assertThat(now.status()).isEqualTo(Status.NOT_EVALUATED);
        }

        @Test
        void currentPeriodAtAnEvaluationInstantIsTheNewEmptyPeriod() {
            Evaluation now = EVALUATOR.currentPeriod(List.of(LOG.buyer("b", "2026-11-03T10:00")), NOV_16);
            assertThat(now.periodStart().toInstant()).isEqualTo(NOV_16);
            assertThat(now.evaluatedAt().toInstant()).isEqualTo(DEC_1);
            assertThat(now.assessed()).isZero();
        }
    }

    @Nested
    class Calendar {
        @Test
        void periodsFollowMonthsOf28To31Days() {
            EvaluationCalendar calendar = EVALUATOR.calendar();
            ShopLogs log = LOG;
            assertThat(calendar.after(log.at("2026-02-16T00:00"))).isEqualTo(log.at("2026-03-01T00:00"));
            assertThat(calendar.after(log.at("2028-02-16T00:00"))).isEqualTo(log.at("2028-03-01T00:00"));
            assertThat(calendar.before(log.at("2026-05-01T00:00"))).isEqualTo(log.at("2026-04-16T00:00"));
            assertThat(calendar.after(log.at("2026-01-16T00:00"))).isEqualTo(log.at("2026-02-01T00:00"));
            assertThat(calendar.between(log.at("2026-01-01T00:00"), log.at("2026-12-31T23:59")))
                    .hasSize(24);
        }

        @Test
        void messagesAtTheEndOfFebruaryAndOfLongMonthsSettleOnTheFirst() {
            List<ShopMessage> log = List.of(
                    LOG.buyer("feb-28", "2026-02-28T22:59:59.999"),
                    LOG.seller("r1", "2026-02-28T23:30"),
                    ShopMessage.buyer("c-2", "feb-29", LOG.at("2028-02-29T22:00")),
                    ShopMessage.seller("c-2", "r2", LOG.at("2028-02-29T23:00")),
                    ShopMessage.buyer("c-3", "jan-31", LOG.at("2026-01-31T22:00")),
                    ShopMessage.seller("c-3", "r3", LOG.at("2026-01-31T23:59:59.999")));
            List<Evaluation> es = EVALUATOR.evaluate(log, LOG.at("2028-03-01T00:00"));
            assertThat(assessedAt(es, "feb-28")).isEqualTo("2026-03-01T00:00");
            assertThat(assessedAt(es, "feb-29")).isEqualTo("2028-03-01T00:00");
            assertThat(assessedAt(es, "jan-31")).isEqualTo("2026-02-01T00:00");
        }

        @Test
        void evaluationDayMissingFromAMonthGivesNoInstantThatMonth() {
            EvaluationCalendar calendar = EvaluationCalendar.of(BANGKOK, Set.of(31));
            assertThat(calendar.between(LOG.at("2026-01-01T00:00"), LOG.at("2026-12-31T23:59")))
                    .extracting(i -> i.atZone(BANGKOK).toLocalDate().toString())
                    .containsExactly(
                            "2026-01-31",
                            "2026-03-31",
                            "2026-05-31",
                            "2026-07-31",
                            "2026-08-31",
                            "2026-10-31",
                            "2026-12-31");
        }

        @Test
        void nextAndPreviousInstantsAreStrict() {
            EvaluationCalendar calendar = EVALUATOR.calendar();
            assertThat(calendar.after(NOV_16)).isEqualTo(DEC_1);
            assertThat(calendar.atOrAfter(NOV_16)).isEqualTo(NOV_16);
            assertThat(calendar.before(NOV_16)).isEqualTo(LOG.at("2026-11-01T00:00"));
            assertThat(calendar.atOrBefore(NOV_16)).isEqualTo(NOV_16);
            assertThat(calendar.atOrBefore(NOV_16.minusMillis(1))).isEqualTo(LOG.at("2026-11-01T00:00"));
            assertThat(calendar.isEvaluationInstant(NOV_16)).isTrue();
            assertThat(calendar.isEvaluationInstant(NOV_16.plusMillis(1))).isFalse();
        }

        private static String assessedAt(List<Evaluation> es, String id) {
            return es.stream()
                    .filter(e -> e.messages().stream().anyMatch(m -> m.id().equals(id)))
                    .map(e -> e.evaluatedAt().toLocalDateTime().toString())
                    .reduce((a, b) -> a + " and " + b)
                    .orElse("nowhere");
        }
    }
}
