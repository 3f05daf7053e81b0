package dev.parley.core.policy;

import com.ibm.icu.text.Normalizer2;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * A text after normalisation, keeping for every character of the normalised form the range of the original text it
 * came from.
 *
 * <p>The base form ({@link #of}) is NFKC with case folding, applied per character cluster (a code point and its
 * combining marks): full-width forms become ASCII, zero-width, joiner and other format characters and variation
 * selectors are dropped, keycap, circled, parenthesised and dingbat digits and the decimal digits of every script
 * (Thai ๑, Arabic-Indic…) become ASCII digits, dashes become {@code -}, spaces become a plain space, combining marks
 * left over on Latin letters (strike-through "zalgo") are dropped, and inside a word that mixes Latin letters with
 * Cyrillic, Greek, Armenian or Cherokee look-alikes ("gmаil", "Tеlеgrаm") the look-alikes become Latin letters. Words
 * written wholly in another script keep their letters.
 *
 * <p>Two derived views share the same original text and offsets: {@link #digits()} where numbers spelled out in words
 * become digit runs, and {@link #skeleton()} where spaced-out and punctuated spellings collapse into words and leet
 * characters fold to letters. Each view is computed once, on first use; a {@code NormalizedText} belongs to one check
 * and is not shared between threads.
 */
final class NormalizedText {
    private static final Normalizer2 NFKC_CASEFOLD = Normalizer2.getNFKCCasefoldInstance();
    private static final int MAX_CLUSTER = 32;

    private final String original;
    private final String value;
    private final int[] originStart;
    private final int[] originEnd;
    private @Nullable NormalizedText digits;
    private @Nullable NormalizedText skeleton;

    private NormalizedText(String original, String value, int[] originStart, int[] originEnd) {
        this.original = original;
        this.value = value;
        this.originStart = originStart;
        this.originEnd = originEnd;
    }

    /** Normalises {@code text} (the base form). */
    static NormalizedText of(String text) {
        Builder out = new Builder(text, text.length());
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c < 0x80 && (i + 1 == n || text.charAt(i + 1) < 0x300)) {
                out.append(asciiFold(c), i, i + 1);
                i++;
                continue;
            }
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            int clusterEnd = next;
            int marks = 0;
            while (clusterEnd < n && marks < MAX_CLUSTER) {
                int m = text.codePointAt(clusterEnd);
                if (!isMark(m) || isInvisible(m)) {
                    break;
                }
                clusterEnd += Character.charCount(m);
                marks++;
            }
            normalizeCluster(text, i, next, clusterEnd, cp, out);
            i = clusterEnd;
        }
        NormalizedText base = out.build();
        return Confusables.foldMixedWords(base);
    }

    private static char asciiFold(char c) {
        if (c >= 'A' && c <= 'Z') {
            return (char) (c + ('a' - 'A'));
        }
        if (c < 0x20 && c != '\n') {
            return ' ';
        }
        return c == 0x7F ? ' ' : c;
    }

    private static void normalizeCluster(String text, int start, int next, int end, int cp, Builder out) {
        if (isInvisible(cp)) {
            // An invisible character's marks are dropped with it; the marks of a later cluster are not.
            return;
        }
        String special = specialDigit(cp);
        if (special != null) {
            out.append(special, start, end);
            return;
        }
        int type = Character.getType(cp);
        if (type == Character.DECIMAL_DIGIT_NUMBER) {
            out.append((char) ('0' + Character.digit(cp, 10)), start, end);
            return;
        }
        if (type == Character.DASH_PUNCTUATION || cp == 0x2212) {
            out.append('-', start, end);
            return;
        }
        if (type == Character.SPACE_SEPARATOR || type == Character.LINE_SEPARATOR) {
            out.append(' ', start, end);
            return;
        }
        if (type == Character.PARAGRAPH_SEPARATOR || type == Character.CONTROL) {
            out.append(cp == 0x85 || type == Character.PARAGRAPH_SEPARATOR ? '\n' : ' ', start, end);
            return;
        }
        if (end == next && NFKC_CASEFOLD.isInert(cp)) {
            out.appendCodePoint(cp, start, end);
            return;
        }
        String mapped = NFKC_CASEFOLD.normalize(text.substring(start, end));
        boolean latinBase = Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN;
        for (int k = 0; k < mapped.length(); ) {
            int m = mapped.codePointAt(k);
            k += Character.charCount(m);
            if (isInvisible(m) || (latinBase && isMark(m))) {
                continue;
            }
            int mt = Character.getType(m);
            if (mt == Character.DECIMAL_DIGIT_NUMBER && m > '9') {
                out.append((char) ('0' + Character.digit(m, 10)), start, end);
            } else if (mt == Character.DASH_PUNCTUATION) {
                out.append('-', start, end);
            } else {
                out.appendCodePoint(m, start, end);
            }
        }
    }

    /** Digits that NFKC leaves alone: the keycap ten and dingbat (negative) circled digits. */
    private static @Nullable String specialDigit(int cp) {
        if (cp == 0x1F51F) {
            return "10";
        }
        int base = -1;
        if (cp >= 0x2776 && cp <= 0x277F) {
            base = 0x2776;
        } else if (cp >= 0x2780 && cp <= 0x2789) {
            base = 0x2780;
        } else if (cp >= 0x278A && cp <= 0x2793) {
            base = 0x278A;
        } else if (cp >= 0x24F5 && cp <= 0x24FE) {
            base = 0x24F5;
        }
        if (base >= 0) {
            int v = cp - base + 1;
            return Integer.toString(v);
        }
        if (cp == 0x24FF || cp == 0x1F10B || cp == 0x1F10C) {
            return "0";
        }
        return null;
    }

    static boolean isMark(int cp) {
        return CharTable.is(cp, CharTable.MARK);
    }

    static boolean isInvisible(int cp) {
        return CharTable.is(cp, CharTable.FORMAT)
                || cp == 0x034F
                || (cp >= 0xFE00 && cp <= 0xFE0F)
                || (cp >= 0xE0100 && cp <= 0xE01EF)
                || cp == 0x20E3
                || cp == 0x115F
                || cp == 0x1160
                || cp == 0x3164
                || cp == 0xFFA0
                || cp == 0x180E
                || cp == 0x2800;
    }

    /** The original text. */
    String original() {
        return original;
    }

    /** The normalised text. */
    String value() {
        return value;
    }

    /** The number of characters of the normalised text. */
    int length() {
        return value.length();
    }

    /** The original offset where the normalised character at {@code index} begins. */
    int originalStart(int index) {
        return originStart[index];
    }

    /** The original offset (exclusive) where the normalised range ending at {@code endExclusive} ends. */
    int originalEnd(int endExclusive) {
        return originEnd[endExclusive - 1];
    }

    /**
     * This text with numbers spelled out in words turned into digit runs, where they form runs of six digits or more
     * with at least two number words ("nol delapan satu dua…", "四一五 五五五", "two 1 three - 555"): English, Chinese
     * (including financial forms), Indonesian, Malay, Spanish, Vietnamese, Thai and Filipino. A converted run is written
     * as bare digits, its separators dropped. Elsewhere the text is the base form: "one of the best" stays words.
     */
    NormalizedText digits() {
        NormalizedText d = digits;
        if (d == null) {
            d = NumberWords.digitsView(this);
            digits = d;
        }
        return d;
    }

    /**
     * This text folded for matching evasive spellings: inside a word, punctuation and symbols are dropped
     * ("wh@ts.app", "w.h.a.t.s" join up) and leet characters fold to letters ({@code 0→o, 1/l/!/|→i, 3→e, 4/@→a, 5/$→s,
     * 7→t}); runs of three or more single letters separated by spaces join into one word ("w h a t s a p p"). Pure digit
     * words keep their digits. Match it with a lexicon built with {@code Lexicon.builder(Skeleton::foldTerm)}.
     */
    NormalizedText skeleton() {
        NormalizedText s = skeleton;
        if (s == null) {
            s = Skeleton.view(this);
            skeleton = s;
        }
        return s;
    }

    /** Builds a derived view of an original text, one character at a time, each with its original range. */
    static final class Builder {
        private final String original;
        private char[] chars;
        private int length;
        private int[] starts;
        private int[] ends;

        Builder(String original, int capacity) {
            this.original = original;
            int size = Math.max(16, capacity + 8);
            this.chars = new char[size];
            this.starts = new int[size];
            this.ends = new int[size];
        }

        Builder append(char c, int originalStart, int originalEnd) {
            int at = length;
            if (at >= chars.length) {
                chars = Arrays.copyOf(chars, chars.length * 2);
                starts = Arrays.copyOf(starts, starts.length * 2);
                ends = Arrays.copyOf(ends, ends.length * 2);
            }
            chars[at] = c;
            starts[at] = originalStart;
            ends[at] = originalEnd;
            length = at + 1;
            return this;
        }

        Builder append(CharSequence s, int originalStart, int originalEnd) {
            for (int k = 0; k < s.length(); k++) {
                append(s.charAt(k), originalStart, originalEnd);
            }
            return this;
        }

        Builder appendCodePoint(int cp, int originalStart, int originalEnd) {
            if (Character.isBmpCodePoint(cp)) {
                return append((char) cp, originalStart, originalEnd);
            }
            append(Character.highSurrogate(cp), originalStart, originalEnd);
            return append(Character.lowSurrogate(cp), originalStart, originalEnd);
        }

        /** Copies the character at {@code index} of {@code source}, with its original range. */
        Builder copy(NormalizedText source, int index) {
            return append(source.value.charAt(index), source.originStart[index], source.originEnd[index]);
        }

        int length() {
            return length;
        }

        char charAt(int index) {
            if (index >= length) {
                throw new StringIndexOutOfBoundsException(index);
            }
            return chars[index];
        }

        void setLength(int newLength) {
            length = newLength;
        }

        /** Removes the character at {@code index}; cheap near the end. */
        void removeAt(int index) {
            int len = length;
            System.arraycopy(chars, index + 1, chars, index, len - index - 1);
            System.arraycopy(starts, index + 1, starts, index, len - index - 1);
            System.arraycopy(ends, index + 1, ends, index, len - index - 1);
            length = len - 1;
        }

        /** Removes the spaces from {@code from} to the end. */
        void removeSpacesFrom(int from) {
            int len = length;
            int w = from;
            for (int r = from; r < len; r++) {
                char c = chars[r];
                if (c != ' ') {
                    chars[w] = c;
                    starts[w] = starts[r];
                    ends[w] = ends[r];
                    w++;
                }
            }
            length = w;
        }

        /** The view built; the builder hands its offset arrays over (they may be longer than the text) and is done. */
        NormalizedText build() {
            return new NormalizedText(original, new String(chars, 0, length), starts, ends);
        }
    }

    /** A view with the same characters as {@code source} except those replaced by {@code replacement}. */
    static NormalizedText withChars(NormalizedText source, char[] replacement) {
        return new NormalizedText(source.original, new String(replacement), source.originStart, source.originEnd);
    }
}
