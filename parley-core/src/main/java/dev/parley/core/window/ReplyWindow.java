package dev.parley.core.window;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The reply window of clauses 4.1 and 4.2: a seller may write until {@code window} after the buyer's latest message,
 * and a buyer message is answered in time when a qualifying reply comes at most {@code window} after it.
 */
public final class ReplyWindow {
    /** The window of the Seller Customer Service Rules: 72 hours. */
    public static final Duration DEFAULT = Duration.ofHours(72);

    private final Duration window;

    private ReplyWindow(Duration window) {
        this.window = window;
    }

    /** A window of {@code window}, which must be positive. */
    public static ReplyWindow of(Duration window) {
        Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the reply window must be positive, not " + window);
        }
        return new ReplyWindow(window);
    }

    /** The 72-hour window of the rules. */
    public static ReplyWindow standard() {
        return new ReplyWindow(DEFAULT);
    }

    /** The length of the window. */
    public Duration length() {
        return window;
    }

    /** The last instant a seller may send, given the buyer's latest message: {@code lastBuyerMessageAt + window}. */
    public Instant closesAt(Instant lastBuyerMessageAt) {
        return lastBuyerMessageAt.plus(window);
    }

    /** The last instant a reply to the oldest waiting buyer message still counts as in time. */
    public Instant replyDeadline(Instant oldestWaitingAt) {
        return oldestWaitingAt.plus(window);
    }

    /** Whether a seller may send at {@code now}: the buyer wrote, and {@code now <= closesAt}. */
    public SendDecision decide(@Nullable Instant lastBuyerMessageAt, Instant now) {
        if (lastBuyerMessageAt == null) {
            return new SendDecision.NoBuyerContact();
        }
        Instant closes = closesAt(lastBuyerMessageAt);
        return now.isAfter(closes) ? new SendDecision.WindowClosed(closes) : new SendDecision.Open(closes);
    }

    /** Whether a reply at {@code replyAt} answers a buyer message sent at {@code buyerAt} in time. */
    public boolean inTime(Instant buyerAt, Instant replyAt) {
        return replyAt.isAfter(buyerAt) && !replyAt.isAfter(buyerAt.plus(window));
    }
}
