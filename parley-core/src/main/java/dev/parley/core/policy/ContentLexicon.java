package dev.parley.core.policy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The concept lexicons of the content rules ({@code lexicon/content-*.txt}), compiled into one Aho–Corasick automaton
 * over {@link ContentText}, so that one pass over a message finds every concept.
 *
 * <p>A term may hold alternatives in braces ({@code {5|five} star}); terms of a {@link Concept#masked() masked}
 * concept also match with letters hidden ("f*ck", "b**ch", "fvck"). Operators add terms through
 * {@link PolicyConfig#extraTerms()} under a file's name ({@code content-abuse}), each with its concept as the payload
 * ({@code {term: "gremlin brain", payload: INSULT}} in the policy file); a term without a known concept is refused.
 */
final class ContentLexicon {
    static final List<String> NAMES = List.of(
            "content-common",
            "content-abuse",
            "content-review",
            "content-promotion",
            "content-prohibited",
            "content-terms");

    private static final Lexicon<Concept> DEFAULT = build(PolicyConfig.defaults());

    private ContentLexicon() {}

    /** The lexicon for {@code config}: the built-in one unless the configuration adds content terms. */
    static Lexicon<Concept> forConfig(PolicyConfig config) {
        return NAMES.stream().anyMatch(config.extraTerms()::containsKey) ? build(config) : DEFAULT;
    }

    /** The built-in lexicon. */
    static Lexicon<Concept> defaults() {
        return DEFAULT;
    }

    private static Lexicon<Concept> build(PolicyConfig config) {
        Lexicon.Builder<Concept> builder = Lexicon.builder(ContentText::fold);
        for (String name : NAMES) {
            for (LexiconResource.Line line : LexiconResource.read(name, config)) {
                add(builder, line.term(), line.payload(), name);
            }
        }
        return builder.build();
    }

    private static void add(Lexicon.Builder<Concept> builder, String term, String payload, String source) {
        if (payload.isBlank()) {
            throw new IllegalStateException("\"" + term + "\" in " + source + " needs a concept (term<TAB>CONCEPT)");
        }
        for (String name : payload.split(",")) {
            Concept concept;
            try {
                concept = Concept.valueOf(name.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(
                        "unknown concept \"" + name + "\" for \"" + term + "\" in " + source, e);
            }
            for (String expanded : expand(term)) {
                for (String variant : concept.masked() ? masked(expanded) : List.of(expanded)) {
                    for (String script : chineseScripts(variant)) {
                        builder.add(script, concept);
                    }
                }
            }
        }
    }

    /**
     * The term as written and, when it holds two Han characters or more, also in simplified and in traditional
     * characters (ICU's transliterators), so that a term written in one script finds the message written in the other.
     */
    static Set<String> chineseScripts(String term) {
        Set<String> out = new LinkedHashSet<>();
        out.add(term);
        // one character is too ambiguous across the scripts ("幹", an insult, is "干", dry or do, in simplified)
        if (term.codePoints()
                        .filter(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)
                        .count()
                >= 2) {
            synchronized (ContentLexicon.class) {
                out.add(Scripts.TO_SIMPLIFIED.transliterate(term));
                out.add(Scripts.TO_TRADITIONAL.transliterate(term));
            }
        }
        return out;
    }

    /** ICU's Chinese script transliterators, made on first use (they are not thread-safe: used under a lock). */
    private static final class Scripts {
        static final com.ibm.icu.text.Transliterator TO_SIMPLIFIED =
                com.ibm.icu.text.Transliterator.getInstance("Traditional-Simplified");
        static final com.ibm.icu.text.Transliterator TO_TRADITIONAL =
                com.ibm.icu.text.Transliterator.getInstance("Simplified-Traditional");
    }

    /** Expands every {@code {a|b|}} group of {@code term} into its alternatives. */
    static List<String> expand(String term) {
        int open = term.indexOf('{');
        int close = open < 0 ? -1 : term.indexOf('}', open);
        if (close < 0) {
            return List.of(term);
        }
        List<String> out = new ArrayList<>();
        String head = term.substring(0, open);
        for (String tail : expand(term.substring(close + 1))) {
            for (String alternative : term.substring(open + 1, close).split("\\|", -1)) {
                out.add(head + alternative + tail);
            }
        }
        return out;
    }

    /**
     * The term with its common disguises: one inner vowel or every inner vowel or every inner letter hidden by an
     * asterisk, and u written as v, for single Latin words of four letters or more.
     */
    static Set<String> masked(String term) {
        Set<String> out = new LinkedHashSet<>();
        out.add(term);
        boolean openStart = term.startsWith("*");
        boolean openEnd = term.endsWith("*") && term.length() > 1;
        String core = term.substring(openStart ? 1 : 0, term.length() - (openEnd ? 1 : 0));
        if (core.length() < 4 || !core.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
            return out;
        }
        String prefix = openStart ? "*" : "";
        String suffix = openEnd ? "*" : "";
        char[] letters = core.toCharArray();
        char[] allVowels = core.toCharArray();
        char[] allInner = core.toCharArray();
        for (int i = 1; i < letters.length - 1; i++) {
            allInner[i] = '*';
            if ("aeiou".indexOf(letters[i]) >= 0) {
                char[] one = core.toCharArray();
                one[i] = '*';
                out.add(prefix + new String(one) + suffix);
                allVowels[i] = '*';
            }
        }
        out.add(prefix + new String(allVowels) + suffix);
        out.add(prefix + new String(allInner) + suffix);
        if (core.indexOf('u') >= 0) {
            out.add(prefix + core.replace('u', 'v') + suffix);
        }
        return out;
    }
}
