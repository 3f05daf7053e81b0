package dev.parley.server.catalog;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * A product listing: what its detail page promises, which the checker judges seller messages against.
 *
 * @param language the listing language (BCP 47)
 * @param returnDays the return window in days
 * @param freeReturns whether returns are free for the buyer
 * @param warrantyMonths the warranty in months (0 for none)
 */
public record Product(
        String id,
        String shopId,
        String title,
        @Nullable String language,
        @Nullable BigDecimal price,
        @Nullable String currency,
        @Nullable Integer returnDays,
        @Nullable Boolean freeReturns,
        @Nullable Integer warrantyMonths) {}
