package dev.parley.server.web;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Where a conversation's reply clock stands: a reply is due (time left until the deadline), overdue (the deadline
 * passed, the window is still open), the window closed (72 hours after the buyer's latest message: the seller may no
 * longer write), or nothing is awaited.
 */
record Deadline(
        State state,
        @Nullable Instant replyDeadline,
        @Nullable Instant windowClosesAt,
        Duration left) {

    /** The states of the clock. */
    enum State {
        NONE,
        DUE,
        OVERDUE,
        CLOSED
    }

    static Deadline of(@Nullable Instant replyDeadline, @Nullable Instant windowClosesAt, Instant now) {
        if (windowClosesAt != null && now.isAfter(windowClosesAt) && replyDeadline != null) {
            return new Deadline(State.CLOSED, replyDeadline, windowClosesAt, Duration.ZERO);
        }
        if (replyDeadline == null) {
            return new Deadline(State.NONE, null, windowClosesAt, Duration.ZERO);
        }
        if (!now.isAfter(replyDeadline)) {
            return new Deadline(State.DUE, replyDeadline, windowClosesAt, Duration.between(now, replyDeadline));
        }
        Duration toClose = windowClosesAt == null ? Duration.ZERO : Duration.between(now, windowClosesAt);
        return new Deadline(State.OVERDUE, replyDeadline, windowClosesAt, toClose);
    }

    /** The time left as the pages show it: {@code 2d 03h}, {@code 5h 07m}, {@code 4m 09s}. */
    public String leftText() {
        return format(left);
    }

    static String format(Duration d) {
        long s = Math.max(0, d.toSeconds());
        long days = s / 86_400;
        long hours = s % 86_400 / 3_600;
        long minutes = s % 3_600 / 60;
        long seconds = s % 60;
        if (days > 0) {
            return "%dd %02dh".formatted(days, hours);
        }
        if (hours > 0) {
            return "%dh %02dm".formatted(hours, minutes);
        }
        return "%dm %02ds".formatted(minutes, seconds);
    }

    /** The reply deadline as epoch milliseconds (for the page's countdown), or null. */
    public @Nullable Long deadlineMillis() {
        return replyDeadline == null ? null : replyDeadline.toEpochMilli();
    }

    /** When the window closes, as epoch milliseconds, or null. */
    public @Nullable Long closesMillis() {
        return windowClosesAt == null ? null : windowClosesAt.toEpochMilli();
    }

    /** The CSS class of the state. */
    public String css() {
        return "clock-" + state.name().toLowerCase(java.util.Locale.ROOT);
    }
}
