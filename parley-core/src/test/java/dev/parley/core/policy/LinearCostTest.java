package dev.parley.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Adversarial 100,000-character texts are judged within a generous absolute bound (a quadratic pass over them would
 * take minutes), and every view stays linear in size. The JMH size sweep in parley-bench reports time per character.
 */
class LinearCostTest {
    private static final PolicyChecker CHECKER = PolicyChecker.create(PolicyConfig.defaults());
    private static final int SIZE = 100_000;
    private static final Duration GENEROUS = Duration.ofSeconds(20);

    private static String repeat(String unit) {
        StringBuilder sb = new StringBuilder(SIZE + unit.length());
        while (sb.length() < SIZE) {
            sb.append(unit);
        }
        sb.setLength(SIZE);
        return sb.toString();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "a ",
                "1 ",
                "1-",
                "@",
                ".",
                "a.",
                "a@",
                "w h a t s a p p ",
                "one ",
                "零",
                "หนึ่ง",
                "\u0301",
                "a\u0301",
                "http://",
                "//a.",
                "dot ",
                " at ",
                "(dot)",
                "whatsapp ",
                "加我",
                "1111",
                "4111 1111 1111 1111 ",
                "gb29 ",
                "aaaa",
                "a1",
                "ไม่ใช้ไลน์",
                "\u200b",
                "+",
                "(",
                "$",
                "x.com/",
                "a-",
                "\"",
                "@a.",
                "0.0.0.0."
            })
    void adversarialTextsAreJudgedInBoundedTime(String unit) {
        String text = repeat(unit);
        Verdict verdict = assertTimeoutPreemptively(GENEROUS, () -> CHECKER.check(CheckRequest.ofText(text)));
        PolicyRobustnessProperties.assertVerdictWellFormed(text, verdict);
        NormalizedText base = NormalizedText.of(text);
        assertThat(base.length()).isLessThanOrEqualTo(4 * SIZE);
        assertThat(base.digits().length()).isLessThanOrEqualTo(base.length() + 16);
        assertThat(base.skeleton().length()).isLessThanOrEqualTo(2 * base.length() + 16);
    }
}
