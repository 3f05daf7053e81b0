package dev.parley.core.policy;

import com.ibm.icu.text.Normalizer2;

/**
 * A text after NFKC case folding with zero-width and format characters removed, keeping for every character of the
 * normalised form the range of the original text it came from.
 */
final class NormalizedText {
    private static final Normalizer2 NFKC_CASEFOLD = Normalizer2.getNFKCCasefoldInstance();

    private final String original;
    private final String value;
    private final int[] originStart;
    private final int[] originEnd;

    private NormalizedText(String original, String value, int[] originStart, int[] originEnd) {
        this.original = original;
        this.value = value;
        this.originStart = originStart;
        this.originEnd = originEnd;
    }

    /** Normalises {@code text} code point by code point. */
    static NormalizedText of(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int[] starts = new int[text.length() + 16];
        int[] ends = new int[text.length() + 16];
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (!isInvisible(cp)) {
                String mapped = NFKC_CASEFOLD.normalize(text.substring(i, next));
                for (int k = 0; k < mapped.length(); k++) {
                    int at = out.length();
                    if (at >= starts.length) {
                        starts = java.util.Arrays.copyOf(starts, starts.length * 2);
                        ends = java.util.Arrays.copyOf(ends, ends.length * 2);
                    }
                    starts[at] = i;
                    ends[at] = next;
                    out.append(mapped.charAt(k));
                }
            }
            i = next;
        }
        return new NormalizedText(
                text,
                out.toString(),
                java.util.Arrays.copyOf(starts, out.length()),
                java.util.Arrays.copyOf(ends, out.length()));
    }

    private static boolean isInvisible(int cp) {
        int type = Character.getType(cp);
        return type == Character.FORMAT || cp == 0x034F || (cp >= 0xFE00 && cp <= 0xFE0F);
    }

    /** The original text. */
    String original() {
        return original;
    }

    /** The normalised text. */
    String value() {
        return value;
    }

    /** The original offset where the normalised character at {@code index} begins. */
    int originalStart(int index) {
        return originStart[index];
    }

    /** The original offset (exclusive) where the normalised range ending at {@code endExclusive} ends. */
    int originalEnd(int endExclusive) {
        return originEnd[endExclusive - 1];
    }
}
