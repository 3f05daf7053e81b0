package dev.parley.core.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AwaitingReplyTest {
    private static final Instant T0 = Instant.parse("2026-11-03T09:00:00Z");

    @Test
    void aBuyerMessageStartsWaitingAndLaterOnesKeepTheOldest() {
        AwaitingReply state = AwaitingReply.none().afterBuyerMessage(T0).afterBuyerMessage(T0.plusSeconds(60));
        assertThat(state.awaiting()).isTrue();
        assertThat(state.oldestWaitingAt()).isEqualTo(T0);
        assertThat(state.lastBuyerMessageAt()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void oneReplyAnswersEveryEarlierBuyerMessage() {
        AwaitingReply state = AwaitingReply.none()
                .afterBuyerMessage(T0)
                .afterBuyerMessage(T0.plusSeconds(60))
                .afterQualifyingReply(T0.plusSeconds(120));
        assertThat(state.awaiting()).isFalse();
        assertThat(state.lastBuyerMessageAt()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void aReplyAtTheSameInstantLeavesThatBuyerMessageWaiting() {
        AwaitingReply state = AwaitingReply.none()
                .afterBuyerMessage(T0)
                .afterBuyerMessage(T0.plusSeconds(60))
                .afterQualifyingReply(T0.plusSeconds(60));
        assertThat(state.oldestWaitingAt()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void aReplyBeforeAnyBuyerMessageChangesNothing() {
        assertThat(AwaitingReply.none().afterQualifyingReply(T0)).isEqualTo(AwaitingReply.none());
    }

    @Test
    void theLogGivesTheOldestBuyerMessageAfterAReleasedReply() {
        AwaitingReply state = AwaitingReply.fromLog(List.of(
                new AwaitingReply.Entry(T0, true, false),
                new AwaitingReply.Entry(T0.plusSeconds(30), true, false),
                new AwaitingReply.Entry(T0.plusSeconds(90), true, false),
                new AwaitingReply.Entry(T0.plusSeconds(60), false, true)));
        assertThat(state.oldestWaitingAt()).isEqualTo(T0.plusSeconds(90));
        assertThat(state.lastBuyerMessageAt()).isEqualTo(T0.plusSeconds(90));
    }

    @Test
    void theLogIgnoresRepliesThatDoNotQualify() {
        AwaitingReply state = AwaitingReply.fromLog(List.of(
                new AwaitingReply.Entry(T0, true, false), new AwaitingReply.Entry(T0.plusSeconds(60), false, false)));
        assertThat(state.oldestWaitingAt()).isEqualTo(T0);
    }
}
