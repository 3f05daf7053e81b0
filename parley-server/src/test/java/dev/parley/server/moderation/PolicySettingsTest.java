package dev.parley.server.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PolicySettingsTest {
    private static final PolicySettings.Repetition REPETITION =
            new PolicySettings.Repetition(Duration.ofHours(24), 3, 200);
    private static final PolicySettings.DryRun DRY_RUN =
            new PolicySettings.DryRun(90, 20_000, 500, Duration.ofSeconds(60));

    @Test
    void aBlankFileMeansTheBuiltInPolicy() {
        assertThat(new PolicySettings("  ", Duration.ofSeconds(2), REPETITION, DRY_RUN).file())
                .isNull();
        assertThat(new PolicySettings("/etc/parley/policy.yaml", Duration.ofSeconds(2), REPETITION, DRY_RUN).file())
                .isEqualTo("/etc/parley/policy.yaml");
    }

    @Test
    void badSettingsStopTheServerAtStart() {
        assertThatThrownBy(() -> new PolicySettings(null, Duration.ZERO, REPETITION, DRY_RUN))
                .hasMessageContaining("refresh");
        assertThatThrownBy(() -> new PolicySettings.Repetition(Duration.ofHours(24), 1, 200))
                .hasMessageContaining("buyers");
        assertThatThrownBy(() -> new PolicySettings.Repetition(Duration.ofHours(24), 3, 201))
                .hasMessageContaining("max-texts");
        assertThatThrownBy(() -> new PolicySettings.Repetition(Duration.ZERO, 3, 200))
                .hasMessageContaining("window");
        assertThatThrownBy(() -> new PolicySettings.DryRun(0, 20_000, 500, Duration.ofSeconds(60)))
                .hasMessageContaining("dry-run");
    }
}
