package dev.parley.core.policy;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The normalised text as the content rules read it: look-alike digits and symbols inside words read as letters
 * ("sh1t", "dumb@ss", "b!tch"), letters stretched to three or more collapsed ("stuuupid"), and words spelled out one
 * letter at a time joined ("f u c k", "s.t.u.p.i.d"), with every character mapped back to the original text.
 *
 * <p>Digits are read as letters only inside a word that has at least two letters and no more digits and symbols than
 * letters plus one, so codes, sizes and model numbers ("A55", "KX-T7730", "4G") stay as they are.
 */
final class ContentText {
    private final NormalizedText base;
    private final String value;
    private final int @Nullable [] from;
    private final int @Nullable [] to;

    private ContentText(NormalizedText base, String value, int @Nullable [] from, int @Nullable [] to) {
        this.base = base;
        this.value = value;
        this.from = from;
        this.to = to;
    }

    /** The content view of {@code text}. */
    static ContentText of(NormalizedText text) {
        String v = text.value();
        if (!needsFolding(v)) {
            return new ContentText(text, v, null, null);
        }
        // reading digits and symbols as letters keeps every character in place: when nothing is then joined or
        // collapsed, the view maps one to one onto the normalised text
        char[] unLeeted = unLeet(v);
        String u = unLeeted == null ? v : new String(unLeeted);
        if (!hasSpelledOut(u) && !hasStretch(u)) {
            return new ContentText(text, u, null, null);
        }
        Builder leet = new Builder(v.length());
        unLeet(v, leet);
        Builder joined = new Builder(leet.length());
        joinSpelledOut(leet, joined);
        Builder squeezed = new Builder(joined.length());
        squeeze(joined, squeezed);
        return new ContentText(text, squeezed.text(), squeezed.from(), squeezed.to());
    }

    /** The content view of a lexicon term, so that terms and texts compare alike. */
    static String fold(String term) {
        return of(NormalizedText.of(term)).value();
    }

    /** The folded text. */
    String value() {
        return value;
    }

    /** The normalised text this view was made from. */
    NormalizedText base() {
        return base;
    }

    /** The original offset where the folded character at {@code index} begins. */
    int originalStart(int index) {
        return base.originalStart(from == null ? index : from[index]);
    }

    /** The original offset (exclusive) where the folded range ending at {@code endExclusive} ends. */
    int originalEnd(int endExclusive) {
        return base.originalEnd(to == null ? endExclusive : to[endExclusive - 1]);
    }

    /**
     * Whether folding could change {@code v}: a digit or look-alike symbol, a letter written three times in a row, or
     * a one-letter word followed by a separator. Most messages have none and keep the normalised text as it is.
     */
    private static boolean needsFolding(String v) {
        int n = v.length();
        for (int i = 0; i < n; i++) {
            char c = v.charAt(i);
            if ((c >= '0' && c <= '9') || (c < 0x80 ? "@$!|#%*".indexOf(c) >= 0 : c == '€')) {
                return true;
            }
            if (i >= 2 && c == v.charAt(i - 1) && c == v.charAt(i - 2) && Character.isLetter(c)) {
                return true;
            }
            if (i + 2 < n && isSeparator(v.charAt(i + 1)) && isSingleLetter(v, i)) {
                return true;
            }
        }
        return false;
    }

    /** The characters of {@code v} with look-alikes read as letters, as {@link #unLeet(String, Builder)}; null if none. */
    private static char @Nullable [] unLeet(String v) {
        char[] out = null;
        int i = 0;
        int n = v.length();
        while (i < n) {
            char c = v.charAt(i);
            if (!isRunChar(c)) {
                i++;
                continue;
            }
            int end = i;
            int letters = 0;
            int others = 0;
            while (end < n && isRunChar(v.charAt(end))) {
                char r = v.charAt(end);
                if (isLatinLetter(r)) {
                    letters++;
                } else if (leetOf(v, end, i, n) != 0) {
                    others++;
                }
                end++;
            }
            boolean leet = letters >= 2 && others >= 1 && others <= letters + 1;
            for (int k = i; k < end; k++) {
                char r = v.charAt(k);
                char mapped = leet ? leetOf(v, k, i, end) : 0;
                if (r == '*' && k > i && v.charAt(k - 1) >= '0' && v.charAt(k - 1) <= '9') {
                    mapped = '⭐';
                }
                if (mapped != 0 && mapped != r) {
                    if (out == null) {
                        out = v.toCharArray();
                    }
                    out[k] = mapped;
                }
            }
            i = end;
        }
        return out;
    }

    /** Whether {@link #joinSpelledOut} would join a run of one-letter words in {@code v}. */
    private static boolean hasSpelledOut(String v) {
        int n = v.length();
        for (int i = 0; i < n; i++) {
            if (i + 2 < n && isSeparator(v.charAt(i + 1)) && isSingleLetter(v, i)) {
                int count = 1;
                boolean spaceOnly = true;
                int k = i;
                while (k + 2 < n && isSeparator(v.charAt(k + 1)) && isSingleLetter(v, k + 2)) {
                    spaceOnly &= v.charAt(k + 1) == ' ';
                    count++;
                    k += 2;
                }
                if (count >= 4 || (count == 3 && !spaceOnly)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether {@link #squeeze} would collapse a letter written three or more times in a row in {@code v}. */
    private static boolean hasStretch(String v) {
        for (int i = 2; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == v.charAt(i - 1) && c == v.charAt(i - 2) && Character.isLetter(c)) {
                return true;
            }
        }
        return false;
    }

    private static void unLeet(String v, Builder out) {
        int i = 0;
        int n = v.length();
        while (i < n) {
            char c = v.charAt(i);
            if (!isRunChar(c)) {
                out.append(c, i, i + 1);
                i++;
                continue;
            }
            int end = i;
            int letters = 0;
            int others = 0;
            while (end < n && isRunChar(v.charAt(end))) {
                char r = v.charAt(end);
                if (isLatinLetter(r)) {
                    letters++;
                } else if (leetOf(v, end, i, n) != 0) {
                    others++;
                }
                end++;
            }
            boolean leet = letters >= 2 && others >= 1 && others <= letters + 1;
            for (int k = i; k < end; k++) {
                char r = v.charAt(k);
                char mapped = leet ? leetOf(v, k, i, end) : 0;
                if (r == '*' && k > i && v.charAt(k - 1) >= '0' && v.charAt(k - 1) <= '9') {
                    mapped = '⭐';
                }
                out.append(mapped != 0 ? mapped : r, k, k + 1);
            }
            i = end;
        }
    }

    /** The letter a digit or symbol stands for at {@code k} inside the run {@code [start, end)}, or 0. */
    private static char leetOf(String v, int k, int start, int end) {
        char c = v.charAt(k);
        boolean letterBefore = k > start && isLatinLetter(v.charAt(k - 1));
        boolean letterAfter = k + 1 < end && isLatinLetter(v.charAt(k + 1));
        return switch (c) {
            case '0' -> 'o';
            case '1' -> 'i';
            case '3' -> 'e';
            case '4' -> 'a';
            case '5' -> 's';
            case '7' -> 't';
            case '8' -> 'b';
            case '9' -> 'g';
            case '@' -> letterBefore && letterAfter ? 'a' : 0;
            case '$' -> letterBefore || letterAfter ? 's' : 0;
            case '!' -> letterBefore && letterAfter ? 'i' : 0;
            case '|' -> letterBefore && letterAfter ? 'l' : 0;
            case '€' -> letterBefore && letterAfter ? 'e' : 0;
            case '#', '%' -> letterBefore && letterAfter ? '*' : 0;
            default -> 0;
        };
    }

    private static boolean isRunChar(char c) {
        if (c < 0x80) {
            return (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '@'
                    || c == '$'
                    || c == '!'
                    || c == '|'
                    || c == '#'
                    || c == '%'
                    || c == '*';
        }
        return c == '€' || isLatinLetter(c);
    }

    private static boolean isLatinLetter(char c) {
        if (c < 0x80) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        }
        if (c < 0x250 || (c >= 0x1E00 && c <= 0x1EFF)) {
            return CharTable.isLetter(c) && c != 0xAA && c != 0xBA && c != 0xB5;
        }
        return c >= 0x2C60 && CharTable.is(c, CharTable.LATIN_LETTER);
    }

    /** Joins three or more one-letter words separated by one separator ("f u c k", "s.t.u.p.i.d"). */
    private static void joinSpelledOut(Builder in, Builder out) {
        String v = in.text();
        int n = v.length();
        int i = 0;
        while (i < n) {
            if (isSingleLetter(v, i)) {
                int count = 1;
                boolean spaceOnly = true;
                int k = i;
                while (k + 2 < n && isSeparator(v.charAt(k + 1)) && isSingleLetter(v, k + 2)) {
                    spaceOnly &= v.charAt(k + 1) == ' ';
                    count++;
                    k += 2;
                }
                if (count >= 4 || (count == 3 && !spaceOnly)) {
                    for (int m = i; m <= k; m += 2) {
                        out.copy(in, m);
                    }
                    i = k + 1;
                    continue;
                }
            }
            out.copy(in, i);
            i++;
        }
    }

    private static boolean isSingleLetter(String v, int i) {
        if (!isLatinLetter(v.charAt(i))) {
            return false;
        }
        boolean before = i == 0 || !CharTable.isLetterOrDigit(v.charAt(i - 1));
        boolean after = i + 1 >= v.length() || !CharTable.isLetterOrDigit(v.charAt(i + 1));
        return before && after;
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == '.' || c == '-' || c == '_' || c == '*';
    }

    /** Collapses a letter repeated three or more times to one ("stuuupid", "มากกก"). */
    private static void squeeze(Builder in, Builder out) {
        String v = in.text();
        int n = v.length();
        int i = 0;
        while (i < n) {
            char c = v.charAt(i);
            int end = i + 1;
            while (end < n && v.charAt(end) == c) {
                end++;
            }
            if (end - i >= 3 && Character.isLetter(c)) {
                out.append(c, in.from[i], in.to[end - 1]);
            } else {
                for (int k = i; k < end; k++) {
                    out.copy(in, k);
                }
            }
            i = end;
        }
    }

    /** Accumulates folded characters with the range of the normalised text each came from. */
    private static final class Builder {
        private final StringBuilder text;
        private int[] from;
        private int[] to;
        private String built;

        Builder(int capacity) {
            text = new StringBuilder(capacity);
            from = new int[Math.max(capacity, 4)];
            to = new int[Math.max(capacity, 4)];
        }

        void append(char c, int start, int end) {
            int at = text.length();
            if (at == from.length) {
                from = Arrays.copyOf(from, at * 2);
                to = Arrays.copyOf(to, at * 2);
            }
            from[at] = start;
            to[at] = end;
            text.append(c);
            built = null;
        }

        void copy(Builder in, int index) {
            append(in.text().charAt(index), in.from[index], in.to[index]);
        }

        int length() {
            return text.length();
        }

        String text() {
            if (built == null) {
                built = text.toString();
            }
            return built;
        }

        int[] from() {
            return Arrays.copyOf(from, text.length());
        }

        int[] to() {
            return Arrays.copyOf(to, text.length());
        }
    }
}
