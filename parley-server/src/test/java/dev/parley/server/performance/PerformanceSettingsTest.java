package dev.parley.server.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.core.evaluation.EvaluationSettings;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class PerformanceSettingsTest {

    private static PerformanceSettings settings(String countedHours, List<Integer> days, Duration grace) {
        return new PerformanceSettings(
                "default", Duration.ofHours(72), countedHours, 20, days, grace, Duration.ofMinutes(1), true);
    }

    @Test
    void theDefaultsAreTheRulesDefaults() {
        assertThat(settings("08:00-23:00", List.of(16, 1), Duration.ofMinutes(2))
                        .policy())
                .isEqualTo(EvaluationSettings.defaults());
    }

    @Test
    void countedHoursMayRunPastMidnight() {
        EvaluationSettings night =
                settings("22:00-06:00", List.of(1), Duration.ZERO).policy();
        assertThat(night.counts(LocalTime.of(23, 30))).isTrue();
        assertThat(night.counts(LocalTime.of(12, 0))).isFalse();
    }

    @Test
    void aBadSettingStopsTheServerAtStart() {
        assertThatThrownBy(() -> settings("8-23", List.of(1, 16), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("counted-hours");
        assertThatThrownBy(() -> settings("08:00-23:00", List.of(0), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> settings("08:00-23:00", List.of(1), Duration.ofMinutes(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("grace");
    }
}
