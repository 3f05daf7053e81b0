package dev.parley.core.policy;

import java.util.ArrayList;
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
                while (i < n && Character.isWhitespace(text.charAt(i))) {
                    if (text.charAt(i) == '\n') {
                        sentenceStart = true;
                    }
                    i++;
                }
                int tokenStart = i;
                while (i < n && !Character.isWhitespace(text.charAt(i))) {
                    i++;
                }
                if (tokenStart == i) {
                    break;
                }
                String token = text.substring(tokenStart, i);
                if (!isLinkLike(token)) {
                    sentenceStart = token(tokenStart, i, sentenceStart);
                } else {
                    sentenceStart = endsSentence(token.charAt(token.length() - 1));
                }
            }
            return new JudgedText(
                    List.copyOf(words),
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
                if (Character.isLetter(cp)) {
                    Character.UnicodeScript script = Character.UnicodeScript.of(cp);
                    if (script == Character.UnicodeScript.HAN) {
                        han++;
                        mark(i, next);
                    } else if (script == Character.UnicodeScript.THAI) {
                        thai++;
                        mark(i, next);
                    } else {
                        other++;
                        mark(i, next);
                    }
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
            String word = text.substring(from, to);
            boolean glued = (from > tokenFrom && Character.isDigit(text.codePointBefore(from)))
                    || (to < tokenTo && Character.isDigit(text.codePointAt(to)));
            if (glued || isName(word, opensSentence) || isCode(word)) {
                return;
            }
            words.add(word.toLowerCase(Locale.ROOT));
            for (int k = 0; k < word.length(); k++) {
                char c = word.charAt(k);
                if (Character.isLetter(c)) {
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

        private boolean isName(String word, boolean opensSentence) {
            boolean camel = false;
            for (int k = 1; k < word.length(); k++) {
                if (Character.isUpperCase(word.charAt(k)) && Character.isLowerCase(word.charAt(k - 1))) {
                    camel = true;
                }
            }
            if (camel) {
                return true;
            }
            boolean capitalised =
                    Character.isUpperCase(word.charAt(0)) && word.length() > 1 && Character.isLowerCase(word.charAt(1));
            return capitalised && !opensSentence;
        }

        private boolean isCode(String word) {
            if (shouting || word.length() < 2 || word.length() > 5) {
                return false;
            }
            return word.chars().filter(Character::isLetter).allMatch(Character::isUpperCase);
        }

        private boolean mostlyCapitals() {
            int upper = 0;
            int lower = 0;
            for (int k = 0; k < text.length(); k++) {
                char c = text.charAt(k);
                if (Character.isUpperCase(c)) {
                    upper++;
                } else if (Character.isLowerCase(c)) {
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
                int type = Character.getType(cp);
                if (isLatinLetter(cp) || type == Character.NON_SPACING_MARK || inner) {
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
        return Character.isLetter(cp) && Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN;
    }

    private static boolean endsSentence(int cp) {
        return cp == '.' || cp == '!' || cp == '?' || cp == '。' || cp == '！' || cp == '？' || cp == ':' || cp == '\n';
    }

    private static boolean isVietnamese(char c) {
        char lower = Character.toLowerCase(c);
        return lower == 'đ' || lower == 'ơ' || lower == 'ư' || lower == 'ă' || (lower >= 'ạ' && lower <= 'ỹ');
    }
}
