package dev.parley.server.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cases settings: defaults, overrides per rule, and the values refused at start. */
class CasesSettingsTest {
    private static final CasesSettings.ResponseRate RATE =
            new CasesSettings.ResponseRate(0.8, EnforcementKind.WARNING, Duration.ofDays(7));

    private static CasesSettings settings(Map<String, Integer> points, List<CasesSettings.Threshold> thresholds) {
        return new CasesSettings(points, Duration.ofDays(90), thresholds, RATE, Duration.ofMinutes(1), 50, 5);
    }

    @Test
    void everyCatalogueRuleHasDefaultPointsAndAnOverrideReplacesOnlyItsRule() {
        CasesSettings s = settings(Map.of("language_mismatch", 3), List.of());
        assertThat(s.pointsFor("language_mismatch")).isEqualTo(3);
        assertThat(s.pointsFor("off_platform_contact")).isEqualTo(4);
        for (dev.parley.core.policy.Rule rule : dev.parley.core.policy.Rule.values()) {
            assertThat(CasesSettings.DEFAULT_POINTS).containsKey(rule.id());
        }
    }

    @Test
    void withoutThresholdsTheDefaultsApplyAndGivenOnesAreSortedByPoints() {
        assertThat(settings(Map.of(), List.of()).thresholds()).isEqualTo(CasesSettings.DEFAULT_THRESHOLDS);
        CasesSettings s = settings(
                Map.of(),
                List.of(
                        new CasesSettings.Threshold(30, EnforcementKind.SUSPENSION, Duration.ofDays(1)),
                        new CasesSettings.Threshold(5, EnforcementKind.WARNING, null)));
        assertThat(s.thresholds()).extracting(CasesSettings.Threshold::points).containsExactly(5, 30);
    }

    @Test
    void anUnknownRuleANegativeScoreAndTwoThresholdsAtOneScoreAreRefused() {
        assertThatThrownBy(() -> settings(Map.of("rudeness", 2), List.of())).hasMessageContaining("no rule 'rudeness'");
        assertThatThrownBy(() -> settings(Map.of("abusive_language", -1), List.of()))
                .hasMessageContaining("abusive_language");
        assertThatThrownBy(() -> settings(
                        Map.of(),
                        List.of(
                                new CasesSettings.Threshold(5, EnforcementKind.WARNING, null),
                                new CasesSettings.Threshold(5, EnforcementKind.WARNING, null))))
                .hasMessageContaining("two thresholds at 5");
    }

    @Test
    void aHoldOrSuspensionNeedsADurationAndTheTargetIsARate() {
        assertThatThrownBy(() -> new CasesSettings.Threshold(10, EnforcementKind.HOLD_ALL, null))
                .hasMessageContaining("positive duration");
        assertThatThrownBy(() -> new CasesSettings.ResponseRate(1.5, EnforcementKind.WARNING, null))
                .hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> new CasesSettings.ResponseRate(0.5, EnforcementKind.SUSPENSION, Duration.ZERO))
                .hasMessageContaining("positive duration");
        assertThatThrownBy(
                        () -> new CasesSettings(Map.of(), Duration.ZERO, List.of(), RATE, Duration.ofMinutes(1), 50, 5))
                .hasMessageContaining("points-expire-after");
    }
}
