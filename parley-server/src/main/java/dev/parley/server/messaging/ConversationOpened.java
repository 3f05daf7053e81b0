package dev.parley.server.messaging;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A buyer opened a conversation with a shop, optionally about a product or an order. */
public record ConversationOpened(
        String conversationId,
        String shopId,
        String buyerId,
        @Nullable String productId,
        @Nullable String orderId,
        Instant openedAt) {}
