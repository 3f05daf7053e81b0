package dev.parley.server.messaging;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A stored message as the platform's review tools see it: content, status, the checker's verdict, the reviewer's
 * decision and whether a verified report excludes it from evaluations.
 *
 * @param seq the conversation event at which it was created (the team's order)
 * @param senderKey the sending member, or {@code token:<id>} for a shop API token that acts for no member
 * @param verdict the verdict the message got when sent (seller messages only)
 * @param reviewNote the reviewer's note or reason, when a reviewer released or rejected it
 * @param excludedBy the verified report that leaves this buyer message out of evaluations, if any
 */
public record MessageRecord(
        String id,
        String shopId,
        String conversationId,
        long seq,
        Sender sender,
        @Nullable String senderId,
        String senderKey,
        boolean automatic,
        String text,
        List<Attachment> attachments,
        @Nullable Card card,
        MessageStatus status,
        @Nullable VerdictView verdict,
        boolean placeholder,
        Instant sentAt,
        @Nullable Instant deliveredAt,
        @Nullable String reviewedBy,
        @Nullable Instant reviewedAt,
        @Nullable String reviewNote,
        @Nullable String excludedBy,
        @Nullable Instant excludedAt) {

    public MessageRecord {
        attachments = List.copyOf(attachments);
    }

    /** An attached file as the message lists it. */
    public record Attachment(String id, String name, String contentType, long size) {}

    /** A product or order card. */
    public record Card(String type, String id) {}
}
