package dev.parley.core.policy;

import java.util.Arrays;

/**
 * A seller text as the spam rule (clause 3.5) compares it with the seller's other texts: its letters and digits after
 * normalisation, and their four-character shingles. Two texts repeat each other when the letters and digits are equal
 * or their shingle sets overlap by {@value #SIMILAR} or more (Jaccard). Immutable; a caller that keeps a seller's
 * history (the server) can compute it once per stored message.
 */
public final class RepeatedText {
    /** The Jaccard overlap of shingles from which two texts count as one repeated text. */
    public static final double SIMILAR = 0.7;

    private static final int MIN_CHUNK = 6;
    private static final int MAX_COMPARED = 4_000;

    private final String key;
    private final int[] shingles;

    private RepeatedText(String key, int[] shingles) {
        this.key = key;
        this.shingles = shingles;
    }

    /** The fingerprint of {@code text} (its first {@value #MAX_COMPARED} characters). */
    public static RepeatedText of(String text) {
        String key = compact(text);
        return new RepeatedText(key, shingles(key));
    }

    /** Whether the text is long enough to be compared at all (six letters or digits). */
    public boolean comparable() {
        return key.length() >= MIN_CHUNK;
    }

    /** Whether this text and {@code other} are the same text, give or take a name, a number or a few words. */
    public boolean repeats(RepeatedText other) {
        if (!comparable() || !other.comparable()) {
            return false;
        }
        return key.equals(other.key) || jaccard(shingles, other.shingles) >= SIMILAR;
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

    /** The distinct hashes of the four-character windows of {@code s}, sorted. */
    private static int[] shingles(String s) {
        if (s.length() < 4) {
            return new int[] {s.hashCode()};
        }
        int[] out = new int[s.length() - 3];
        for (int i = 0; i + 4 <= s.length(); i++) {
            out[i] = s.substring(i, i + 4).hashCode();
        }
        Arrays.sort(out);
        int n = 0;
        for (int i = 0; i < out.length; i++) {
            if (n == 0 || out[n - 1] != out[i]) {
                out[n++] = out[i];
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** The Jaccard overlap of two sorted sets, by one merge pass. */
    private static double jaccard(int[] a, int[] b) {
        int i = 0;
        int j = 0;
        int common = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                common++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return common / (double) (a.length + b.length - common);
    }
}
