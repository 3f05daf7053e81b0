package dev.parley.server.messaging;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A message was accepted and stored (whatever its verdict); followed in the same transaction by {@link
 * MessageDelivered}, {@link MessageHeld} or {@link MessageBlocked}.
 *
 * @param senderId the user who wrote it, null for a shop API token acting for no member
 * @param automatic whether it is an automatic reply (a shop API token acting for no member)
 * @param placeholder whether a seller message is only a placeholder (it does not stop the reply clock)
 */
public record MessageSubmitted(
        String messageId,
        String conversationId,
        String shopId,
        Sender sender,
        @Nullable String senderId,
        boolean automatic,
        boolean placeholder,
        Instant sentAt) {}
