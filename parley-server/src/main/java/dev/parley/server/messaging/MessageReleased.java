package dev.parley.server.messaging;

import java.time.Instant;

/** A reviewer released a held message: it is delivered now, and counts as sent at {@code sentAt}. */
public record MessageReleased(
        String messageId,
        String conversationId,
        String shopId,
        String reviewerId,
        Instant sentAt,
        Instant releasedAt) {}
