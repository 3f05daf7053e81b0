package dev.parley.server.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The e-mail settings: the backoff between attempts, and the values refused at start. */
class MailSettingsTest {

    private static MailSettings settings(String from, int maxAttempts, Duration poll) {
        return new MailSettings(
                from,
                "https://parley.example/",
                poll,
                maxAttempts,
                Duration.ofSeconds(30),
                Duration.ofMinutes(3),
                Duration.ofMinutes(2));
    }

    @Test
    void theBackoffDoublesAfterEachFailedAttemptUpToItsCap() {
        MailSettings s = settings("ecommerce@parley.example", 5, Duration.ofSeconds(5));
        assertThat(s.backoffAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.backoffAfter(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(s.backoffAfter(3)).isEqualTo(Duration.ofMinutes(2));
        assertThat(s.backoffAfter(4)).isEqualTo(Duration.ofMinutes(3));
        assertThat(s.backoffAfter(40)).isEqualTo(Duration.ofMinutes(3));
        assertThat(s.baseUrl()).as("links are joined without a double slash").isEqualTo("https://parley.example");
    }

    @Test
    void aMissingSenderAddressNoAttemptsOrNoPollingAreRefused() {
        assertThatThrownBy(() -> settings("", 5, Duration.ofSeconds(5))).hasMessageContaining("parley.mail.from");
        assertThatThrownBy(() -> settings("ecommerce", 5, Duration.ofSeconds(5)))
                .hasMessageContaining("parley.mail.from");
        assertThatThrownBy(() -> settings("ecommerce@parley.example", 0, Duration.ofSeconds(5)))
                .hasMessageContaining("max-attempts");
        assertThatThrownBy(() -> settings("ecommerce@parley.example", 5, Duration.ZERO))
                .hasMessageContaining("poll-interval");
    }
}
