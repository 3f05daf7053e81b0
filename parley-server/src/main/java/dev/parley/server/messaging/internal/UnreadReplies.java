package dev.parley.server.messaging.internal;

import dev.parley.server.messaging.MessageDelivered;
import dev.parley.server.messaging.ReplyUnread;
import dev.parley.server.messaging.Sender;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Notices replies the buyer leaves unread: a reply delivered to the buyer opens a {@code reply_notice} (one per
 * conversation, kept from the first unread reply); when it falls due and the buyer still has unread messages, the node
 * that claims the row (deletes it) publishes {@link ReplyUnread} for the outbox.
 */
@Component
class UnreadReplies {
    private static final Logger log = LoggerFactory.getLogger(UnreadReplies.class);
    private static final int BATCH = 200;
    private final JdbcClient jdbc;
    private final MessagingStore store;
    private final Clock clock;
    private final ReplyNoticeSettings settings;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;

    UnreadReplies(
            JdbcClient jdbc,
            MessagingStore store,
            Clock clock,
            ReplyNoticeSettings settings,
            TransactionTemplate tx,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.store = store;
        this.clock = clock;
        this.settings = settings;
        this.tx = tx;
        this.events = events;
    }

    /** In the delivering transaction: opens a notice for the conversation unless one is open. */
    @EventListener
    void on(MessageDelivered delivered) {
        if (delivered.sender() == Sender.BUYER) {
            return;
        }
        store.write(
                "INSERT INTO reply_notice (conversation_id, shop_id, since, due_at) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT DO NOTHING",
                delivered.conversationId(),
                delivered.shopId(),
                Timestamp.from(delivered.deliveredAt()),
                Timestamp.from(delivered.deliveredAt().plus(settings.after())));
    }

    @Scheduled(
            fixedDelayString = "${parley.messaging.reply-notice.check-every:1m}",
            initialDelayString = "${parley.messaging.reply-notice.check-every:1m}")
    void scheduled() {
        try {
            publishDue();
        } catch (RuntimeException e) {
            log.warn("could not look for unread replies", e);
        }
    }

    /** Publishes the notices due now; returns how many were published. */
    int publishDue() {
        Instant now = clock.instant();
        record Due(String conversationId, Instant since, Instant dueAt) {}
        List<Due> due = jdbc.sql("SELECT conversation_id, since, due_at FROM reply_notice WHERE due_at <= ?"
                        + " ORDER BY due_at LIMIT " + BATCH)
                .param(Timestamp.from(now))
                .query((rs, n) -> new Due(
                        rs.getString(1),
                        rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3).toInstant()))
                .list();
        int published = 0;
        for (Due d : due) {
            Boolean sent = tx.execute(s -> {
                int claimed = jdbc.sql("DELETE FROM reply_notice WHERE conversation_id = ? AND due_at = ?")
                        .params(d.conversationId(), Timestamp.from(d.dueAt()))
                        .update();
                return claimed == 1 && settle(d.conversationId(), d.since(), now);
            });
            if (Boolean.TRUE.equals(sent)) {
                published++;
            }
        }
        return published;
    }

    /** Publishes the notice, re-arms it after a partial read, or drops it when everything was read. */
    private boolean settle(String conversationId, Instant since, Instant now) {
        ConversationRow c = store.conversation(conversationId, false).orElse(null);
        if (c == null) {
            return false;
        }
        long seen = store.seen(c.id(), c.buyerId());
        long unread = c.toBuyerCount() - seen;
        if (unread <= 0) {
            return false;
        }
        Instant readAt = readAt(c.id(), c.buyerId());
        if (readAt != null && readAt.isAfter(since)) {
            // The buyer read some replies since; the stretch now starts at the first reply delivered after that read.
            Instant next = firstReplyAfter(c.id(), readAt);
            if (next == null) {
                return false;
            }
            Instant dueAt = next.plus(settings.after());
            if (dueAt.isAfter(now)) {
                jdbc.sql("INSERT INTO reply_notice (conversation_id, shop_id, since, due_at) VALUES (?, ?, ?, ?)"
                                + " ON CONFLICT DO NOTHING")
                        .params(c.id(), c.shopId(), Timestamp.from(next), Timestamp.from(dueAt))
                        .update();
                return false;
            }
            since = next;
        }
        events.publishEvent(new ReplyUnread(c.id(), c.shopId(), c.buyerId(), since, unread));
        return true;
    }

    private @Nullable Instant firstReplyAfter(String conversationId, Instant after) {
        // delivered_at is set when a reviewer releases a message; others were delivered when sent.
        return jdbc.sql("SELECT MIN(COALESCE(delivered_at, sent_at)) FROM message WHERE conversation_id = ?"
                        + " AND sender <> 'BUYER' AND status = 'DELIVERED' AND COALESCE(delivered_at, sent_at) > ?")
                .params(conversationId, Timestamp.from(after))
                .query((rs, n) ->
                        rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant())
                .optional()
                .orElse(null);
    }

    private @Nullable Instant readAt(String conversationId, String userKey) {
        return jdbc.sql("SELECT read_at FROM conversation_read WHERE conversation_id = ? AND user_key = ?")
                .params(conversationId, userKey)
                .query((rs, n) -> rs.getTimestamp(1).toInstant())
                .optional()
                .orElse(null);
    }
}
