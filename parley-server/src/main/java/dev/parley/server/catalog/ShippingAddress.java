package dev.parley.server.catalog;

import org.jspecify.annotations.Nullable;

/**
 * Where an order goes and whom the carrier calls: the buyer's personal data, disclosed to the shop only through the
 * audited shipping-contact read.
 *
 * @param country ISO 3166-1 alpha-2, upper case
 */
public record ShippingAddress(
        String name,
        String line1,
        @Nullable String line2,
        String city,
        String postalCode,
        String country,
        @Nullable String phone) {}
