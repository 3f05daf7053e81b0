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
 * content rules ask: is a concept near another, is it negated, where is the nearest one. Hits are kept sorted by
 * offset per concept, so a query looks only at the hits inside its window (binary search), whatever the text's length.
 *
 * <p>A concept found inside a longer {@link Concept#INNOCENT innocent} term ("傻瓜" in "傻瓜式操作", "giá" in "đánh
 * giá") is dropped.
 */
final class ContentScan {
    private final String text;
    private final List<Hit> hits;
    private final Map<Concept, List<Hit>> byConcept;
    private final Map<Concept, Integer> maxLength;
    /** Hits looked at by window queries so far: the work that grows with the text, for the linear-cost test. */
    private long probes;

    private ContentScan(String text, List<Hit> hits) {
        this.text = text;
        this.hits = hits;
        this.byConcept = new EnumMap<>(Concept.class);
        this.maxLength = new EnumMap<>(Concept.class);
        for (Hit hit : hits) {
            byConcept.computeIfAbsent(hit.concept(), c -> new ArrayList<>()).add(hit);
            maxLength.merge(hit.concept(), hit.end - hit.start, Math::max);
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
        innocent.sort((a, b) -> Integer.compare(a.start, b.start));
        int longestInnocent =
                innocent.stream().mapToInt(h -> h.end - h.start).max().orElse(0);
        for (Hit hit : found) {
            if (!insideAny(hit, innocent, longestInnocent)) {
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

    private static boolean insideAny(Hit hit, List<Hit> innocent, int longestInnocent) {
        if (innocent.isEmpty()) {
            return false;
        }
        for (int k = firstIndexAtOrAfter(innocent, hit.start - longestInnocent);
                k < innocent.size() && innocent.get(k).start <= hit.start;
                k++) {
            Hit i = innocent.get(k);
            if (hit.end <= i.end && hit.end - hit.start < i.end - i.start) {
                return true;
            }
        }
        return false;
    }

    /** The hits window queries have looked at so far (each binary search counts as one more). */
    long probes() {
        return probes;
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

    /** The hits of {@code concept} within {@code window} characters of {@code anchor} (not itself), by start offset. */
    List<Hit> within(Hit anchor, Concept concept, int window) {
        List<Hit> list = of(concept);
        if (list.isEmpty()) {
            return List.of();
        }
        List<Hit> out = new ArrayList<>(2);
        int longest = maxLength.getOrDefault(concept, 0);
        for (int i = firstStartingAtOrAfter(list, anchor.start - window - longest); i < list.size(); i++) {
            Hit h = list.get(i);
            probes++;
            if (h.start > anchor.end + window) {
                break;
            }
            if (h != anchor && h.gap(anchor) <= window) {
                out.add(h);
            }
        }
        return out;
    }

    /** The first hit of {@code concept} within {@code window} characters of {@code anchor}, if any. */
    Optional<Hit> near(Hit anchor, Concept concept, int window) {
        List<Hit> found = within(anchor, concept, window);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
    }

    /** The nearest hit of any of {@code concepts} within {@code window} characters of {@code anchor}, if any. */
    Optional<Hit> nearAny(Hit anchor, int window, Concept... concepts) {
        Hit best = null;
        for (Concept c : concepts) {
            for (Hit h : within(anchor, c, window)) {
                if (best == null || h.gap(anchor) < best.gap(anchor)) {
                    best = h;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** The last hit of {@code concept} that ends at most {@code window} characters before {@code anchor} begins. */
    Optional<Hit> before(Hit anchor, Concept concept, int window) {
        Hit best = null;
        for (Hit h : within(anchor, concept, window)) {
            if (h.start < anchor.start && h.end <= anchor.end && anchor.start - h.end <= window) {
                best = h;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The first hit of {@code concept} that begins after {@code anchor} and at most {@code window} after its end. */
    Optional<Hit> after(Hit anchor, Concept concept, int window) {
        for (Hit h : within(anchor, concept, window)) {
            if (h.start > anchor.start && h.start - anchor.end <= window) {
                return Optional.of(h);
            }
        }
        return Optional.empty();
    }

    /** Whether a hit of {@code concept} lies strictly between {@code a} and {@code b}. */
    boolean between(Hit a, Hit b, Concept concept) {
        int from = Math.min(a.end, b.end);
        int to = Math.max(a.start, b.start);
        List<Hit> list = of(concept);
        for (int i = firstStartingAtOrAfter(list, from); i < list.size() && list.get(i).start < to; i++) {
            probes++;
            if (list.get(i).end <= to) {
                return true;
            }
        }
        return false;
    }

    /** The index of the first hit of {@code sorted} starting at or after {@code offset}. */
    private int firstStartingAtOrAfter(List<Hit> sorted, int offset) {
        probes++;
        return firstIndexAtOrAfter(sorted, offset);
    }

    private static int firstIndexAtOrAfter(List<Hit> sorted, int offset) {
        int lo = 0;
        int hi = sorted.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted.get(mid).start < offset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
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
