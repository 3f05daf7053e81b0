package dev.parley.core.policy;

/**
 * The character properties the checker asks for on every character, precomputed for the Basic Multilingual Plane
 * from {@link Character} (the same answers, one array read instead of a property lookup and a script search); code
 * points beyond it are answered by {@link Character} itself.
 */
final class CharTable {
    static final int LETTER = 1;
    static final int LETTER_OR_DIGIT = 1 << 1;
    static final int LATIN_LETTER = 1 << 2;
    static final int HAN_LETTER = 1 << 3;
    static final int THAI_LETTER = 1 << 4;
    static final int WHITESPACE = 1 << 5;
    static final int MARK = 1 << 6;
    static final int NON_SPACING_MARK = 1 << 7;
    static final int UPPER = 1 << 8;
    static final int LOWER = 1 << 9;
    static final int DIGIT = 1 << 10;
    static final int FORMAT = 1 << 11;
    static final int OTHER_SYMBOL = 1 << 12;
    static final int THAI_SCRIPT = 1 << 13;

    private static final short[] FLAGS = build();

    private CharTable() {}

    private static short[] build() {
        short[] flags = new short[0x10000];
        for (int c = 0; c < flags.length; c++) {
            flags[c] = (short) compute(c);
        }
        return flags;
    }

    private static int compute(int cp) {
        int f = 0;
        if (Character.isLetter(cp)) {
            f |= LETTER;
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            if (script == Character.UnicodeScript.LATIN) {
                f |= LATIN_LETTER;
            } else if (script == Character.UnicodeScript.HAN) {
                f |= HAN_LETTER;
            } else if (script == Character.UnicodeScript.THAI) {
                f |= THAI_LETTER;
            }
        }
        if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.THAI) {
            f |= THAI_SCRIPT;
        }
        if (Character.isLetterOrDigit(cp)) {
            f |= LETTER_OR_DIGIT;
        }
        if (Character.isDigit(cp)) {
            f |= DIGIT;
        }
        if (Character.isWhitespace(cp)) {
            f |= WHITESPACE;
        }
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK
                || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK) {
            f |= MARK;
        }
        if (type == Character.NON_SPACING_MARK) {
            f |= NON_SPACING_MARK;
        }
        if (type == Character.FORMAT) {
            f |= FORMAT;
        }
        if (type == Character.OTHER_SYMBOL) {
            f |= OTHER_SYMBOL;
        }
        if (Character.isUpperCase(cp)) {
            f |= UPPER;
        }
        if (Character.isLowerCase(cp)) {
            f |= LOWER;
        }
        return f;
    }

    /** Whether {@code cp} has every property of {@code mask}. */
    static boolean is(int cp, int mask) {
        if (cp < 0x10000) {
            return (FLAGS[cp] & mask) == mask;
        }
        return (compute(cp) & mask) == mask;
    }

    /** The properties of the BMP character {@code c}. */
    static int flags(char c) {
        return FLAGS[c];
    }

    /** Whether the BMP character {@code c} is a letter ({@link Character#isLetter(char)}). */
    static boolean isLetter(char c) {
        return (FLAGS[c] & LETTER) != 0;
    }

    /** Whether the BMP character {@code c} is a letter or digit ({@link Character#isLetterOrDigit(char)}). */
    static boolean isLetterOrDigit(char c) {
        return (FLAGS[c] & LETTER_OR_DIGIT) != 0;
    }

    /** Whether the BMP character {@code c} is white space ({@link Character#isWhitespace(char)}). */
    static boolean isWhitespace(char c) {
        return (FLAGS[c] & WHITESPACE) != 0;
    }
}
