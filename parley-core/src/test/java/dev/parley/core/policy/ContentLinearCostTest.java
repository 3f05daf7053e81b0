package dev.parley.core.policy;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * 100,000-character texts dense with the concepts and figures the content and language rules combine are judged within
 * a generous absolute bound, with a listing, a buyer's text and many recent messages: every rule looks only at the hits
 * inside its window, so a quadratic pairing (which would take minutes here) cannot hide in them.
 */
class ContentLinearCostTest {
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
                "you stupid ",
                "stupid dumb ",
                "review 5 stars please refund $3 ",
                "delete your review ",
                "warranty 3 months return 2 days ",
                "no returns ",
                "price $9.99 now 30% off ",
                "sale voucher ",
                "FLASH SALE! ",
                "send me the otp ",
                "你是87嗎",
                "ควายจริงๆ",
                "保修三个月退货3天",
                "giá 5 sao ",
                "Rp 1.000 ",
                "f u c k ",
                "sh1t ",
                "s.t.u.p.i.d ",
                "answer me ",
                "the shop next door sells fakes ",
                "I'll come to your house ",
                "send me a pic wearing lingerie 😏 ",
                "your race typical ",
                "Terima kasih kak ",
                "5*"
            })
    void denseTextsAreJudgedInBoundedTime(String unit) {
        String text = repeat(unit);
        String recent = repeat(unit).substring(0, 2_000);
        CheckRequest request = new CheckRequest(
                text,
                true,
                ContentChecks.listing("en"),
                List.of(),
                repeat("any discount? "),
                Collections.nCopies(200, recent),
                null);
        Verdict verdict = assertTimeoutPreemptively(GENEROUS, () -> CHECKER.check(request));
        PolicyRobustnessProperties.assertVerdictWellFormed(text, verdict);
    }
}
