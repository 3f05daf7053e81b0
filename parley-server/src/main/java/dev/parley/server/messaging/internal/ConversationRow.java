package dev.parley.server.messaging.internal;

import dev.parley.server.messaging.ConversationStatus;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A conversation as stored, with the viewer's read state when it was loaded for one ({@code seen}, else 0). */
record ConversationRow(
        String id,
        String shopId,
        String buyerId,
        @Nullable String productId,
        @Nullable String orderId,
        ConversationStatus status,
        @Nullable String openKey,
        @Nullable String assigneeId,
        @Nullable String arbitratorId,
        Instant createdAt,
        long lastMessageMs,
        @Nullable Long lastBuyerMs,
        @Nullable Long oldestWaitingMs,
        @Nullable String lastBuyerText,
        long eventSeq,
        long toBuyerCount,
        long toTeamCount,
        long seen) {

    static String openKey(String buyerId, String shopId, @Nullable String productId, @Nullable String orderId) {
        return buyerId + "|" + shopId + "|" + (productId == null ? "" : productId) + "|"
                + (orderId == null ? "" : orderId);
    }

    ConversationRow withSeen(long newSeen) {
        return new ConversationRow(
                id,
                shopId,
                buyerId,
                productId,
                orderId,
                status,
                openKey,
                assigneeId,
                arbitratorId,
                createdAt,
                lastMessageMs,
                lastBuyerMs,
                oldestWaitingMs,
                lastBuyerText,
                eventSeq,
                toBuyerCount,
                toTeamCount,
                newSeen);
    }
}
