package dev.parley.server.cases.internal;

import dev.parley.server.cases.MailSettings;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Delivers the outbox through Spring's {@link JavaMailSender} when SMTP is configured ({@code spring.mail.host}): every
 * {@code parley.mail.poll-interval}, and as soon as a transaction that stored a notice commits. Each due notice is
 * claimed by one conditional update, so that one node of a cluster sends it; a failure is retried after a backoff that
 * doubles, up to {@code parley.mail.max-attempts}, then marked {@code FAILED}. A claimed notice a node did not finish
 * (it stopped) may be claimed again after {@code parley.mail.claim-for}.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class OutboxSender implements SchedulingConfigurer {
    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    private static final int BATCH = 20;

    private final OutboxStore store;
    private final MailSettings settings;
    private final @Nullable JavaMailSender mail;
    private final Clock clock;
    private final String node = "mail-" + UUID.randomUUID();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

    OutboxSender(
            OutboxStore store,
            MailSettings settings,
            ObjectProvider<JavaMailSender> mail,
            Environment environment,
            Clock clock) {
        this.store = store;
        this.settings = settings;
        String host = environment.getProperty("spring.mail.host");
        this.mail = host == null || host.isBlank() ? null : mail.getIfAvailable();
        this.clock = clock;
        if (this.mail == null) {
            log.info("no SMTP host (spring.mail.host): e-mail notices are kept in the outbox");
        }
    }

    /** Whether notices are sent (SMTP configured), rather than kept. */
    boolean enabled() {
        return mail != null;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (mail != null) {
            registrar.addFixedDelayTask(this::wake, settings.pollInterval());
        }
    }

    /** Sends what is due, on a virtual thread of its own (a slow SMTP server holds up no scheduler). */
    void wake() {
        if (mail != null) {
            Thread.ofVirtual().name("outbox-wake").start(this::drain);
        }
    }

    /** Sends every due notice this node can claim; one drain at a time per node. */
    void drain() {
        JavaMailSender sender = mail;
        if (sender == null) {
            return;
        }
        again.set(true);
        while (again.get() && running.compareAndSet(false, true)) {
            try {
                again.set(false);
                List<String> due;
                do {
                    Instant now = clock.instant();
                    due = store.due(now, BATCH);
                    for (String id : due) {
                        if (store.claim(id, node, now, now.plus(settings.claimFor()))) {
                            store.find(id).ifPresent(m -> send(sender, m));
                        }
                    }
                } while (due.size() == BATCH);
            } catch (RuntimeException e) {
                log.warn("outbox: sending failed; it tries again in {}: {}", settings.pollInterval(), e.toString());
            } finally {
                running.set(false);
            }
        }
    }

    private void send(JavaMailSender sender, OutboxStore.MailRow m) {
        try {
            sender.send((MimeMessage mime) -> {
                MimeMessageHelper message = new MimeMessageHelper(mime, StandardCharsets.UTF_8.name());
                message.setFrom(m.fromAddress());
                message.setTo(m.toAddress());
                message.setSubject(m.subject());
                message.setText(m.body());
            });
            store.sent(m.id(), node, clock.instant());
        } catch (MailException e) {
            boolean permanent = e instanceof MailParseException
                    || e instanceof MailPreparationException
                    || e instanceof MailAuthenticationException;
            Instant retryAt = permanent || m.attempts() >= settings.maxAttempts()
                    ? null
                    : clock.instant().plus(settings.backoffAfter(m.attempts()));
            String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            store.failed(m.id(), node, error.length() > 2000 ? error.substring(0, 2000) : error, retryAt);
            log.warn(
                    "outbox: notice {} to {} not sent (attempt {}): {}{}",
                    m.id(),
                    m.toAddress(),
                    m.attempts(),
                    error,
                    retryAt == null ? "; marked FAILED" : "; retried at " + retryAt);
        }
    }
}
