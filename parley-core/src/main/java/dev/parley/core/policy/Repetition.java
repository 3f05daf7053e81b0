package dev.parley.core.policy;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Repeated advertising (clause 3.5, kind {@code spam}): the same promotional text pasted several times in one message,
 * or a promotional message that nearly repeats one of the seller's recent messages.
 *
 * <p>Only advertising counts: a message is advertising when the promotion rule finds a cue in it, whatever the buyer
 * asked. Templates the seller legitimately sends again and again ("Thank you for your order!") are not spam.
 * Sentences are compared by their letters and digits alone; a message repeats a recent one when their sets of
 * four-character shingles overlap by {@value #SIMILAR} or more (Jaccard).
 */
final class Repetition {
    static final double SIMILAR = 0.7;
    private static final int MIN_CHUNK = 6;
    private static final int MAX_RECENT = 200;
    private static final int MAX_COMPARED = 4_000;

    private Repetition() {}

    /** Adds a spam finding when {@code content} is advertising repeated in itself or across recent messages. */
    static void find(ContentRule.Content content, List<Finding> findings) {
        ContentScan scan = content.scan();
        if (PromotionRule.promotions(scan).isEmpty()) {
            return;
        }
        String text = content.message().text();
        Finding inMessage = repeatedInside(text);
        if (inMessage != null) {
            findings.add(inMessage);
            return;
        }
        List<String> recent = content.request().recentSellerTexts();
        if (recent.isEmpty()) {
            return;
        }
        String key = compact(text);
        if (key.length() < MIN_CHUNK) {
            return;
        }
        Set<Integer> shingles = shingles(key);
        int seen = 0;
        for (String previous : recent) {
            if (++seen > MAX_RECENT) {
                break;
            }
            String other = compact(previous);
            if (other.equals(key) || jaccard(shingles, shingles(other)) >= SIMILAR) {
                findings.add(whole(text));
                return;
            }
        }
    }

    /** A finding over the repeated run when a sentence of {@code text} occurs at least twice. */
    private static @Nullable Finding repeatedInside(String text) {
        Map<String, int[]> spans = new HashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        int start = 0;
        int n = text.length();
        for (int i = 0; i <= n; i++) {
            if (i == n || isSentenceEnd(text.charAt(i))) {
                String key = compact(text.substring(start, i));
                if (key.length() >= MIN_CHUNK) {
                    int[] span = spans.computeIfAbsent(key, k -> new int[] {Integer.MAX_VALUE, 0});
                    span[0] = Math.min(span[0], firstNonSpace(text, start, i));
                    span[1] = Math.max(span[1], i);
                    counts.merge(key, 1, Integer::sum);
                }
                start = i + 1;
            }
        }
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() >= 2) {
                int[] span = spans.get(e.getKey());
                return new Finding(Rule.PROHIBITED_USE, "spam", span[0], span[1]);
            }
        }
        String all = compact(text);
        int period = period(all);
        if (all.length() >= 2 * MIN_CHUNK && period < all.length() && all.length() % period == 0) {
            return whole(text);
        }
        return null;
    }

    private static int firstNonSpace(String text, int from, int to) {
        int i = from;
        while (i < to && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The smallest period of {@code s} (its length when it does not repeat), by the prefix function. */
    static int period(String s) {
        int n = s.length();
        if (n == 0) {
            return 0;
        }
        int[] pi = new int[n];
        for (int i = 1; i < n; i++) {
            int k = pi[i - 1];
            while (k > 0 && s.charAt(i) != s.charAt(k)) {
                k = pi[k - 1];
            }
            if (s.charAt(i) == s.charAt(k)) {
                k++;
            }
            pi[i] = k;
        }
        return n - pi[n - 1];
    }

    private static Finding whole(String text) {
        int start = firstNonSpace(text, 0, text.length());
        int end = text.length();
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return new Finding(Rule.PROHIBITED_USE, "spam", start, end);
    }

    private static boolean isSentenceEnd(char c) {
        return c == '.' || c == '!' || c == '?' || c == '。' || c == '！' || c == '？' || c == '\n' || c == '~'
                || c == '～';
    }

    /** The letters and digits of {@code text}, normalised, with at most {@value #MAX_COMPARED} characters. */
    static String compact(String text) {
        String value = NormalizedText.of(text.length() > MAX_COMPARED ? text.substring(0, MAX_COMPARED) : text)
                .value();
        StringBuilder sb = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static Set<Integer> shingles(String s) {
        Set<Integer> out = new HashSet<>();
        for (int i = 0; i + 4 <= s.length(); i++) {
            out.add(s.substring(i, i + 4).hashCode());
        }
        if (out.isEmpty()) {
            out.add(s.hashCode());
        }
        return out;
    }

    private static double jaccard(Set<Integer> a, Set<Integer> b) {
        int common = 0;
        for (Integer x : a) {
            if (b.contains(x)) {
                common++;
            }
        }
        return common / (double) (a.size() + b.size() - common);
    }
}
