package dev.parley.core.policy;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The regions whose national phone formats a check tries: the request's, else the listing currency's, else all. */
final class Regions {
    /** Every marketplace region. */
    static final List<String> MARKETPLACE =
            List.of("US", "GB", "ID", "MY", "SG", "TH", "VN", "PH", "CN", "TW", "HK", "ES", "MX");

    private static final Map<String, String> BY_CURRENCY = Map.ofEntries(
            Map.entry("USD", "US"),
            Map.entry("GBP", "GB"),
            Map.entry("EUR", "ES"),
            Map.entry("MXN", "MX"),
            Map.entry("IDR", "ID"),
            Map.entry("MYR", "MY"),
            Map.entry("SGD", "SG"),
            Map.entry("THB", "TH"),
            Map.entry("VND", "VN"),
            Map.entry("PHP", "PH"),
            Map.entry("CNY", "CN"),
            Map.entry("TWD", "TW"),
            Map.entry("HKD", "HK"));

    private Regions() {}

    /** The regions to try for {@code request}. */
    static List<String> of(CheckRequest request) {
        String region = request.region();
        if (region != null && !region.isBlank()) {
            return List.of(region.strip().toUpperCase(Locale.ROOT));
        }
        Listing listing = request.listing();
        if (listing != null && listing.currency() != null) {
            String byCurrency = BY_CURRENCY.get(listing.currency().strip().toUpperCase(Locale.ROOT));
            if (byCurrency != null) {
                return List.of(byCurrency);
            }
        }
        return MARKETPLACE;
    }
}
