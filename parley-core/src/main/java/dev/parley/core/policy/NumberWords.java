package dev.parley.core.policy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Digits spelled out in words, in the marketplace languages, turned into digit runs where they form a number of six
 * digits or more with at least two number words: the {@linkplain NormalizedText#digits() digits view}.
 */
final class NumberWords {
    static final int MIN_DIGITS = 6;
    static final int MIN_WORDS = 2;
    private static final int MAX_GAP = 3;

    private static final Map<String, String> LATIN = new HashMap<>();
    private static final String[][] THAI = {
        {"ศูนย์", "0"},
        {"หนึ่ง", "1"},
        {"สอง", "2"},
        {"สาม", "3"},
        {"สี่", "4"},
        {"ห้า", "5"},
        {"หก", "6"},
        {"เจ็ด", "7"},
        {"แปด", "8"},
        {"เก้า", "9"},
        {"โท", "2"}
    };

    static {
        String[][] words = {
            // English
            {"zero", "0"},
            {"oh", "0"},
            {"one", "1"},
            {"two", "2"},
            {"three", "3"},
            {"four", "4"},
            {"five", "5"},
            {"six", "6"},
            {"seven", "7"},
            {"eight", "8"},
            {"nine", "9"},
            // Spanish
            {"cero", "0"},
            {"uno", "1"},
            {"dos", "2"},
            {"tres", "3"},
            {"cuatro", "4"},
            {"cinco", "5"},
            {"seis", "6"},
            {"siete", "7"},
            {"ocho", "8"},
            {"nueve", "9"},
            // Indonesian and Malay
            {"nol", "0"},
            {"kosong", "0"},
            {"satu", "1"},
            {"dua", "2"},
            {"tiga", "3"},
            {"empat", "4"},
            {"lima", "5"},
            {"enam", "6"},
            {"tujuh", "7"},
            {"delapan", "8"},
            {"lapan", "8"},
            {"sembilan", "9"},
            // Filipino
            {"sero", "0"},
            {"isa", "1"},
            {"dalawa", "2"},
            {"tatlo", "3"},
            {"apat", "4"},
            {"anim", "6"},
            {"pito", "7"},
            {"walo", "8"},
            {"siyam", "9"},
            // Vietnamese, with and without tone marks
            {"không", "0"},
            {"khong", "0"},
            {"một", "1"},
            {"mot", "1"},
            {"mốt", "1"},
            {"hai", "2"},
            {"ba", "3"},
            {"bốn", "4"},
            {"bon", "4"},
            {"tư", "4"},
            {"năm", "5"},
            {"nam", "5"},
            {"lăm", "5"},
            {"sáu", "6"},
            {"sau", "6"},
            {"bảy", "7"},
            {"bay", "7"},
            {"bẩy", "7"},
            {"tám", "8"},
            {"tam", "8"},
            {"chín", "9"},
            {"chin", "9"}
        };
        for (String[] w : words) {
            LATIN.put(w[0], w[1]);
        }
        int longest = 0;
        for (String w : LATIN.keySet()) {
            longest = Math.max(longest, w.length());
        }
        LONGEST_WORD = Math.max(longest, "double".length());
    }

    /** The longest number word or repeat word ("double", "triple"): longer words are looked up no further. */
    private static final int LONGEST_WORD;

    private NumberWords() {}

    /**
     * A digit run or a number word found in the base text: its normalised range and, for a word, the digits it stands
     * for (a digit run stands for itself).
     */
    private record Item(
            int start,
            int end,
            @org.jspecify.annotations.Nullable String digits,
            boolean word) {
        int digitCount() {
            return digits == null ? end - start : digits.length();
        }
    }

    static NormalizedText digitsView(NormalizedText text) {
        String v = text.value();
        List<Item> items = scan(v);
        if (items.isEmpty()) {
            return text;
        }
        NormalizedText.Builder out = null;
        int copied = 0;
        int i = 0;
        while (i < items.size()) {
            int j = i;
            int digits = items.get(i).digitCount();
            int words = items.get(i).word ? 1 : 0;
            while (j + 1 < items.size() && joinable(v, items.get(j), items.get(j + 1))) {
                j++;
                digits += items.get(j).digitCount();
                words += items.get(j).word ? 1 : 0;
            }
            if (words >= MIN_WORDS && digits >= MIN_DIGITS) {
                if (out == null) {
                    out = new NormalizedText.Builder(text.original(), v.length());
                }
                int seqStart = items.get(i).start;
                for (int k = copied; k < seqStart; k++) {
                    out.copy(text, k);
                }
                for (int k = i; k <= j; k++) {
                    Item item = items.get(k);
                    if (item.word && item.digits != null) {
                        out.append(item.digits, text.originalStart(item.start), text.originalEnd(item.end));
                    } else {
                        for (int p = item.start; p < item.end; p++) {
                            out.copy(text, p);
                        }
                    }
                }
                copied = items.get(j).end;
            }
            i = j + 1;
        }
        if (out == null) {
            return text;
        }
        for (int k = copied; k < v.length(); k++) {
            out.copy(text, k);
        }
        return out.build();
    }

    private static boolean joinable(String v, Item a, Item b) {
        int gap = b.start - a.end;
        if (gap > MAX_GAP) {
            return false;
        }
        for (int k = a.end; k < b.start; k++) {
            char c = v.charAt(k);
            if (!(c == ' ' || c == ',' || c == '-' || c == '.' || c == '、' || c == '，' || c == '·' || c == '/')) {
                return false;
            }
        }
        return true;
    }

    private static List<Item> scan(String v) {
        List<Item> items = new ArrayList<>();
        int n = v.length();
        int i = 0;
        int repeat = 1;
        int modifierStart = -1;
        while (i < n) {
            char c = v.charAt(i);
            if (c >= '0' && c <= '9') {
                int s = i;
                while (i < n && v.charAt(i) >= '0' && v.charAt(i) <= '9') {
                    i++;
                }
                items.add(new Item(s, i, null, false));
                repeat = 1;
            } else if (hanDigit(c) >= 0) {
                items.add(new Item(i, i + 1, String.valueOf((char) ('0' + hanDigit(c))), true));
                i++;
            } else if (c >= 0x0E00 && c <= 0x0E7F) {
                String[] match = thaiAt(v, i);
                if (match != null) {
                    items.add(new Item(i, i + match[0].length(), match[1], true));
                    i += match[0].length();
                } else {
                    i++;
                }
            } else if (CharTable.isLetter(c)) {
                int s = i;
                while (i < n && (CharTable.flags(v.charAt(i)) & (CharTable.LETTER | CharTable.MARK)) != 0) {
                    i++;
                }
                if (i - s > LONGEST_WORD) {
                    // no number word is this long
                    repeat = 1;
                    continue;
                }
                String word = v.substring(s, i);
                String d = LATIN.get(word);
                if (d != null) {
                    items.add(new Item(repeat > 1 ? modifierStart : s, i, d.repeat(repeat), true));
                    repeat = 1;
                } else if (word.equals("double") || word.equals("triple")) {
                    repeat = word.equals("double") ? 2 : 3;
                    modifierStart = s;
                } else {
                    repeat = 1;
                }
            } else {
                i++;
            }
        }
        return items;
    }

    private static String @org.jspecify.annotations.Nullable [] thaiAt(String v, int i) {
        String[] best = null;
        for (String[] w : THAI) {
            if (v.startsWith(w[0], i) && (best == null || w[0].length() > best[0].length())) {
                best = w;
            }
        }
        return best;
    }

    /** The value of a Chinese numeral character, or -1. */
    static int hanDigit(char c) {
        return switch (c) {
            case '零', '〇' -> 0;
            case '一', '壹', '幺' -> 1;
            case '二', '贰', '貳' -> 2;
            case '三', '叁', '參' -> 3;
            case '四', '肆' -> 4;
            case '五', '伍' -> 5;
            case '六', '陆', '陸' -> 6;
            case '七', '柒' -> 7;
            case '八', '捌' -> 8;
            case '九', '玖' -> 9;
            default -> -1;
        };
    }
}
