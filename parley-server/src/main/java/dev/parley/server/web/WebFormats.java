package dev.parley.server.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
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
    public String utc(@Nullable Instant instant) {
        return instant == null ? "" : UTC.format(instant);
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

    /** The instant as epoch milliseconds, or null. */
    @Nullable
    public Long millis(@Nullable Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }
}
