package dev.parley.core.evaluation;

import com.ibm.icu.text.Normalizer2;

/**
 * A message as the placeholder lexicon reads it: NFKC case-folded, accents dropped from Latin letters ("chờ" reads
 * "cho", "đ" reads "d"), and every run of punctuation, symbols and spaces read as one space; whether it held an emoji
 * or other pictographic symbol is kept aside.
 *
 * @param text the folded text, words separated by single spaces
 * @param symbol whether the message held an emoji or other symbol
 * @param blank whether the message held nothing but spaces and invisible characters
 */
record PlaceholderText(String text, boolean symbol, boolean blank) {
    private static final Normalizer2 NFKC_CASEFOLD = Normalizer2.getNFKCCasefoldInstance();
    private static final Normalizer2 NFD = Normalizer2.getNFDInstance();

    /** Folds {@code message}. */
    static PlaceholderText of(String message) {
        String decomposed = NFD.normalize(NFKC_CASEFOLD.normalize(message));
        StringBuilder out = new StringBuilder(decomposed.length());
        boolean symbol = false;
        boolean visible = false;
        boolean pendingSpace = false;
        boolean lastLatin = false;
        boolean inWord = false;
        for (int i = 0; i < decomposed.length(); ) {
            int cp = decomposed.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            switch (type) {
                case Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK -> {
                    if (inWord && !lastLatin) {
                        out.appendCodePoint(cp);
                    }
                    // marks on Latin letters are accents to drop; marks after no letter (variation selectors,
                    // keycaps) decorate a symbol
                }
                case Character.UPPERCASE_LETTER,
                        Character.LOWERCASE_LETTER,
                        Character.TITLECASE_LETTER,
                        Character.MODIFIER_LETTER,
                        Character.OTHER_LETTER -> {
                    visible = true;
                    int letter = cp == 'đ' ? 'd' : cp;
                    if (pendingSpace && out.length() > 0) {
                        out.append(' ');
                    }
                    pendingSpace = false;
                    out.appendCodePoint(letter);
                    lastLatin = Character.UnicodeScript.of(letter) == Character.UnicodeScript.LATIN;
                    inWord = true;
                }
                case Character.DECIMAL_DIGIT_NUMBER,
                        Character.LETTER_NUMBER,
                        Character.OTHER_NUMBER,
                        Character.CURRENCY_SYMBOL -> {
                    visible = true;
                    if (pendingSpace && out.length() > 0) {
                        out.append(' ');
                    }
                    pendingSpace = false;
                    out.appendCodePoint(cp);
                    lastLatin = false;
                    inWord = true;
                }
                case Character.OTHER_SYMBOL, Character.MODIFIER_SYMBOL, Character.SURROGATE -> {
                    visible = true;
                    symbol = true;
                    pendingSpace = true;
                    inWord = false;
                }
                case Character.FORMAT, Character.CONTROL -> {
                    // zero-width joiners and other invisible characters join or separate nothing
                }
                default -> {
                    if (!Character.isWhitespace(cp) && !Character.isSpaceChar(cp)) {
                        visible = true;
                    }
                    pendingSpace = true;
                    inWord = false;
                }
            }
        }
        return new PlaceholderText(out.toString(), symbol, !visible);
    }
}
