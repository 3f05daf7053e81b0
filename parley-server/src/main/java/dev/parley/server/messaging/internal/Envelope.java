package dev.parley.server.messaging.internal;

import org.jspecify.annotations.Nullable;

/**
 * One real-time event of a conversation, as it travels between nodes: the data for the buyer (null when the buyer may
 * not see it) and for the team and staff; for {@code conversation.updated} each recipient's unread count is added on
 * delivery.
 *
 * @param acceptedAtMillis wall-clock time the message was accepted, for the delivery latency metric (0 for none)
 * @param origin the node that published it
 */
record Envelope(
        String type,
        long seq,
        String conversationId,
        String shopId,
        String buyerId,
        @Nullable String arbitratorId,
        @Nullable String buyerData,
        @Nullable String teamData,
        long toBuyerCount,
        long toTeamCount,
        long acceptedAtMillis,
        String origin) {

    static final String MESSAGE_CREATED = "message.created";
    static final String MESSAGE_UPDATED = "message.updated";
    static final String CONVERSATION_UPDATED = "conversation.updated";

    boolean conversationEvent() {
        return type.equals(CONVERSATION_UPDATED);
    }
}
