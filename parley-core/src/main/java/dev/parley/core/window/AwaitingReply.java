package dev.parley.core.window;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a conversation waits for from the seller team: the buyer's latest message and the oldest buyer message that no
 * qualifying reply has answered yet (null when none waits).
 *
 * <p>A qualifying reply answers every buyer message sent strictly before it (evaluation.md, definitions 3 and 4).
 */
public record AwaitingReply(
        @Nullable Instant lastBuyerMessageAt, @Nullable Instant oldestWaitingAt) {

    /** A conversation in which the buyer has not written yet. */
    public static AwaitingReply none() {
        return new AwaitingReply(null, null);
    }

    /** Whether some buyer message has no qualifying reply. */
    public boolean awaiting() {
        return oldestWaitingAt != null;
    }

    /** The state after a buyer message at {@code at}. */
    public AwaitingReply afterBuyerMessage(Instant at) {
        Instant last = lastBuyerMessageAt == null || at.isAfter(lastBuyerMessageAt) ? at : lastBuyerMessageAt;
        Instant oldest = oldestWaitingAt == null || at.isBefore(oldestWaitingAt) ? at : oldestWaitingAt;
        return new AwaitingReply(last, oldest);
    }

    /**
     * The state after a qualifying reply at {@code at}, for a reply later than every buyer message or at the same instant
     * as the latest one (which still waits): buyer messages strictly before it are answered. For a reply that comes before
     * later buyer messages (a held reply released afterwards) use {@link #fromLog}.
     */
    public AwaitingReply afterQualifyingReply(Instant at) {
        if (oldestWaitingAt == null || !at.isAfter(oldestWaitingAt)) {
            return this;
        }
        Instant last = lastBuyerMessageAt;
        return new AwaitingReply(last, last != null && !last.isBefore(at) ? last : null);
    }

    /** The state after the messages of {@code log}, in any order. */
    public static AwaitingReply fromLog(List<Entry> log) {
        List<Entry> sorted = new ArrayList<>(log);
        sorted.sort(Comparator.comparing(Entry::at));
        Instant last = null;
        Instant oldest = null;
        for (Entry e : sorted) {
            if (e.buyer()) {
                last = e.at();
                if (oldest == null) {
                    oldest = e.at();
                }
            } else if (e.qualifyingReply() && oldest != null && e.at().isAfter(oldest)) {
                oldest = last != null && !last.isBefore(e.at()) ? last : null;
            }
        }
        return new AwaitingReply(last, oldest);
    }

    /** One message of a conversation's log: when, whether the buyer wrote it, whether it is a qualifying reply. */
    public record Entry(Instant at, boolean buyer, boolean qualifyingReply) {}
}
