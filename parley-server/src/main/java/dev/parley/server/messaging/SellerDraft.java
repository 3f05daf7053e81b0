package dev.parley.server.messaging;

import dev.parley.server.catalog.Product;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A seller message to screen before delivery, with the context the checker can use.
 *
 * @param conversationId null when a draft is only checked, outside a conversation
 * @param senderKey the sending member (or token), for the history of recent seller messages
 * @param product the listing the conversation is about, if any
 * @param buyerInitiated whether the buyer wrote to the shop first (clause 3.2)
 * @param buyerText the buyer's latest message, if any
 * @param region the shop's ISO 3166 region, if known
 */
public record SellerDraft(
        String shopId,
        @Nullable String conversationId,
        String senderKey,
        String text,
        List<File> attachments,
        @Nullable Product product,
        boolean buyerInitiated,
        @Nullable String buyerText,
        @Nullable String region) {

    public SellerDraft {
        attachments = List.copyOf(attachments);
    }

    /** An attached file: its name as given, the type judged from its bytes, and where the bytes are. */
    public record File(String name, String contentType, Path path) {}
}
