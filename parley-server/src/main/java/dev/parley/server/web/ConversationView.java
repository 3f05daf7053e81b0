package dev.parley.server.web;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectMapper;

/** A conversation as the API represents it to this viewer (seller fields are null for a buyer). */
@JsonIgnoreProperties(ignoreUnknown = true)
record ConversationView(
        String id,
        String shopId,
        String shopName,
        Party buyer,
        @Nullable String productId,
        @Nullable String orderId,
        String status,
        Instant lastMessageAt,
        @Nullable Boolean awaitingReply,
        @Nullable Instant replyDeadline,
        @Nullable Instant windowClosesAt,
        @Nullable String assigneeId,
        @Nullable String arbitratorId,
        @Nullable Long unreadCount) {

    /** A party of a conversation: id and display handle. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Party(String id, String displayName) {}

    static ConversationView of(Map<String, ?> representation, ObjectMapper json) {
        return json.convertValue(representation, ConversationView.class);
    }

    /** How many messages this viewer has not read. */
    public long unread() {
        return unreadCount == null ? 0 : unreadCount;
    }

    /** Whether a reply is awaited. */
    public boolean awaiting() {
        return Boolean.TRUE.equals(awaitingReply);
    }

    /** Where the reply clock stands at {@code now}. */
    public Deadline deadline(Instant now) {
        return Deadline.of(awaiting() ? replyDeadline : null, windowClosesAt, now);
    }

    /** Whether the seller may no longer write at {@code now}: 72 hours after the buyer's latest message. */
    public boolean windowClosed(Instant now) {
        return windowClosesAt == null || now.isAfter(windowClosesAt);
    }
}
