package dev.parley.core.policy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Repeated advertising (clause 3.5, kind {@code spam}): the same promotional text pasted several times in one message,
 * or a promotional message that nearly repeats one of the seller's recent messages ({@link RepeatedText}).
 *
 * <p>Only advertising counts: a message is advertising when the promotion rule finds a cue in it, whatever the buyer
 * asked. Templates the seller legitimately sends again and again ("Thank you for your order!") are not spam.
 * Sentences are compared by their letters and digits alone.
 */
final class Repetition {
    private static final int MIN_CHUNK = 6;
    private static final int MAX_RECENT = 200;

    private Repetition() {}

    /** Adds a spam finding when {@code content} is advertising repeated in itself or across recent messages. */
    static void find(ContentRule.Content content, List<Finding> findings) {
        if (!advertising(content.scan())) {
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
        RepeatedText key = RepeatedText.of(text);
        if (!key.comparable()) {
            return;
        }
        int seen = 0;
        for (String previous : recent) {
            if (++seen > MAX_RECENT) {
                break;
            }
            if (key.repeats(RepeatedText.of(previous))) {
                findings.add(whole(text));
                return;
            }
        }
    }

    /** Whether the scanned text is advertising: the promotion rule finds a cue in it, whatever the buyer asked. */
    static boolean advertising(ContentScan scan) {
        return !PromotionRule.promotions(scan).isEmpty();
    }

    /** A finding over the repeated run when a sentence of {@code text} occurs at least twice. */
    private static @Nullable Finding repeatedInside(String text) {
        Map<String, int[]> spans = new HashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        int start = 0;
        int n = text.length();
        for (int i = 0; i <= n; i++) {
            if (i == n || isSentenceEnd(text.charAt(i))) {
                String key = RepeatedText.compact(text.substring(start, i));
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
        String all = RepeatedText.compact(text);
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
}
