package dev.parley.core.policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The concepts found in one text by one pass of the content lexicon, located by original offsets, with the queries the
 * content rules ask: is a concept near another, is it negated, where is the nearest one.
 *
 * <p>A concept found inside a longer {@link Concept#INNOCENT innocent} term ("傻瓜" in "傻瓜式操作", "giá" in "đánh
 * giá") is dropped.
 */
final class ContentScan {
    private final String text;
    private final List<Hit> hits;
    private final Map<Concept, List<Hit>> byConcept;

    private ContentScan(String text, List<Hit> hits) {
        this.text = text;
        this.hits = hits;
        this.byConcept = new EnumMap<>(Concept.class);
        for (Hit hit : hits) {
            byConcept.computeIfAbsent(hit.concept(), c -> new ArrayList<>()).add(hit);
        }
    }

    /** One concept found: its span in the original text. */
    record Hit(Concept concept, int start, int end) {

        /** The number of characters between this hit and {@code other}, zero when they touch or overlap. */
        int gap(Hit other) {
            return Math.max(0, Math.max(start, other.start) - Math.min(end, other.end));
        }
    }

    /** Scans {@code text} with {@code lexicon}. */
    static ContentScan of(ContentText text, Lexicon<Concept> lexicon) {
        List<Hit> found = new ArrayList<>();
        List<Hit> innocent = new ArrayList<>();
        for (Lexicon.Match<Concept> m : lexicon.scan(text.value())) {
            Hit hit = new Hit(m.payload(), text.originalStart(m.start()), text.originalEnd(m.end()));
            (hit.concept() == Concept.INNOCENT ? innocent : found).add(hit);
        }
        List<Hit> kept = new ArrayList<>(found.size());
        for (Hit hit : found) {
            if (!insideAny(hit, innocent)) {
                kept.add(hit);
            }
        }
        kept.sort((a, b) -> a.start != b.start ? Integer.compare(a.start, b.start) : Integer.compare(a.end, b.end));
        return new ContentScan(text.base().original(), Collections.unmodifiableList(kept));
    }

    /** Scans a text other than the message (the buyer's text, a recent message). */
    static ContentScan of(String text, Lexicon<Concept> lexicon) {
        return of(ContentText.of(NormalizedText.of(text)), lexicon);
    }

    private static boolean insideAny(Hit hit, List<Hit> innocent) {
        for (Hit i : innocent) {
            if (i.start <= hit.start && hit.end <= i.end && hit.end - hit.start < i.end - i.start) {
                return true;
            }
        }
        return false;
    }

    /** The original text. */
    String text() {
        return text;
    }

    /** Every hit, by start offset. */
    List<Hit> hits() {
        return hits;
    }

    /** The hits of {@code concept}, by start offset. */
    List<Hit> of(Concept concept) {
        return byConcept.getOrDefault(concept, List.of());
    }

    /** Whether {@code concept} occurs. */
    boolean has(Concept concept) {
        return byConcept.containsKey(concept);
    }

    /** Whether any of {@code concepts} occurs. */
    boolean hasAny(Concept... concepts) {
        for (Concept c : concepts) {
            if (has(c)) {
                return true;
            }
        }
        return false;
    }

    /** The first hit of {@code concept} within {@code window} characters of {@code anchor}, if any. */
    Optional<Hit> near(Hit anchor, Concept concept, int window) {
        for (Hit h : of(concept)) {
            if (h != anchor && h.gap(anchor) <= window) {
                return Optional.of(h);
            }
        }
        return Optional.empty();
    }

    /** The first hit of any of {@code concepts} within {@code window} characters of {@code anchor}, if any. */
    Optional<Hit> nearAny(Hit anchor, int window, Concept... concepts) {
        Hit best = null;
        for (Concept c : concepts) {
            Optional<Hit> h = near(anchor, c, window);
            if (h.isPresent() && (best == null || h.get().gap(anchor) < best.gap(anchor))) {
                best = h.get();
            }
        }
        return Optional.ofNullable(best);
    }

    /** A hit of {@code concept} that ends at most {@code window} characters before {@code anchor} begins. */
    Optional<Hit> before(Hit anchor, Concept concept, int window) {
        Hit best = null;
        for (Hit h : of(concept)) {
            if (h.start < anchor.start && h.end <= anchor.end && anchor.start - h.end <= window) {
                best = h;
            }
        }
        return Optional.ofNullable(best);
    }

    /** A hit of {@code concept} that begins at most {@code window} characters after {@code anchor} ends. */
    Optional<Hit> after(Hit anchor, Concept concept, int window) {
        for (Hit h : of(concept)) {
            if (h.start > anchor.start && h.start >= anchor.start && h.start - anchor.end <= window) {
                return Optional.of(h);
            }
        }
        return Optional.empty();
    }

    /** Whether a hit of {@code concept} lies strictly between {@code a} and {@code b}. */
    boolean between(Hit a, Hit b, Concept concept) {
        int from = Math.min(a.end, b.end);
        int to = Math.max(a.start, b.start);
        for (Hit h : of(concept)) {
            if (h.start >= from && h.end <= to) {
                return true;
            }
        }
        return false;
    }

    /** The span from the start of the first hit to the end of the last one. */
    static Finding span(Rule rule, @Nullable String kind, Hit... parts) {
        int start = Integer.MAX_VALUE;
        int end = 0;
        for (Hit p : parts) {
            start = Math.min(start, p.start);
            end = Math.max(end, p.end);
        }
        return new Finding(rule, kind, start, end);
    }
}
