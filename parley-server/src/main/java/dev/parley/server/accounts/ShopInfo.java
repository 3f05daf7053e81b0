package dev.parley.server.accounts;

import java.time.Instant;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/**
 * A shop as other modules see it.
 *
 * @param zone the IANA time zone its evaluation periods and counted hours are read in
 * @param region ISO 3166 region, for national phone formats
 * @param language default language (BCP 47)
 * @param restriction the restriction set without an end (by the operator or a test); see {@link #restrictionAt}
 * @param suspendedUntil messaging is suspended by an enforcement action until this instant (exclusive), if set
 * @param heldUntil every message is held for review by an enforcement action until this instant (exclusive), if set
 */
public record ShopInfo(
        String id,
        String name,
        ZoneId zone,
        @Nullable String region,
        String language,
        MessagingRestriction restriction,
        @Nullable Instant suspendedUntil,
        @Nullable Instant heldUntil) {

    /** A shop without timed restrictions. */
    public ShopInfo(
            String id,
            String name,
            ZoneId zone,
            @Nullable String region,
            String language,
            MessagingRestriction restriction) {
        this(id, name, zone, region, language, restriction, null, null);
    }

    /**
     * What restricts the shop's messaging at {@code now}: the most severe of the untimed restriction and the timed ones
     * still running (a timed restriction lapses at its end instant on its own, without any sweep).
     */
    public MessagingRestriction restrictionAt(Instant now) {
        if (restriction == MessagingRestriction.SUSPENDED || (suspendedUntil != null && now.isBefore(suspendedUntil))) {
            return MessagingRestriction.SUSPENDED;
        }
        if (restriction == MessagingRestriction.HOLD_ALL || (heldUntil != null && now.isBefore(heldUntil))) {
            return MessagingRestriction.HOLD_ALL;
        }
        return MessagingRestriction.NONE;
    }
}
