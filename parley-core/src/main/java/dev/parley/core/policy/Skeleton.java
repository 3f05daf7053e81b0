package dev.parley.core.policy;

/**
 * The {@linkplain NormalizedText#skeleton() skeleton view}: punctuation and symbols inside words dropped, leet
 * characters folded to letters, {@code l} folded to {@code i}, and runs of single letters separated by spaces joined.
 */
final class Skeleton {
    private static final int MIN_SPACED_RUN = 3;

    private static final boolean[] ASCII_PUNCTUATION = asciiPunctuation();

    private Skeleton() {}

    private static boolean[] asciiPunctuation() {
        boolean[] table = new boolean[0x80];
        for (int c = 0; c < table.length; c++) {
            int type = Character.getType(c);
            table[c] = type == Character.OTHER_PUNCTUATION
                    || type == Character.DASH_PUNCTUATION
                    || type == Character.START_PUNCTUATION
                    || type == Character.END_PUNCTUATION
                    || type == Character.CONNECTOR_PUNCTUATION
                    || type == Character.INITIAL_QUOTE_PUNCTUATION
                    || type == Character.FINAL_QUOTE_PUNCTUATION;
        }
        return table;
    }

    /** The skeleton letter for {@code c} inside a word that has Latin letters, or {@code c} itself. */
    static char fold(char c) {
        return switch (c) {
            case '0' -> 'o';
            case '1', 'l', '!', '|' -> 'i';
            case '3' -> 'e';
            case '4', '@' -> 'a';
            case '5', '$' -> 's';
            case '7', '+' -> 't';
            default -> c;
        };
    }

    /** Folds a term the way the skeleton view folds text (for lexicon terms written plainly). */
    static String foldTerm(String normalized) {
        return view(NormalizedText.of(normalized)).value();
    }

    static NormalizedText view(NormalizedText text) {
        String v = text.value();
        int n = v.length();
        NormalizedText.Builder out = new NormalizedText.Builder(text.original(), n);
        int i = 0;
        // the output length where the current run of single-character words began, or -1
        int runStart = -1;
        int runCount = 0;
        int lastSingleEnd = -1;
        while (i < n) {
            char c = v.charAt(i);
            if (isSpace(c)) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && !isSpace(v.charAt(i))) {
                i++;
            }
            int outBefore = out.length();
            if (outBefore > 0) {
                out.append(' ', text.originalStart(start - 1), text.originalEnd(start));
            }
            int wordStart = out.length();
            for (int k = start; k < i; ) {
                int cp = v.codePointAt(k);
                if (cp < 0x80 && isLatinRunChar((char) cp)) {
                    int e = k;
                    int letters = 0;
                    int digits = 0;
                    while (e < i && v.charAt(e) < 0x80 && isLatinRunChar(v.charAt(e))) {
                        char x = v.charAt(e);
                        if (x >= 'a' && x <= 'z') {
                            letters++;
                        } else if (x >= '0' && x <= '9') {
                            digits++;
                        }
                        e++;
                    }
                    // "lily0520" keeps its digits: fold only where letters dominate the run.
                    boolean foldRun = letters > 0 && digits <= letters;
                    for (int p = k; p < e; p++) {
                        char x = v.charAt(p);
                        char f = foldRun ? fold(x) : x;
                        if ((f >= 'a' && f <= 'z') || (f >= '0' && f <= '9')) {
                            out.append(f, text.originalStart(p), text.originalEnd(p + 1));
                        }
                    }
                    k = e;
                    continue;
                }
                int len = Character.charCount(cp);
                if (CharTable.is(cp, CharTable.LETTER_OR_DIGIT) || CharTable.is(cp, CharTable.MARK)) {
                    for (int p = k; p < k + len; p++) {
                        out.copy(text, p);
                    }
                } else if (isPunctuation(cp) && !joins(v, k, out)) {
                    // "LINE，ID：lily" keeps its words apart; "w.h.a.t.s" and "wh@ts-app" join up
                    if (out.length() > wordStart && out.charAt(out.length() - 1) != ' ') {
                        out.append(' ', text.originalStart(k), text.originalEnd(k + 1));
                    }
                }
                k += len;
            }
            int wordLen = out.length() - wordStart;
            if (wordLen == 0) {
                out.setLength(outBefore);
                continue;
            }
            if (wordLen == 1 && out.charAt(wordStart) < 0x80 && CharTable.isLetterOrDigit(out.charAt(wordStart))) {
                boolean adjacent = lastSingleEnd >= 0 && spacesOnly(v, lastSingleEnd, start);
                if (adjacent) {
                    runCount++;
                } else {
                    runStart = wordStart;
                    runCount = 1;
                }
                lastSingleEnd = i;
                if (runCount == MIN_SPACED_RUN) {
                    out.removeSpacesFrom(runStart);
                } else if (runCount > MIN_SPACED_RUN) {
                    out.removeAt(out.length() - 2);
                }
            } else {
                lastSingleEnd = -1;
                runCount = 0;
            }
        }
        return out.build();
    }

    private static boolean isPunctuation(int cp) {
        if (cp < 0x80) {
            return ASCII_PUNCTUATION[cp];
        }
        int type = Character.getType(cp);
        return type == Character.OTHER_PUNCTUATION
                || type == Character.DASH_PUNCTUATION
                || type == Character.START_PUNCTUATION
                || type == Character.END_PUNCTUATION
                || type == Character.CONNECTOR_PUNCTUATION
                || type == Character.INITIAL_QUOTE_PUNCTUATION
                || type == Character.FINAL_QUOTE_PUNCTUATION;
    }

    /** Whether the punctuation at {@code k} joins two Latin letters of one word ("w.h.a", "wh-ats", "kev_parts"). */
    private static boolean joins(String v, int k, NormalizedText.Builder out) {
        char c = v.charAt(k);
        if (!(c == '.' || c == '-' || c == '_' || c == '*' || c == '·' || c == '\'' || c == '`' || c == '~')) {
            return false;
        }
        if (out.length() == 0 || k + 1 >= v.length()) {
            return false;
        }
        char before = out.charAt(out.length() - 1);
        char after = v.charAt(k + 1);
        return isAsciiAlnum(before) && (isAsciiAlnum(after) || isLatinRunChar(after));
    }

    private static boolean isAsciiAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    private static boolean isLatinRunChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '@' || c == '$' || c == '!' || c == '|';
    }

    private static boolean spacesOnly(String v, int from, int to) {
        for (int k = from; k < to; k++) {
            if (!isSpace(v.charAt(k))) {
                return false;
            }
        }
        return to - from <= 2;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\n' || c == '\t';
    }
}
