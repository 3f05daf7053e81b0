package dev.parley.core.policy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One message's text as the contact detectors see it: its views and the lexicon matches they share, each located by
 * original offsets.
 */
final class ContactScan {
    /** A lexicon match located in the original text. */
    record Span(int start, int end, String payload) {
        boolean contains(Span other) {
            return start <= other.start && other.end <= end;
        }
    }

    final String original;
    final NormalizedText base;
    final List<String> regions;
    final List<Span> apps;
    final List<Span> invites;
    final List<Span> negations;
    final List<Span> platform;
    final List<Span> phoneWords;
    final List<Span> bankWords;
    final List<Span> diversions;
    final List<Span> addresses;
    final List<Span> installs;

    /** Spans and characters looked at by window queries so far, for the linear-cost test. */
    private long probes;

    /** The separator words ("dot", "艾特") found in the base view, with base-view offsets, for the address view. */
    final List<Lexicon.Match<String>> separators;

    ContactScan(NormalizedText base, List<String> regions, ContactLexicons lexicons) {
        this.original = base.original();
        this.base = base;
        this.regions = regions;
        NormalizedText skeleton = base.skeleton();
        Map<String, List<Span>> bySkeleton = spans(lexicons.skeletonTerms, skeleton);
        apps = bySkeleton.getOrDefault("contact-apps", List.of());
        bankWords = bySkeleton.getOrDefault("contact-bank", List.of());
        diversions = bySkeleton.getOrDefault("contact-diversion", List.of());
        List<Lexicon.Match<ContactLexicons.Tagged>> baseMatches = lexicons.baseTerms.scan(base);
        Map<String, List<Span>> byBase = spans(baseMatches, base);
        invites = byBase.getOrDefault("contact-invite", List.of());
        List<Span> negationWords = byBase.getOrDefault("contact-negation", List.of());
        negations = effectiveNegations(negationWords);
        platform =
                negationWords.stream().filter(s -> s.payload.equals("platform")).toList();
        phoneWords = byBase.getOrDefault("contact-phone", List.of());
        addresses = byBase.getOrDefault("contact-address", List.of());
        installs = byBase.getOrDefault("contact-install", List.of());
        List<Lexicon.Match<String>> seps = new ArrayList<>();
        for (Lexicon.Match<ContactLexicons.Tagged> m : baseMatches) {
            if (m.payload().lexicon().equals("contact-separators")) {
                seps.add(new Lexicon.Match<>(
                        m.start(), m.end(), m.term(), m.payload().payload()));
            }
        }
        separators = seps;
    }

    static Map<String, List<Span>> spans(Lexicon<ContactLexicons.Tagged> lexicon, NormalizedText view) {
        return spans(lexicon.scan(view), view);
    }

    static Map<String, List<Span>> spans(List<Lexicon.Match<ContactLexicons.Tagged>> matches, NormalizedText view) {
        Map<String, List<Span>> byLexicon = new HashMap<>();
        for (Lexicon.Match<ContactLexicons.Tagged> m : matches) {
            int s = m.originalStart(view);
            int e = m.originalEnd(view);
            if (s < e) {
                byLexicon
                        .computeIfAbsent(m.payload().lexicon(), k -> new ArrayList<>())
                        .add(new Span(s, e, m.payload().payload()));
            }
        }
        for (List<Span> spans : byLexicon.values()) {
            spans.sort(
                    (a, b) -> a.start != b.start ? Integer.compare(a.start, b.start) : Integer.compare(b.end, a.end));
        }
        return byLexicon;
    }

    /** The longest term of a lexicon, in original characters, that a window search must look back over. */
    static final int MAX_SPAN = 96;

    /** The index of the first span of {@code spans} (sorted by start) that starts at or after {@code position}. */
    static int firstStartingAt(List<Span> spans, int position) {
        int lo = 0;
        int hi = spans.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (spans.get(mid).start < position) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Negation words not inside a phrase that only looks negative ("don't hesitate"). */
    private static List<Span> effectiveNegations(List<Span> all) {
        List<Span> out = new ArrayList<>();
        for (Span s : all) {
            if (!s.payload.equals("neg")) {
                continue;
            }
            boolean cancelled = false;
            for (int k = firstStartingAt(all, s.start - MAX_SPAN); k < all.size() && all.get(k).start <= s.start; k++) {
                Span c = all.get(k);
                if (c.payload.equals("cancel") && c.contains(s)) {
                    cancelled = true;
                    break;
                }
            }
            if (!cancelled) {
                out.add(s);
            }
        }
        return out;
    }

    /** The spans and characters window queries have looked at so far. */
    long probes() {
        return probes;
    }

    /** Whether a negation word stands shortly before {@code start}, in the same clause. */
    boolean negatedAt(int start) {
        for (int k = firstStartingAt(negations, start - 30 - MAX_SPAN); k < negations.size(); k++) {
            Span n = negations.get(k);
            probes++;
            if (n.start >= start) {
                break;
            }
            if (n.end <= start
                    && start - n.end <= 30
                    && sameClause(n.end, start, true)
                    && tokensBetween(n.end, start) <= 3) {
                return true;
            }
        }
        return false;
    }

    /** Whether a phrase placing a payment in the platform ("at checkout") is in the same clause near {@code span}. */
    boolean inPlatform(Span span) {
        Span before = nearestBefore(platform, "", span.start, 40, true);
        return before != null || nearestAfter(platform, "", span.end, 40) != null;
    }

    /** Whether no sentence (or, when {@code commas}, clause) boundary lies between two original offsets. */
    boolean sameClause(int from, int to, boolean commas) {
        for (int k = Math.max(0, from); k < to && k < original.length(); k++) {
            char c = original.charAt(k);
            probes++;
            if (c == '.' || c == '!' || c == '?' || c == ';' || c == '\n' || c == '。' || c == '！' || c == '？'
                    || c == '；') {
                // a dot inside a word ("a.n.", "St.") is not a sentence end
                if (c == '.' && k + 1 < to && !Character.isWhitespace(original.charAt(k + 1))) {
                    continue;
                }
                return false;
            }
            if (commas && (c == ',' || c == '，' || c == '、')) {
                return false;
            }
        }
        return true;
    }

    /** The number of words between two original offsets; three characters of an unspaced script count as one. */
    int tokensBetween(int from, int to) {
        int tokens = 0;
        int unspaced = 0;
        boolean inWord = false;
        for (int k = from; k < to && k < original.length(); k++) {
            char c = original.charAt(k);
            probes++;
            if (Character.isWhitespace(c)) {
                inWord = false;
            } else if (isUnspaced(c)) {
                unspaced++;
                inWord = false;
            } else if (!inWord && Character.isLetterOrDigit(c)) {
                tokens++;
                inWord = true;
            }
        }
        return tokens + (unspaced + 2) / 3;
    }

    static boolean isUnspaced(char c) {
        return (c >= 0x2E80 && c <= 0x9FFF)
                || (c >= 0x0E00 && c <= 0x0E7F)
                || (c >= 0xAC00 && c <= 0xD7AF)
                || (c >= 0xF900 && c <= 0xFAFF);
    }

    /** The nearest span of {@code spans} (with a payload starting with {@code payload}) ending before {@code start}. */
    @Nullable
    Span nearestBefore(List<Span> spans, String payload, int start, int window, boolean commas) {
        Span best = null;
        for (int k = firstStartingAt(spans, start - window - MAX_SPAN); k < spans.size(); k++) {
            Span s = spans.get(k);
            probes++;
            if (s.start >= start) {
                break;
            }
            if (s.end <= start
                    && start - s.end <= window
                    && s.payload.startsWith(payload)
                    && sameClause(s.end, start, commas)) {
                if (best == null || s.end > best.end) {
                    best = s;
                }
            }
        }
        return best;
    }

    /** The nearest span starting after {@code end} within {@code window}, in the same sentence. */
    @Nullable
    Span nearestAfter(List<Span> spans, String payload, int end, int window) {
        for (int k = firstStartingAt(spans, end); k < spans.size(); k++) {
            Span s = spans.get(k);
            probes++;
            if (s.start - end > window) {
                break;
            }
            if (s.start >= end
                    && s.start - end <= window
                    && s.payload.startsWith(payload)
                    && sameClause(end, s.start, false)) {
                return s;
            }
        }
        return null;
    }
}
