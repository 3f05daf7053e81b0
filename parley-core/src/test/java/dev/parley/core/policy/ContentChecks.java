package dev.parley.core.policy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/** Test fixtures for the content rules: a checker with the default policy, listings, and findings as "rule:kind". */
final class ContentChecks {
    static final PolicyChecker CHECKER = PolicyChecker.create(PolicyConfig.defaults());

    private ContentChecks() {}

    /** A listing in {@code language} with the usual terms of that market: price 100, 15-day free returns, 12 months. */
    static Listing listing(String language) {
        return new Listing(language, new BigDecimal("100"), currency(language), 15, true, 12);
    }

    /** A listing with the given terms; {@code null} leaves a field unknown. */
    static Listing listing(
            String language,
            @Nullable String price,
            @Nullable Integer returnDays,
            @Nullable Boolean freeReturn,
            @Nullable Integer warrantyMonths) {
        return new Listing(
                language,
                price == null ? null : new BigDecimal(price),
                currency(language),
                returnDays,
                freeReturn,
                warrantyMonths);
    }

    static String currency(String language) {
        return switch (language.toLowerCase(Locale.ROOT)) {
            case "id" -> "IDR";
            case "ms" -> "MYR";
            case "vi" -> "VND";
            case "th" -> "THB";
            case "zh-hans" -> "CNY";
            case "zh-hant" -> "TWD";
            case "es" -> "EUR";
            case "fil" -> "PHP";
            default -> "USD";
        };
    }

    /** The verdict for {@code text} on a listing in {@code language}. */
    static Verdict check(String language, String text) {
        return CHECKER.check(CheckRequest.ofText(text).withListing(listing(language)));
    }

    /** The findings of {@code verdict} as "rule" and "rule:kind". */
    static Set<String> found(Verdict verdict) {
        Set<String> out = new TreeSet<>();
        for (Violation v : verdict.violations()) {
            out.add(v.rule().id());
            if (v.kind() != null) {
                out.add(v.rule().id() + ":" + v.kind());
            }
        }
        return out;
    }

    /** The findings for {@code text} on a listing in {@code language}. */
    static Set<String> found(String language, String text) {
        return found(check(language, text));
    }

    /** Lines "language | text" of a text block, for parameterised tests. */
    static Stream<String[]> cases(String block) {
        return block.lines().map(String::strip).filter(l -> !l.isEmpty()).map(l -> {
            int bar = l.indexOf('|');
            return new String[] {
                l.substring(0, bar).strip(), l.substring(bar + 1).strip()
            };
        });
    }

    /** Rule ids of {@code rules}. */
    static List<String> ids(Rule... rules) {
        return Stream.of(rules).map(Rule::id).toList();
    }
}
