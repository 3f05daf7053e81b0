package dev.parley.core.policy;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** What the product detail page promises; an absent field is not judged. */
public record Listing(
        @Nullable String language,
        @Nullable BigDecimal price,
        @Nullable String currency,
        @Nullable Integer returnDays,
        @Nullable Boolean freeReturn,
        @Nullable Integer warrantyMonths) {

    /** A listing that says nothing. */
    public static Listing unknown() {
        return new Listing(null, null, null, null, null, null);
    }
}
