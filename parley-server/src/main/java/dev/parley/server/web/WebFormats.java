package dev.parley.server.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Formats for templates ({@code ${@webFormats.utc(t)}}): times in UTC, which the page script then shows in the
 * reader's own time zone; instants as epoch milliseconds for the countdowns.
 */
@Component("webFormats")
class WebFormats {
    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    /** The instant in UTC, to the minute. */
    String utc(@Nullable Instant instant) {
        return instant == null ? "" : UTC.format(instant);
    }

    /** The instant as epoch milliseconds, or null. */
    @Nullable
    Long millis(@Nullable Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }
}
