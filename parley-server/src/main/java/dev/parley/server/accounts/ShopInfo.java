package dev.parley.server.accounts;

import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/**
 * A shop as other modules see it.
 *
 * @param zone the IANA time zone its evaluation periods and counted hours are read in
 * @param region ISO 3166 region, for national phone formats
 * @param language default language (BCP 47)
 */
public record ShopInfo(
        String id,
        String name,
        ZoneId zone,
        @Nullable String region,
        String language,
        MessagingRestriction restriction) {}
