package dev.parley.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeadlineTest {
    private static final Instant BUYER = Instant.parse("2026-11-28T00:00:00Z");
    private static final Instant DEADLINE = BUYER.plus(Duration.ofHours(72));

    @Test
    void aReplyIsDueUntilTheDeadlineInclusive() {
        Deadline d = Deadline.of(DEADLINE, DEADLINE, DEADLINE);
        assertThat(d.state()).isEqualTo(Deadline.State.DUE);
        assertThat(Deadline.of(DEADLINE, DEADLINE, BUYER).leftText()).isEqualTo("3d 00h");
    }

    @Test
    void afterTheDeadlineWithTheWindowStillOpenItIsOverdue() {
        Instant later = BUYER.plus(Duration.ofHours(80));
        Deadline d = Deadline.of(DEADLINE, later, BUYER.plus(Duration.ofHours(75)));
        assertThat(d.state()).isEqualTo(Deadline.State.OVERDUE);
        assertThat(d.leftText()).isEqualTo("5h 00m");
    }

    @Test
    void theWindowClosesOneInstantAfterWindowClosesAt() {
        assertThat(Deadline.of(DEADLINE, DEADLINE, DEADLINE.plusMillis(1)).state())
                .isEqualTo(Deadline.State.CLOSED);
    }

    @Test
    void nothingAwaitedShowsNoClock() {
        assertThat(Deadline.of(null, DEADLINE, BUYER).state()).isEqualTo(Deadline.State.NONE);
    }

    @Test
    void shortTimesShowSeconds() {
        assertThat(Deadline.format(Duration.ofSeconds(125))).isEqualTo("2m 05s");
        assertThat(Deadline.format(Duration.ofSeconds(-5))).isEqualTo("0m 00s");
    }
}
