package dev.parley.core.policy;

import com.ibm.icu.text.SpoofChecker;

/**
 * Look-alike letters of other scripts (Cyrillic, Greek, Armenian, Cherokee, IPA) folded to the Latin letter they
 * imitate, using ICU's confusable skeletons, but only inside words that also hold Latin letters: "gmаil" with a
 * Cyrillic а becomes "gmail", while a Russian or Greek word keeps its letters.
 */
final class Confusables {
    private static final int[][] RANGES = {
        {0x0180, 0x02AF}, {0x0370, 0x03FF}, {0x0400, 0x052F}, {0x0530, 0x058F}, {0x13A0, 0x13FF}, {0x1D00, 0x1DBF}
    };
    private static final int TABLE_START = 0x0180;
    private static final char[] TABLE = buildTable();

    private Confusables() {}

    private static char[] buildTable() {
        SpoofChecker checker = new SpoofChecker.Builder().build();
        char[] table = new char[0x1DC0 - TABLE_START];
        for (int[] range : RANGES) {
            for (int cp = range[0]; cp <= range[1]; cp++) {
                if (!Character.isLetter(cp)) {
                    continue;
                }
                String skeleton = checker.getSkeleton(new String(Character.toChars(cp)));
                if (skeleton.length() == 1) {
                    char c = Character.toLowerCase(skeleton.charAt(0));
                    if (c >= 'a' && c <= 'z') {
                        table[cp - TABLE_START] = c;
                    }
                }
            }
        }
        return table;
    }

    /** The Latin letter that {@code cp} imitates, or 0. */
    static char latinFor(int cp) {
        int at = cp - TABLE_START;
        return at >= 0 && at < TABLE.length ? TABLE[at] : 0;
    }

    /** {@code text} with look-alikes folded inside words that also hold Latin letters. */
    static NormalizedText foldMixedWords(NormalizedText text) {
        String value = text.value();
        String original = text.original();
        char[] chars = null;
        int n = value.length();
        int i = 0;
        while (i < n) {
            if (!isWordPart(value.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            boolean latin = false;
            boolean foreign = false;
            while (i < n && isWordPart(value.charAt(i))) {
                char c = value.charAt(i);
                if (c >= 'a' && c <= 'z') {
                    latin = true;
                } else if (c >= TABLE_START && latinFor(original.codePointAt(text.originalStart(i))) != 0) {
                    foreign = true;
                }
                i++;
            }
            if (latin && foreign) {
                if (chars == null) {
                    chars = value.toCharArray();
                }
                for (int k = start; k < i; k++) {
                    char c = value.charAt(k);
                    if (c >= TABLE_START && !Character.isSurrogate(c)) {
                        char latinChar = latinFor(original.codePointAt(text.originalStart(k)));
                        if (latinChar != 0) {
                            chars[k] = latinChar;
                        }
                    }
                }
            }
        }
        return chars == null ? text : NormalizedText.withChars(text, chars);
    }

    private static boolean isWordPart(char c) {
        return (CharTable.flags(c) & (CharTable.LETTER_OR_DIGIT | CharTable.NON_SPACING_MARK)) != 0
                || c == '.'
                || c == '_'
                || c == '-'
                || c == '@'
                || c == '\'';
    }
}
