package dev.parley.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * For any Unicode input (surrogate pairs, lone surrogates, combining marks, right-to-left and control characters,
 * fragments of evasive contact spellings, up to 100,000 characters) normalisation and the whole checker never throw,
 * every view maps back to monotone offsets inside the text, and every evidence range lies inside the text, does not
 * split a surrogate pair and is exactly the substring it names.
 */
class PolicyRobustnessProperties {
    private static final PolicyChecker CHECKER = PolicyChecker.create(PolicyConfig.defaults());
    private static final List<String> FRAGMENTS = List.of(
            "w h a t s a p p",
            "+1 415 555 0137",
            "\u200b",
            "\u200d",
            "\u202e",
            "\u0301",
            "\u0335",
            "๑๒๓",
            "零九一二",
            "four one five",
            "@",
            ".",
            " dot ",
            " at ",
            "(dot)",
            "艾特",
            "点",
            "http://",
            "www.",
            "gmаil",
            "4️⃣",
            "⓪",
            "🔟",
            "😀",
            "\uD83D",
            "\uDE00",
            "\u0000",
            "\n",
            "\t",
            "LINE",
            "加我",
            "ไลน์",
            "IBAN GB29 NWBK 6016 1331 9268 19",
            "4111 1111 1111 1111",
            "BCA 8720123456",
            "outside the app",
            "tienda física calle 4",
            ".apk",
            "x.com/a",
            "ا",
            "עברית",
            "ꦱ",
            "𝐀",
            "ﷺ",
            "ß",
            "İ",
            "ǅ",
            "ﬁ");

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> any = Arbitraries.strings().all().ofMaxLength(40);
        Arbitrary<String> fragment = Arbitraries.of(FRAGMENTS);
        Arbitrary<String> piece = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, any),
                net.jqwik.api.Tuple.of(4, fragment),
                net.jqwik.api.Tuple.of(
                        1,
                        Arbitraries.strings()
                                .withCharRange('0', '9')
                                .withChars(' ', '-', '.', '(', ')', '+')
                                .ofMaxLength(30)));
        return piece.list().ofMaxSize(30).map(parts -> String.join("", parts));
    }

    @Provide
    Arbitrary<String> hugeTexts() {
        return texts().list().ofMinSize(1).ofMaxSize(5).map(parts -> {
            String seed = String.join(" ", parts) + " ";
            StringBuilder sb = new StringBuilder(100_000);
            while (sb.length() < 100_000) {
                sb.append(seed.isBlank() ? "w h a t s a p p 0 1 2 " : seed);
            }
            sb.setLength(100_000);
            if (Character.isHighSurrogate(sb.charAt(sb.length() - 1))) {
                sb.setLength(sb.length() - 1);
            }
            return sb.toString();
        });
    }

    @Property(tries = 400)
    void everyViewMapsBackToMonotoneOffsetsInsideTheText(@ForAll("texts") String text) {
        NormalizedText base = NormalizedText.of(text);
        for (NormalizedText view : List.of(base, base.digits(), base.skeleton())) {
            assertMonotone(view, text);
        }
    }

    @Property(tries = 400)
    void theCheckerNeverThrowsAndEvidenceIsExactlyTheRangeItNames(@ForAll("texts") String text) {
        assertVerdictWellFormed(text, CHECKER.check(CheckRequest.ofText(text)));
    }

    @Property(tries = 4)
    void hundredThousandCharacterTextsAreJudged(@ForAll("hugeTexts") String text) {
        assertVerdictWellFormed(text, CHECKER.check(CheckRequest.ofText(text)));
        assertMonotone(NormalizedText.of(text).skeleton(), text);
    }

    static void assertMonotone(NormalizedText view, String text) {
        int lastStart = 0;
        int lastEnd = 0;
        for (int i = 0; i < view.length(); i++) {
            int s = view.originalStart(i);
            int e = view.originalEnd(i + 1);
            assertThat(s).isBetween(0, text.length());
            assertThat(e).isBetween(s, text.length());
            assertThat(s).isGreaterThanOrEqualTo(lastStart);
            assertThat(e).isGreaterThanOrEqualTo(lastEnd);
            lastStart = s;
            lastEnd = e;
        }
    }

    static void assertVerdictWellFormed(String text, Verdict verdict) {
        for (Violation v : verdict.violations()) {
            if (!v.located()) {
                assertThat(v.evidence()).isNull();
                continue;
            }
            int s = v.start();
            int e = v.end();
            assertThat(s).isGreaterThanOrEqualTo(0).isLessThan(e);
            assertThat(e).isLessThanOrEqualTo(text.length());
            assertThat(v.evidence()).isEqualTo(text.substring(s, e)).isNotBlank();
            assertThat(s > 0
                            && Character.isHighSurrogate(text.charAt(s - 1))
                            && Character.isLowSurrogate(text.charAt(s)))
                    .as("evidence starts inside a surrogate pair")
                    .isFalse();
            assertThat(e < text.length()
                            && Character.isHighSurrogate(text.charAt(e - 1))
                            && Character.isLowSurrogate(text.charAt(e)))
                    .as("evidence ends inside a surrogate pair")
                    .isFalse();
        }
    }
}
