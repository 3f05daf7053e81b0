package dev.parley.server.messaging;

import java.time.Instant;
import java.util.List;

/** Buyer messages were left out of the performance evaluation because a verified report covers them (clause 4.3). */
public record BuyerMessagesExcluded(
        String shopId, List<String> messageIds, String reportId, List<Instant> sentAt, Instant excludedAt) {

    public BuyerMessagesExcluded {
        messageIds = List.copyOf(messageIds);
        sentAt = List.copyOf(sentAt);
    }
}
