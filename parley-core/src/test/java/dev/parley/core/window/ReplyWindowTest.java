package dev.parley.core.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReplyWindowTest {
    private static final Instant BUYER = Instant.parse("2026-11-03T09:15:02.120Z");
    private final ReplyWindow window = ReplyWindow.standard();

    @Test
    void windowClosesExactly72HoursAfterTheBuyersLatestMessage() {
        assertThat(window.closesAt(BUYER)).isEqualTo(Instant.parse("2026-11-06T09:15:02.120Z"));
    }

    @Test
    void sendOneMillisecondBefore72HoursIsAccepted() {
        assertThat(window.decide(BUYER, BUYER.plus(Duration.ofHours(72)).minusMillis(1)))
                .isInstanceOf(SendDecision.Open.class);
    }

    @Test
    void sendAtExactly72HoursIsAccepted() {
        SendDecision decision = window.decide(BUYER, BUYER.plus(Duration.ofHours(72)));
        assertThat(decision.allowed()).isTrue();
        assertThat(decision).isEqualTo(new SendDecision.Open(BUYER.plus(Duration.ofHours(72))));
    }

    @Test
    void sendAt72HoursAndOneMillisecondIsRefusedWithTheClosingInstant() {
        SendDecision decision =
                window.decide(BUYER, BUYER.plus(Duration.ofHours(72)).plusMillis(1));
        assertThat(decision.allowed()).isFalse();
        assertThat(decision).isEqualTo(new SendDecision.WindowClosed(BUYER.plus(Duration.ofHours(72))));
    }

    @Test
    void sendWhereTheBuyerNeverWroteIsNoBuyerContact() {
        assertThat(window.decide(null, BUYER)).isInstanceOf(SendDecision.NoBuyerContact.class);
        assertThat(SendDecision.NoBuyerContact.CLAUSE).isEqualTo("3.2");
        assertThat(SendDecision.WindowClosed.CLAUSE).isEqualTo("4.1");
    }

    @Test
    void replyAtExactly72HoursCountsAsInTime() {
        assertThat(window.inTime(BUYER, BUYER.plus(Duration.ofHours(72)))).isTrue();
    }

    @Test
    void replyAt72HoursAndOneMillisecondIsLate() {
        assertThat(window.inTime(BUYER, BUYER.plus(Duration.ofHours(72)).plusMillis(1)))
                .isFalse();
    }

    @Test
    void replyAtTheSameInstantAsTheBuyerMessageDoesNotAnswerIt() {
        assertThat(window.inTime(BUYER, BUYER)).isFalse();
    }

    @Test
    void replyDeadlineIs72HoursAfterTheOldestWaitingMessage() {
        assertThat(window.replyDeadline(BUYER)).isEqualTo(BUYER.plus(Duration.ofHours(72)));
    }

    @Test
    void aConfiguredWindowIsUsed() {
        ReplyWindow day = ReplyWindow.of(Duration.ofHours(24));
        assertThat(day.decide(BUYER, BUYER.plus(Duration.ofHours(25))).allowed())
                .isFalse();
        assertThat(day.length()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void aWindowMustBePositive() {
        assertThatThrownBy(() -> ReplyWindow.of(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
