package dev.parley.server.cases;

import java.time.Instant;

/**
 * An arbitrator decided a dispute: the decision was posted in the conversation and both sides were notified by e-mail.
 *
 * @param outcome {@code BUYER_FAVOURED}, {@code SELLER_FAVOURED} or {@code SETTLED}
 */
public record DisputeDecided(
        String disputeId,
        String conversationId,
        String shopId,
        String buyerId,
        String arbitratorId,
        String outcome,
        Instant decidedAt) {}
