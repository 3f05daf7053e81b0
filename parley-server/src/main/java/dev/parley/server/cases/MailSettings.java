package dev.parley.server.cases;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The e-mail notices of the outbox ({@code parley.mail.*}). SMTP itself is Spring's {@code spring.mail.*} ({@code
 * PARLEY_SMTP_HOST}, …): without a host, notices are kept in the outbox for staff to read.
 *
 * @param from the platform's address notices come from (the rules' e-commerce mailbox)
 * @param baseUrl where the pages are served, for the links in notices
 * @param pollInterval how often a node looks for notices to send
 * @param maxAttempts attempts before a notice is marked {@code FAILED}
 * @param backoff the wait after the first failed attempt, doubled after each further one
 * @param maxBackoff the longest wait between attempts
 * @param claimFor how long a node may take to send a notice it claimed before another node may claim it again
 */
@ConfigurationProperties("parley.mail")
public record MailSettings(
        @DefaultValue("ecommerce@parley.example") String from,
        @DefaultValue("http://localhost:8080") String baseUrl,
        @DefaultValue("5s") Duration pollInterval,
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("30s") Duration backoff,
        @DefaultValue("1h") Duration maxBackoff,
        @DefaultValue("2m") Duration claimFor) {

    public MailSettings {
        if (from.isBlank() || !from.contains("@")) {
            throw new IllegalArgumentException("parley.mail.from: an e-mail address");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("parley.mail.max-attempts: at least 1");
        }
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("parley.mail.poll-interval: positive");
        }
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** The wait after {@code attempts} failed attempts. */
    public Duration backoffAfter(int attempts) {
        Duration wait = backoff;
        for (int i = 1; i < attempts && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
