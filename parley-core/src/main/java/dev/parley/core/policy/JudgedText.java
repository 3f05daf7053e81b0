package dev.parley.core.policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The part of a message that shows its language: Latin words (lower-cased) and the letters of each script, once
 * names, codes, numbers, links, e-mail addresses, handles and emoji are set aside, with the span from the first to the
 * last letter kept.
 *
 * <p>A name is a capitalised or camel-cased Latin word that does not open a sentence ("Redmi", "iPhone"); a code is a
 * word glued to digits ("65W", "KX-T7730") or a short all-capitals word ("SKU", "XL") in a text that is not shouting.
 *
 * @param latinWords the Latin words kept, lower-cased
 * @param latin letters of Latin words kept
 * @param han Han characters
 * @param thai Thai letters
 * @param other letters of other scripts
 * @param vietnameseLetters letters only Vietnamese uses (ơ, ư, ă, đ, and vowels with a hook or a dot below)
 * @param spanishLetters ñ, accented vowels and inverted marks, which Spanish uses and the other Latin languages here
 *     do not (Vietnamese aside)
 * @param start original offset of the first letter kept, or 0
 * @param end original offset after the last letter kept, or 0
 */
record JudgedText(
        List<String> latinWords,
        int latin,
        int han,
        int thai,
        int other,
        int vietnameseLetters,
        int spanishLetters,
        int start,
        int end) {

    /** All letters kept. */
    int letters() {
        return latin + han + thai + other;
    }

    /** Words kept: Latin words, and Han, Thai and other letters counted as about two, five and four to a word. */
    int words() {
        return latinWords.size() + (han + 1) / 2 + (thai + 4) / 5 + (other + 3) / 4;
    }

    /** The judged part of {@code text}. */
    static JudgedText of(String text) {
        return new Builder(text).build();
    }

    private static final class Builder {
        private final String text;
        private final List<String> words = new ArrayList<>();
        private int latin;
        private int han;
        private int thai;
        private int other;
        private int vietnamese;
        private int spanish;
        private int start = Integer.MAX_VALUE;
        private int end;
        private boolean shouting;

        Builder(String text) {
            this.text = text;
        }

        JudgedText build() {
            shouting = mostlyCapitals();
            boolean sentenceStart = true;
            int i = 0;
            int n = text.length();
            while (i < n) {
                while (i < n && CharTable.isWhitespace(text.charAt(i))) {
                    if (text.charAt(i) == '\n') {
                        sentenceStart = true;
                    }
                    i++;
                }
                int tokenStart = i;
                while (i < n && !CharTable.isWhitespace(text.charAt(i))) {
                    i++;
                }
                if (tokenStart == i) {
                    break;
                }
                if (!isLinkLike(text, tokenStart, i)) {
                    sentenceStart = token(tokenStart, i, sentenceStart);
                } else {
                    sentenceStart = endsSentence(text.charAt(i - 1));
                }
            }
            return new JudgedText(
                    Collections.unmodifiableList(words),
                    latin,
                    han,
                    thai,
                    other,
                    vietnamese,
                    spanish,
                    start == Integer.MAX_VALUE ? 0 : start,
                    end);
        }

        /** Reads the letters of one token; returns whether the next token opens a sentence. */
        private boolean token(int from, int to, boolean sentenceStart) {
            boolean opens = sentenceStart;
            int i = from;
            while (i < to) {
                int cp = text.codePointAt(i);
                int next = i + Character.charCount(cp);
                if (isLatinLetter(cp)) {
                    int runEnd = latinRunEnd(i, to);
                    latinWord(i, runEnd, from, to, opens);
                    opens = false;
                    i = runEnd;
                    continue;
                }
                if (cp < 0x80) {
                    if (endsSentence(cp)) {
                        opens = true;
                    }
                    i = next;
                    continue;
                }
                if (CharTable.is(cp, CharTable.LETTER)) {
                    if (CharTable.is(cp, CharTable.HAN_LETTER)) {
                        han++;
                    } else if (CharTable.is(cp, CharTable.THAI_LETTER)) {
                        thai++;
                    } else {
                        other++;
                    }
                    mark(i, next);
                    opens = false;
                } else if (endsSentence(cp)) {
                    opens = true;
                }
                if (cp == '¿' || cp == '¡') {
                    spanish++;
                }
                i = next;
            }
            return opens;
        }

        private void latinWord(int from, int to, int tokenFrom, int tokenTo, boolean opensSentence) {
            boolean glued = (from > tokenFrom && CharTable.is(text.codePointBefore(from), CharTable.DIGIT))
                    || (to < tokenTo && CharTable.is(text.codePointAt(to), CharTable.DIGIT));
            if (glued || isName(from, to, opensSentence) || isCode(from, to)) {
                return;
            }
            String word = text.substring(from, to);
            words.add(word.toLowerCase(Locale.ROOT));
            for (int k = 0; k < word.length(); k++) {
                char c = word.charAt(k);
                if (CharTable.isLetter(c)) {
                    latin++;
                    if (isVietnamese(c)) {
                        vietnamese++;
                    } else if ("ñáéíóú".indexOf(Character.toLowerCase(c)) >= 0) {
                        spanish++;
                    }
                }
            }
            mark(from, to);
        }

        private boolean isName(int from, int to, boolean opensSentence) {
            for (int k = from + 1; k < to; k++) {
                if ((CharTable.flags(text.charAt(k)) & CharTable.UPPER) != 0
                        && (CharTable.flags(text.charAt(k - 1)) & CharTable.LOWER) != 0) {
                    return true;
                }
            }
            boolean capitalised = (CharTable.flags(text.charAt(from)) & CharTable.UPPER) != 0
                    && to - from > 1
                    && (CharTable.flags(text.charAt(from + 1)) & CharTable.LOWER) != 0;
            return capitalised && !opensSentence;
        }

        private boolean isCode(int from, int to) {
            if (shouting || to - from < 2 || to - from > 5) {
                return false;
            }
            for (int k = from; k < to; k++) {
                char c = text.charAt(k);
                if ((CharTable.flags(c) & (CharTable.LETTER | CharTable.UPPER)) == CharTable.LETTER) {
                    return false;
                }
            }
            return true;
        }

        private boolean mostlyCapitals() {
            int upper = 0;
            int lower = 0;
            for (int k = 0; k < text.length(); k++) {
                int f = CharTable.flags(text.charAt(k));
                if ((f & CharTable.UPPER) != 0) {
                    upper++;
                } else if ((f & CharTable.LOWER) != 0) {
                    lower++;
                }
            }
            return upper > lower;
        }

        private int latinRunEnd(int i, int to) {
            int k = i;
            while (k < to) {
                int cp = text.codePointAt(k);
                boolean inner =
                        (cp == '\'' || cp == '’' || cp == '-') && k + 1 < to && isLatinLetter(text.codePointAt(k + 1));
                if (isLatinLetter(cp) || CharTable.is(cp, CharTable.NON_SPACING_MARK) || inner) {
                    k += Character.charCount(cp);
                } else {
                    break;
                }
            }
            return k;
        }

        private void mark(int from, int to) {
            start = Math.min(start, from);
            end = Math.max(end, to);
        }
    }

    private static final java.util.Set<String> TLDS = java.util.Set.of(
            "com", "net", "org", "co", "io", "me", "ly", "id", "my", "sg", "th", "vn", "ph", "cn", "tw", "hk", "es",
            "mx", "uk", "shop", "store", "app");

    private static boolean isLinkLike(String text, int from, int to) {
        boolean dot = false;
        for (int k = from; k < to; k++) {
            char c = text.charAt(k);
            if (c == '@' || (c == '#' && k == from) || (c == ':' && text.startsWith("//", k + 1) && k + 3 <= to)) {
                return true;
            }
            dot |= c == '.';
        }
        // without a dot a token is neither "www." nor a domain: skip lower-casing it
        return dot && isLinkLike(text.substring(from, to));
    }

    private static boolean isLinkLike(String token) {
        if (token.indexOf('@') >= 0 || token.startsWith("#") || token.contains("://")) {
            return true;
        }
        String t = token.toLowerCase(Locale.ROOT);
        if (t.startsWith("www.")) {
            return true;
        }
        int dot = t.lastIndexOf('.');
        if (dot <= 0 || dot >= t.length() - 2 || !Character.isLetterOrDigit(t.charAt(dot - 1))) {
            return false;
        }
        int tldEnd = dot + 1;
        while (tldEnd < t.length() && t.charAt(tldEnd) >= 'a' && t.charAt(tldEnd) <= 'z') {
            tldEnd++;
        }
        String tld = t.substring(dot + 1, tldEnd);
        return (tld.length() >= 2 && t.indexOf('/') >= 0) || TLDS.contains(tld);
    }

    private static boolean isLatinLetter(int cp) {
        if (cp < 0x80) {
            return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
        }
        return CharTable.is(cp, CharTable.LATIN_LETTER);
    }

    private static boolean endsSentence(int cp) {
        return cp == '.' || cp == '!' || cp == '?' || cp == '。' || cp == '！' || cp == '？' || cp == ':' || cp == '\n';
    }

    private static boolean isVietnamese(char c) {
        char lower = Character.toLowerCase(c);
        return lower == 'đ' || lower == 'ơ' || lower == 'ư' || lower == 'ă' || (lower >= 'ạ' && lower <= 'ỹ');
    }
}
