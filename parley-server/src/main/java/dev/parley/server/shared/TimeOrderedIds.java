package dev.parley.server.shared;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Makes identifiers for the server's own records: UUID version 7 (time-ordered, random), as text. */
@Component
public class TimeOrderedIds {
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    TimeOrderedIds(Clock clock) {
        this.clock = clock;
    }

    /** A new identifier. */
    public String next() {
        long millis = clock.millis();
        long high = (millis << 16) | 0x7000L | (random.nextInt() & 0x0FFF);
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
