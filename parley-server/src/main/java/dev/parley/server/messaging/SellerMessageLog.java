package dev.parley.server.messaging;

import dev.parley.server.messaging.internal.SellerMessageQueries;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The stored seller messages as the moderation module needs them: a shop's recent texts to other buyers (repetition
 * across buyers, clause 3.5) and the seller messages of a period with the context they were judged in (dry runs of a
 * candidate policy). Read-only.
 */
@Service
public class SellerMessageLog {
    private final SellerMessageQueries queries;

    SellerMessageLog(SellerMessageQueries queries) {
        this.queries = queries;
    }

    /** A seller text that reached, or may still reach, a buyer ({@code DELIVERED} or {@code HELD}). */
    public record SentText(String messageId, String conversationId, String buyerId, String text, Instant sentAt) {}

    /**
     * The shop's newest seller texts (delivered or held, not empty) sent in {@code [from, before]} to buyers other than
     * the buyer of {@code conversationId} (all buyers when it is null), at most {@code limit}, newest first. With
     * {@code beforeId}, a message sent exactly at {@code before} counts only when its id is smaller (ids follow time).
     */
    public List<SentText> sentToOtherBuyers(
            String shopId,
            @Nullable String conversationId,
            Instant from,
            Instant before,
            @Nullable String beforeId,
            int limit) {
        return queries.sentToOtherBuyers(shopId, conversationId, from, before, beforeId, limit);
    }

    /** Where a page of {@link #page} ends: the next page starts after this message. */
    public record Position(Instant sentAt, String messageId) {}

    /**
     * A stored seller message with the context the checker had: the conversation's product, the buyer's latest text
     * before it, whether the buyer had written before it, and its attachments (files that are gone are left out and
     * counted in {@code missingAttachments}).
     */
    public record Stored(
            String messageId,
            String conversationId,
            String shopId,
            @Nullable String productId,
            String text,
            List<SellerDraft.File> attachments,
            int missingAttachments,
            boolean buyerInitiated,
            @Nullable String buyerText,
            MessageStatus status,
            @Nullable String action,
            @Nullable String policyVersion,
            Instant sentAt) {

        public Stored {
            attachments = List.copyOf(attachments);
        }

        /** The position after this message. */
        public Position position() {
            return new Position(sentAt, messageId);
        }
    }

    /**
     * Seller messages sent in {@code [from, until]} (of one shop when {@code shopId} is given), newest first, starting
     * after {@code after}; at most {@code limit}.
     */
    public List<Stored> page(
            Instant from, Instant until, @Nullable String shopId, @Nullable Position after, int limit) {
        return queries.page(from, until, shopId, after, limit);
    }
}
