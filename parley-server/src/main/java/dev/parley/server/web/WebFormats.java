package dev.parley.server.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Formats for templates ({@code ${@webFormats.utc(t)}}): times in UTC, which the page script then shows in the
 * reader's own time zone; instants as epoch milliseconds for the countdowns.
 */
@Component("webFormats")
class WebFormats {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter ZONED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx");
    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    /** The instant in UTC, to the minute. */
    public String utc(@Nullable Instant instant) {
        return instant == null ? "" : UTC.format(instant);
    }

    /** An ISO-8601 instant as the API writes it (in the maps of the API's representations), in UTC to the minute. */
    public String utcIso(@Nullable Object iso) {
        if (iso == null) {
            return "";
        }
        try {
            return utc(Instant.parse(iso.toString()));
        } catch (java.time.format.DateTimeParseException e) {
            return iso.toString();
        }
    }

    /** A price with its currency's usual decimals: {@code 29.90 SGD}; a dash when there is none. */
    public String price(@Nullable BigDecimal amount, @Nullable String currency) {
        if (amount == null) {
            return "—";
        }
        int digits = 2;
        if (currency != null) {
            try {
                digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
            } catch (IllegalArgumentException unknown) {
                digits = 2;
            }
        }
        String number = amount.scale() <= digits
                ? amount.setScale(digits, RoundingMode.UNNECESSARY).toPlainString()
                : amount.toPlainString();
        return currency == null ? number : number + " " + currency;
    }

    /** A rate in [0, 1] as a percentage with one decimal: {@code 91.6%}; a dash when there is none. */
    public String percent(@Nullable Double rate) {
        return rate == null ? "—" : String.format(Locale.ROOT, "%.1f%%", rate * 100);
    }

    /** Seconds as the pages show a response time: {@code 45s}, {@code 12m 05s}, {@code 3h 20m}, {@code 2d 04h}. */
    public String duration(@Nullable Double seconds) {
        if (seconds == null) {
            return "—";
        }
        long s = Math.round(seconds);
        if (s < 60) {
            return s + "s";
        }
        return Deadline.format(java.time.Duration.ofSeconds(s));
    }

    /** The instant in a time zone, to the minute: {@code 2026-12-10 10:05}. */
    public String local(@Nullable Instant instant, ZoneId zone) {
        return instant == null ? "" : LOCAL.withZone(zone).format(instant);
    }

    /** A zoned time as the evaluations are written: {@code 2026-12-16 00:00 +08:00}. */
    public String zoned(@Nullable ZonedDateTime time) {
        return time == null ? "" : ZONED.format(time);
    }

    /** A period as its days: {@code 2026-12-01 – 2026-12-15} for {@code (2026-12-01 00:00, 2026-12-16 00:00]}. */
    public String period(ZonedDateTime start, ZonedDateTime end) {
        return start.toLocalDate() + " – "
                + end.toLocalDate().minusDays(end.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? 1 : 0);
    }

    /** The instant as epoch milliseconds, or null. */
    @Nullable
    public Long millis(@Nullable Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }
}
