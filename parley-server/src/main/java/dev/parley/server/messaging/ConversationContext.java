package dev.parley.server.messaging;

import org.jspecify.annotations.Nullable;

/** What other modules may know of a conversation: its shop, subject, state, and the buyer's latest text. */
public record ConversationContext(
        String id,
        String shopId,
        String buyerId,
        @Nullable String productId,
        @Nullable String orderId,
        ConversationStatus status,
        boolean buyerWrote,
        @Nullable String lastBuyerText) {}
