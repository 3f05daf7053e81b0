package dev.parley.server.messaging;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A message reached the other side: at once, or when a reviewer released it. {@code sentAt} is when the sender sent
 * it (the time that counts for evaluations), {@code deliveredAt} when it became visible.
 */
public record MessageDelivered(
        String messageId,
        String conversationId,
        String shopId,
        Sender sender,
        @Nullable String senderId,
        boolean automatic,
        boolean placeholder,
        Instant sentAt,
        Instant deliveredAt) {}
