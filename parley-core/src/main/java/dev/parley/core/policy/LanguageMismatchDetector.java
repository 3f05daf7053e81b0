package dev.parley.core.policy;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * A message written in a language other than the listing's (clause 3.1).
 *
 * <p>Judged only on the words that carry the language: names (capitalised words inside a sentence), codes and words
 * glued to digits, numbers, links, e-mail addresses, handles and emoji are set aside, and what is left must have at
 * least four words and twenty letters. Text that mixes in the listing's language is not a mismatch.
 *
 * <p>Cheap signals decide first: the script (Thai, Han) for Thai and Chinese listings and for Latin listings answered
 * in another script; Vietnamese letters; Spanish accents and punctuation; function words of English, Indonesian/Malay,
 * Spanish and Tagalog. Only a Latin-script text that none of them settles goes to Lingua, restricted to the eight
 * marketplace languages, built once on first use in low-accuracy mode and shared, and only a clear preference for
 * another language counts; a text with a word of the listing's language and none that clearly points elsewhere is not
 * sent to Lingua. The finding covers the judged text, from its first to its last judged letter.
 */
final class LanguageMismatchDetector implements Detector {
    private static final LongAdder LINGUA_CALLS = new LongAdder();
    private static final double LINGUA_MARGIN = 0.75;

    /** The marketplace languages; Indonesian and Malay, Chinese scripts, Filipino and Tagalog are one each. */
    enum Lang {
        EN,
        ID,
        ZH,
        TH,
        VI,
        ES,
        TL
    }

    private static final Lang[] LANGS = Lang.values();
    private static final Map<String, Lang[]> FUNCTION_WORDS = functionWords();

    @Override
    public void detect(Message message, java.util.List<Finding> findings) {
        Listing listing = message.request().listing();
        if (listing == null || listing.language() == null) {
            return;
        }
        Optional<Lang> expected = group(listing.language());
        if (expected.isEmpty()) {
            return;
        }
        JudgedText judged = JudgedText.of(message.text());
        if (judged.words() < 4 || judged.letters() < 20) {
            return;
        }
        if (mismatch(judged, expected.get())) {
            findings.add(new Finding(Rule.LANGUAGE_MISMATCH, null, judged.start(), judged.end()));
        }
    }

    /** The marketplace language a BCP 47 tag names, if it is one. */
    static Optional<Lang> group(String tag) {
        String lower = tag.strip().toLowerCase(Locale.ROOT);
        int cut = 0;
        while (cut < lower.length() && lower.charAt(cut) != '-' && lower.charAt(cut) != '_') {
            cut++;
        }
        String primary = lower.substring(0, cut);
        return Optional.ofNullable(
                switch (primary) {
                    case "en" -> Lang.EN;
                    case "id", "ms", "in", "zsm" -> Lang.ID;
                    case "zh", "cmn", "yue" -> Lang.ZH;
                    case "th" -> Lang.TH;
                    case "vi" -> Lang.VI;
                    case "es" -> Lang.ES;
                    case "fil", "tl" -> Lang.TL;
                    default -> null;
                });
    }

    /** How many texts have been handed to Lingua since start. */
    static long linguaCalls() {
        return LINGUA_CALLS.sum();
    }

    static boolean mismatch(JudgedText text, Lang expected) {
        int letters = text.letters();
        switch (expected) {
            case TH -> {
                return text.thai() < 2 && text.thai() < 0.15 * letters;
            }
            case ZH -> {
                return text.han() < 2 && text.han() < 0.15 * letters;
            }
            default -> {
                // a Latin-script listing language
            }
        }
        int[] scores = scores(text);
        int own = scores[expected.ordinal()];
        if (own >= 2 || (expected == Lang.VI && text.vietnameseLetters() >= 2)) {
            return false;
        }
        if (text.latin() < 0.3 * letters) {
            return true;
        }
        if (expected != Lang.VI && text.vietnameseLetters() >= 3) {
            return true;
        }
        int latinWords = text.latinWords().size();
        for (Lang lang : LANGS) {
            int score = scores[lang.ordinal()];
            if (lang != expected && score >= 2 && score > own && score >= 0.25 * latinWords) {
                return true;
            }
        }
        return own == 0 && linguaSays(text, expected);
    }

    /** The number of function words of each language (by ordinal), and Spanish letters as up to two more. */
    private static int[] scores(JudgedText text) {
        int[] scores = new int[LANGS.length];
        for (String word : text.latinWords()) {
            Lang[] langs = FUNCTION_WORDS.get(word);
            if (langs != null) {
                for (Lang lang : langs) {
                    scores[lang.ordinal()]++;
                }
            }
        }
        if (text.vietnameseLetters() == 0 && text.spanishLetters() > 0) {
            scores[Lang.ES.ordinal()] += Math.min(2, text.spanishLetters());
        }
        return scores;
    }

    /**
     * Whether Lingua, given the judged words, clearly prefers another language: the listing's language must score below
     * {@value #LINGUA_MARGIN} of the best one (Lingua's confidence values are relative to the most likely language).
     */
    private static boolean linguaSays(JudgedText text, Lang expected) {
        LINGUA_CALLS.increment();
        Map<Language, Double> confidence =
                Lingua.DETECTOR.computeLanguageConfidenceValues(String.join(" ", text.latinWords()));
        double own = 0;
        Lang best = null;
        double bestValue = 0;
        for (Map.Entry<Language, Double> e : confidence.entrySet()) {
            Lang lang = of(e.getKey());
            if (lang == expected) {
                own = Math.max(own, e.getValue());
            }
            if (lang != null && e.getValue() > bestValue) {
                best = lang;
                bestValue = e.getValue();
            }
        }
        return best != null && best != expected && own < LINGUA_MARGIN * bestValue;
    }

    private static @Nullable Lang of(Language language) {
        return switch (language) {
            case ENGLISH -> Lang.EN;
            case INDONESIAN, MALAY -> Lang.ID;
            case CHINESE -> Lang.ZH;
            case THAI -> Lang.TH;
            case VIETNAMESE -> Lang.VI;
            case SPANISH -> Lang.ES;
            case TAGALOG -> Lang.TL;
            default -> null;
        };
    }

    /** Loads Lingua before the first message needs it (about half a second in low-accuracy mode). */
    static void preload() {
        Lingua.DETECTOR.hashCode();
    }

    private static Map<String, Lang[]> functionWords() {
        Map<String, Lang[]> words = new HashMap<>();
        for (LexiconResource.Line line : LexiconResource.read("language-words")) {
            Set<Lang> langs = EnumSet.noneOf(Lang.class);
            for (String code : line.payload().split(",")) {
                group(code).ifPresent(langs::add);
            }
            words.put(line.term(), langs.toArray(Lang[]::new));
        }
        return Map.copyOf(words);
    }

    /** The Lingua detector, built on first use and shared (it is thread-safe). */
    private static final class Lingua {
        static final LanguageDetector DETECTOR = LanguageDetectorBuilder.fromLanguages(
                        Language.ENGLISH,
                        Language.CHINESE,
                        Language.INDONESIAN,
                        Language.MALAY,
                        Language.THAI,
                        Language.VIETNAMESE,
                        Language.SPANISH,
                        Language.TAGALOG)
                .withLowAccuracyMode()
                .withPreloadedLanguageModels()
                .build();
    }
}
