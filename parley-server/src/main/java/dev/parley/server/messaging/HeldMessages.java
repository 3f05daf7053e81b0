package dev.parley.server.messaging;

import dev.parley.server.messaging.internal.MessagingFacade;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Decisions on held messages, for the review queue: release delivers the message (to the buyer as {@code
 * message.created}, to the team as {@code message.updated}) and publishes {@link MessageReleased} and {@link
 * MessageDelivered}; reject publishes {@link MessageRejected}. Either is {@code 409 message_not_held} for a message that
 * is not held.
 */
@Service
public class HeldMessages {
    private final MessagingFacade facade;

    HeldMessages(MessagingFacade facade) {
        this.facade = facade;
    }

    /** Delivers a held message; it counts as sent when the seller sent it. */
    public void release(String messageId, String reviewerId) {
        facade.review(messageId, reviewerId, true, null);
    }

    /** Delivers a held message with the reviewer's note (shown to the shop's team on the message). */
    public void release(String messageId, String reviewerId, @Nullable String note) {
        facade.review(messageId, reviewerId, true, note);
    }

    /** Refuses a held message for good. */
    public void reject(String messageId, String reviewerId) {
        facade.review(messageId, reviewerId, false, null);
    }

    /** Refuses a held message for good, telling the shop's team why: {@code reason} is shown to them on the message. */
    public void reject(String messageId, String reviewerId, @Nullable String reason) {
        facade.review(messageId, reviewerId, false, reason);
    }
}
