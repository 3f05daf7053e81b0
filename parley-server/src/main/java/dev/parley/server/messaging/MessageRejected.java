package dev.parley.server.messaging;

import java.time.Instant;

/** A reviewer rejected a held message: it is never delivered. */
public record MessageRejected(
        String messageId, String conversationId, String shopId, String reviewerId, Instant rejectedAt) {}
