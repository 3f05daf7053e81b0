package dev.parley.server.cases;

import java.time.Instant;

/**
 * A buyer or a member of the shop's team escalated a conversation: the dispute waits for a platform arbitrator.
 *
 * @param side who opened it: {@code buyer} or {@code seller}
 */
public record DisputeOpened(
        String disputeId,
        String conversationId,
        String shopId,
        String buyerId,
        String openedBy,
        String side,
        Instant openedAt) {}
