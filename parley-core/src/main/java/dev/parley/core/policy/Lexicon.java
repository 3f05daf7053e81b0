package dev.parley.core.policy;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * A set of terms, each with a payload, found in normalised text in one pass with an Aho–Corasick automaton.
 *
 * <p>Terms are normalised like the text they are matched against. A term that begins or ends with a letter or digit of
 * a script written with spaces (Latin, Cyrillic, Greek) must sit on a word boundary on that side; terms in Han, Thai
 * and other scripts without spaces match anywhere. A {@code *} at the start or end of a term lifts the boundary on
 * that side ({@code fuck*} also finds "fucking"). A letter of a script without spaces next to a term of a spaced
 * script counts as a boundary ("加我LINE" finds "line").
 *
 * @param <T> the payload type, such as a kind of finding
 */
final class Lexicon<T> {
    private static final int NEED_START_BOUNDARY = 1;
    private static final int NEED_END_BOUNDARY = 2;

    private final AhoCorasickDoubleArrayTrie<List<Entry<T>>> trie;
    private final boolean empty;
    private final Alphabet alphabet;

    private Lexicon(AhoCorasickDoubleArrayTrie<List<Entry<T>>> trie, boolean empty, Alphabet alphabet) {
        this.trie = trie;
        this.empty = empty;
        this.alphabet = alphabet;
    }

    /** A builder of a lexicon whose terms are normalised like {@link NormalizedText#value()}. */
    static <T> Builder<T> builder() {
        return new Builder<>(term -> NormalizedText.of(term).value());
    }

    /** A builder of a lexicon matched against another view of the text, whose terms {@code normaliser} maps alike. */
    static <T> Builder<T> builder(UnaryOperator<String> normaliser) {
        return new Builder<>(normaliser);
    }

    /** Every occurrence of a term in {@code text}, in order of end offset, with offsets into {@code text.value()}. */
    List<Match<T>> scan(NormalizedText text) {
        return scan(text.value());
    }

    /** Every occurrence of a term in {@code value}, a text normalised like the terms, with offsets into it. */
    List<Match<T>> scan(String value) {
        if (empty) {
            return List.of();
        }
        List<Match<T>> matches = new ArrayList<>();
        trie.parseText(alphabet.map(value), (begin, end, entries) -> {
            for (int k = 0, n = entries.size(); k < n; k++) {
                Entry<T> entry = entries.get(k);
                if ((entry.flags & NEED_START_BOUNDARY) != 0 && !boundaryBefore(value, begin)) {
                    continue;
                }
                if ((entry.flags & NEED_END_BOUNDARY) != 0 && !boundaryAfter(value, end)) {
                    continue;
                }
                matches.add(new Match<>(begin, end, entry.term, entry.payload));
            }
        });
        return matches;
    }

    /** Whether some term occurs in {@code text}. */
    boolean containsAny(NormalizedText text) {
        return !scan(text).isEmpty();
    }

    static boolean boundaryBefore(String value, int index) {
        if (index <= 0) {
            return true;
        }
        return !isSpacedWordChar(value.codePointBefore(index));
    }

    static boolean boundaryAfter(String value, int index) {
        if (index >= value.length()) {
            return true;
        }
        return !isSpacedWordChar(value.codePointAt(index));
    }

    /** A letter, digit or mark that continues a word of a spaced script (a Han or Thai letter does not). */
    private static boolean isSpacedWordChar(int cp) {
        if (cp < 0x80) {
            return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
        }
        if (cp < 0x10000) {
            return SPACED_WORD_CHARS.get(cp);
        }
        return computeSpacedWordChar(cp);
    }

    /** The BMP answers of {@link #isSpacedWordChar}, computed once. */
    private static final java.util.BitSet SPACED_WORD_CHARS = spacedWordChars();

    private static java.util.BitSet spacedWordChars() {
        java.util.BitSet set = new java.util.BitSet(0x10000);
        for (int c = 0x80; c < 0x10000; c++) {
            set.set(c, computeSpacedWordChar(c));
        }
        return set;
    }

    private static boolean computeSpacedWordChar(int cp) {
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK) {
            return true;
        }
        return spacedScript(cp);
    }

    /** Whether a boundary is needed next to this code point: letters and digits of scripts written with spaces. */
    private static boolean spacedScript(int cp) {
        if (!Character.isLetterOrDigit(cp)) {
            return false;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.LATIN
                || script == Character.UnicodeScript.CYRILLIC
                || script == Character.UnicodeScript.GREEK
                || script == Character.UnicodeScript.COMMON;
    }

    /** One occurrence: offsets into the normalised text, the term as written in the lexicon, and its payload. */
    record Match<T>(int start, int end, String term, T payload) {

        /** The original start offset of this match in {@code text}. */
        int originalStart(NormalizedText text) {
            return text.originalStart(start);
        }

        /** The original end offset (exclusive) of this match in {@code text}. */
        int originalEnd(NormalizedText text) {
            return text.originalEnd(end);
        }
    }

    private record Entry<T>(String term, T payload, int flags) {}

    /**
     * The characters the terms use, numbered from 1 in their order; every other character is 0. Terms and texts are
     * matched in these numbers, which keeps the double-array trie as small as the terms (indexed by UTF-16 code units,
     * one Han or Thai term spreads it over tens of thousands of slots, and every step of a scan misses the cache).
     */
    private static final class Alphabet {
        private static final char[] NONE = new char[256];

        /** Numbers by high byte, then low byte; a high byte no term uses shares the page of zeros. */
        private final char[][] pages;

        private Alphabet(char[][] pages) {
            this.pages = pages;
        }

        static Alphabet of(Iterable<String> terms) {
            java.util.TreeSet<Character> used = new java.util.TreeSet<>();
            for (String term : terms) {
                for (int k = 0; k < term.length(); k++) {
                    used.add(term.charAt(k));
                }
            }
            char[][] pages = new char[256][];
            java.util.Arrays.fill(pages, NONE);
            char number = 0;
            for (char c : used) {
                number++;
                if (pages[c >>> 8] == NONE) {
                    pages[c >>> 8] = new char[256];
                }
                pages[c >>> 8][c & 0xFF] = number;
            }
            return new Alphabet(pages);
        }

        char of(char c) {
            return pages[c >>> 8][c & 0xFF];
        }

        String mapTerm(String term) {
            char[] out = new char[term.length()];
            for (int k = 0; k < out.length; k++) {
                out[k] = of(term.charAt(k));
            }
            return new String(out);
        }

        /** {@code text} in this alphabet's numbers, offset for offset. */
        CharSequence map(String text) {
            char[] out = new char[text.length()];
            for (int k = 0; k < out.length; k++) {
                out[k] = of(text.charAt(k));
            }
            return new Mapped(out);
        }
    }

    /** A text in an alphabet's numbers, read by the trie. */
    private record Mapped(char[] numbers) implements CharSequence {
        @Override
        public int length() {
            return numbers.length;
        }

        @Override
        public char charAt(int index) {
            return numbers[index];
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Mapped(java.util.Arrays.copyOfRange(numbers, start, end));
        }

        @Override
        public String toString() {
            return new String(numbers);
        }
    }

    /** Collects terms; later duplicates of a term keep every payload. */
    static final class Builder<T> {
        private final Map<String, List<Entry<T>>> entries = new TreeMap<>();
        private final UnaryOperator<String> normaliser;

        private Builder(UnaryOperator<String> normaliser) {
            this.normaliser = normaliser;
        }

        /** Adds {@code term} with {@code payload}; blank terms are ignored. */
        Builder<T> add(String term, T payload) {
            String raw = term.strip();
            boolean openStart = raw.startsWith("*");
            boolean openEnd = raw.endsWith("*") && raw.length() > 1;
            String core = raw.substring(openStart ? 1 : 0, raw.length() - (openEnd ? 1 : 0));
            String key = normaliser.apply(core).strip();
            if (key.isEmpty()) {
                return this;
            }
            int flags = 0;
            if (!openStart && spacedScript(key.codePointAt(0))) {
                flags |= NEED_START_BOUNDARY;
            }
            if (!openEnd && spacedScript(key.codePointBefore(key.length()))) {
                flags |= NEED_END_BOUNDARY;
            }
            entries.computeIfAbsent(key, k -> new ArrayList<>(1)).add(new Entry<>(raw, payload, flags));
            return this;
        }

        /** Adds every term with the same payload. */
        Builder<T> addAll(Iterable<String> terms, T payload) {
            for (String term : terms) {
                add(term, payload);
            }
            return this;
        }

        /** The lexicon of the terms added so far. */
        Lexicon<T> build() {
            AhoCorasickDoubleArrayTrie<List<Entry<T>>> trie = new AhoCorasickDoubleArrayTrie<>();
            Alphabet alphabet = Alphabet.of(entries.keySet());
            if (entries.isEmpty()) {
                return new Lexicon<>(trie, true, alphabet);
            }
            // the alphabet keeps the order of characters, so the terms keep their order (and their matches' order)
            TreeMap<String, List<Entry<T>>> frozen = new TreeMap<>();
            entries.forEach((key, list) ->
                    frozen.put(alphabet.mapTerm(key), Collections.unmodifiableList(new ArrayList<>(list))));
            trie.build(frozen);
            return new Lexicon<>(trie, false, alphabet);
        }
    }
}
