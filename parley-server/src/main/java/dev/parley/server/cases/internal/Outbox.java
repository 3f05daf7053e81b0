package dev.parley.server.cases.internal;

import dev.parley.server.accounts.Actor;
import dev.parley.server.cases.MailSettings;
import dev.parley.server.shared.TimeOrderedIds;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The e-mail outbox: every notice is stored first, in the transaction of what it tells, from the platform's address
 * ({@code parley.mail.from}); {@link OutboxSender} delivers it when SMTP is configured, else it is kept for staff to
 * read. Staff (reviewers and arbitrators) read it newest first.
 */
@Service
class Outbox {
    private final OutboxStore store;
    private final OutboxSender sender;
    private final MailSettings settings;
    private final Access access;
    private final TimeOrderedIds ids;
    private final Clock clock;

    Outbox(
            OutboxStore store,
            OutboxSender sender,
            MailSettings settings,
            Access access,
            TimeOrderedIds ids,
            Clock clock) {
        this.store = store;
        this.sender = sender;
        this.settings = settings;
        this.access = access;
        this.ids = ids;
        this.clock = clock;
    }

    /** A notice as staff read it. */
    record MailView(
            String id,
            String kind,
            @Nullable String subjectRef,
            @Nullable String toUserId,
            String to,
            String from,
            String subject,
            String body,
            String status,
            int attempts,
            Instant createdAt,
            @Nullable Instant nextAttemptAt,
            @Nullable Instant sentAt,
            @Nullable String error) {

        static MailView of(OutboxStore.MailRow m) {
            return new MailView(
                    m.id(),
                    m.kind(),
                    m.subjectRef(),
                    m.toUserId(),
                    m.toAddress(),
                    m.fromAddress(),
                    m.subject(),
                    m.body(),
                    m.status(),
                    m.attempts(),
                    m.createdAt(),
                    m.status().equals("PENDING") ? m.nextAttemptAt() : null,
                    m.sentAt(),
                    m.error());
        }
    }

    /**
     * Stores a notice to {@code toAddress} ({@code PENDING} with SMTP, else {@code KEPT}); with SMTP the sender is woken
     * once the surrounding transaction commits. A notice of the same kind and subject to the same address is stored
     * once: the call returns false when it was stored before.
     */
    boolean enqueue(
            String kind, String subjectRef, @Nullable String toUserId, String toAddress, String subject, String body) {
        if (store.exists(kind, subjectRef, toAddress)) {
            return false;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        boolean smtp = sender.enabled();
        String id = ids.next();
        store.insert(new OutboxStore.MailRow(
                id,
                kind,
                subjectRef,
                toUserId,
                toAddress,
                settings.from(),
                subject,
                body,
                smtp ? "PENDING" : "KEPT",
                0,
                now,
                smtp ? now : null,
                null,
                null));
        if (smtp) {
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        sender.wake();
                    }
                });
            } else {
                sender.wake();
            }
        }
        return true;
    }

    /** {@code GET /review/outbox}: notices newest first, to one address if {@code to} is given. */
    Pages.Page<MailView> page(
            Actor actor,
            @Nullable String to,
            @Nullable String status,
            @Nullable String cursor,
            @Nullable Integer limit) {
        access.reviewerOrArbitrator(actor, "read the e-mail outbox");
        int size = Pages.limit(limit);
        String wanted = status == null || status.isBlank()
                ? null
                : Standings.status(status, "PENDING", "SENDING", "SENT", "FAILED", "KEPT");
        List<OutboxStore.MailRow> rows =
                store.page(to == null || to.isBlank() ? null : to.strip(), wanted, Pages.position(cursor), size + 1);
        return Pages.of(rows, size, MailView::of, OutboxStore.MailRow::createdAt, OutboxStore.MailRow::id);
    }
}
