package dev.parley.core.evaluation;

import java.util.Arrays;
import java.util.Comparator;
import org.jspecify.annotations.Nullable;

/** The qualifying replies of one conversation, ordered by time then id, searchable by time. Not shared. */
final class ReplyTimeline {
    private static final Comparator<ShopMessage> ORDER =
            Comparator.comparing(ShopMessage::at).thenComparing(ShopMessage::id);

    private ShopMessage[] replies = new ShopMessage[4];
    private long[] times = new long[4];
    private int size;
    private boolean sorted = true;

    void add(ShopMessage reply) {
        long t = reply.at().toEpochMilli();
        if (size == replies.length) {
            replies = Arrays.copyOf(replies, size * 2);
            times = Arrays.copyOf(times, size * 2);
        }
        if (size > 0
                && (t < times[size - 1]
                        || (t == times[size - 1] && reply.id().compareTo(replies[size - 1].id()) < 0))) {
            sorted = false;
        }
        replies[size] = reply;
        times[size] = t;
        size++;
    }

    /** The first reply strictly after {@code epochMillis}, the earliest id first among replies at the same instant. */
    @Nullable
    ShopMessage firstAfter(long epochMillis) {
        if (!sorted) {
            Arrays.sort(replies, 0, size, ORDER);
            for (int i = 0; i < size; i++) {
                times[i] = replies[i].at().toEpochMilli();
            }
            sorted = true;
        }
        int low = 0;
        int high = size;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (times[mid] <= epochMillis) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low < size ? replies[low] : null;
    }
}
