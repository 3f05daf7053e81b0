package dev.parley.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RepetitionTest {
    private static final PolicyChecker CHECKER = PolicyChecker.create(PolicyConfig.defaults());
    private static final String AD = "Flash sale this weekend: 30% off every hoodie, follow our shop for new arrivals!";
    private static final String THANKS = "Thank you for your order! It ships tomorrow and should arrive within 3 days.";

    private static Verdict check(String text, List<String> recent) {
        return CHECKER.check(new CheckRequest(text, true, null, List.of(), "Do you have any discounts?", recent, "SG"));
    }

    private static boolean spam(Verdict verdict) {
        return verdict.violations().stream().anyMatch(v -> v.rule() == Rule.PROHIBITED_USE && "spam".equals(v.kind()));
    }

    @Test
    void advertisingThatRepeatsARecentMessageIsSpamOverTheWholeText() {
        Verdict verdict = check(AD, List.of("Hello!", AD.replace("hoodie", "jacket")));
        assertThat(spam(verdict)).as("%s", verdict).isTrue();
        Violation v = verdict.violations().stream()
                .filter(x -> "spam".equals(x.kind()))
                .findFirst()
                .orElseThrow();
        assertThat(v.evidence()).isEqualTo(AD);
    }

    @Test
    void advertisingWithoutARepeatIsNotSpam() {
        assertThat(spam(check(AD, List.of("Hello!", THANKS)))).isFalse();
        assertThat(spam(check(AD, List.of())))
                .as("the buyer asked for discounts: no promotion, and nothing repeated")
                .isFalse();
    }

    @Test
    void aRepeatedTemplateThatIsNotAdvertisingIsNotSpam() {
        assertThat(CHECKER.advertising(THANKS)).isFalse();
        assertThat(spam(check(THANKS, List.of(THANKS, THANKS, THANKS)))).isFalse();
    }

    @Test
    void advertisingIsWhatThePromotionRuleFindsWhateverTheBuyerAsked() {
        assertThat(CHECKER.advertising(AD)).isTrue();
        assertThat(CHECKER.advertising("")).isFalse();
        assertThat(CHECKER.advertising("No sale right now, sorry; the price is as listed."))
                .isFalse();
    }

    @Test
    void nearCopiesRepeatAndDifferentTextsDoNot() {
        RepeatedText ad = RepeatedText.of(AD);
        assertThat(ad.repeats(RepeatedText.of("  " + AD.toUpperCase() + " "))).isTrue();
        assertThat(ad.repeats(RepeatedText.of(AD.replace("hoodie", "jacket")))).isTrue();
        assertThat(ad.repeats(RepeatedText.of(THANKS))).isFalse();
        assertThat(RepeatedText.of("ok!").comparable()).isFalse();
        assertThat(RepeatedText.of("ok!").repeats(RepeatedText.of("ok!")))
                .as("too short to compare")
                .isFalse();
    }
}
