package dev.parley.server.messaging.internal;

import dev.parley.server.messaging.MessageStatus;
import dev.parley.server.messaging.Sender;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A message as stored; {@code attachments} and {@code verdict} are JSON text; {@code reviewedAt} and {@code reviewNote}
 * are set when a reviewer released or rejected it.
 */
record MessageRow(
        String id,
        String shopId,
        String conversationId,
        long seq,
        @Nullable Long visibleSeq,
        Sender sender,
        @Nullable String senderId,
        String senderKey,
        boolean automatic,
        String text,
        @Nullable String attachments,
        @Nullable String cardType,
        @Nullable String cardId,
        MessageStatus status,
        @Nullable String action,
        @Nullable String verdict,
        @Nullable String policyVersion,
        boolean placeholder,
        @Nullable String clientMessageId,
        @Nullable String requestHash,
        @Nullable Integer responseStatus,
        Instant sentAt,
        @Nullable Instant reviewedAt,
        @Nullable String reviewNote) {

    /** A new message, not reviewed. */
    MessageRow(
            String id,
            String shopId,
            String conversationId,
            long seq,
            @Nullable Long visibleSeq,
            Sender sender,
            @Nullable String senderId,
            String senderKey,
            boolean automatic,
            String text,
            @Nullable String attachments,
            @Nullable String cardType,
            @Nullable String cardId,
            MessageStatus status,
            @Nullable String action,
            @Nullable String verdict,
            @Nullable String policyVersion,
            boolean placeholder,
            @Nullable String clientMessageId,
            @Nullable String requestHash,
            @Nullable Integer responseStatus,
            Instant sentAt) {
        this(
                id,
                shopId,
                conversationId,
                seq,
                visibleSeq,
                sender,
                senderId,
                senderKey,
                automatic,
                text,
                attachments,
                cardType,
                cardId,
                status,
                action,
                verdict,
                policyVersion,
                placeholder,
                clientMessageId,
                requestHash,
                responseStatus,
                sentAt,
                null,
                null);
    }

    MessageRow withStatus(MessageStatus newStatus, @Nullable Long newVisibleSeq) {
        return new MessageRow(
                id,
                shopId,
                conversationId,
                seq,
                newVisibleSeq,
                sender,
                senderId,
                senderKey,
                automatic,
                text,
                attachments,
                cardType,
                cardId,
                newStatus,
                action,
                verdict,
                policyVersion,
                placeholder,
                clientMessageId,
                requestHash,
                responseStatus,
                sentAt,
                reviewedAt,
                reviewNote);
    }

    /** This message as reviewed at {@code at}, with the reviewer's note. */
    MessageRow withReview(Instant at, @Nullable String note) {
        return new MessageRow(
                id,
                shopId,
                conversationId,
                seq,
                visibleSeq,
                sender,
                senderId,
                senderKey,
                automatic,
                text,
                attachments,
                cardType,
                cardId,
                status,
                action,
                verdict,
                policyVersion,
                placeholder,
                clientMessageId,
                requestHash,
                responseStatus,
                sentAt,
                at,
                note);
    }

    /** This message as its send was first answered: with {@code answeredStatus} and no review decided since. */
    MessageRow asAnswered(MessageStatus answeredStatus) {
        return new MessageRow(
                id,
                shopId,
                conversationId,
                seq,
                visibleSeq,
                sender,
                senderId,
                senderKey,
                automatic,
                text,
                attachments,
                cardType,
                cardId,
                answeredStatus,
                action,
                verdict,
                policyVersion,
                placeholder,
                clientMessageId,
                requestHash,
                responseStatus,
                sentAt,
                null,
                null);
    }
}
