package dev.parley.core.evaluation;

import java.time.Instant;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/** Local time of day of epoch milliseconds in one zone, remembering the offset between two transitions. Not shared. */
final class LocalClock {
    private static final long MILLIS_PER_DAY = 86_400_000L;

    private final ZoneRules rules;
    private long validFrom = Long.MAX_VALUE;
    private long validUntil = Long.MIN_VALUE;
    private long offsetMillis;

    LocalClock(ZoneRules rules) {
        this.rules = rules;
    }

    /** The local time of day of {@code epochMillis}, in nanoseconds. */
    long nanoOfDay(long epochMillis) {
        return Math.floorMod(epochMillis + offsetMillis(epochMillis), MILLIS_PER_DAY) * 1_000_000L;
    }

    private long offsetMillis(long epochMillis) {
        if (epochMillis >= validFrom && epochMillis < validUntil) {
            return offsetMillis;
        }
        Instant t = Instant.ofEpochMilli(epochMillis);
        offsetMillis = rules.getOffset(t).getTotalSeconds() * 1000L;
        // Transitions fall on whole seconds, so none lies in (t, t + 1 ms): the previous one is at or before t.
        ZoneOffsetTransition previous = rules.previousTransition(t.plusMillis(1));
        ZoneOffsetTransition next = rules.nextTransition(t);
        validFrom = previous == null ? Long.MIN_VALUE : previous.toEpochSecond() * 1000L;
        validUntil = next == null ? Long.MAX_VALUE : next.toEpochSecond() * 1000L;
        return offsetMillis;
    }
}
