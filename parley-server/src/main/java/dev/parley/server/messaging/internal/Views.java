package dev.parley.server.messaging.internal;

import dev.parley.server.accounts.Accounts;
import dev.parley.server.accounts.ShopInfo;
import dev.parley.server.accounts.UserInfo;
import dev.parley.server.messaging.MessageStatus;
import dev.parley.server.messaging.Sender;
import dev.parley.server.messaging.VerdictView;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The REST representation of conversations and messages for each kind of viewer; the WebSocket sends exactly these.
 * Seller views show the buyer's display handle only, never contact data.
 */
@Component
class Views {
    private final Accounts accounts;
    private final ObjectMapper json;
    private final long windowMs;

    Views(Accounts accounts, ObjectMapper json, MessagingSettings settings) {
        this.accounts = accounts;
        this.json = json;
        this.windowMs = settings.replyWindow().toMillis();
    }

    Duration window() {
        return Duration.ofMillis(windowMs);
    }

    /** The conversation as {@code viewer} sees it; {@code unread} adds the viewer's unread count. */
    Map<String, @Nullable Object> conversation(ConversationRow c, Viewer viewer, boolean unread) {
        Map<String, @Nullable Object> view = new LinkedHashMap<>();
        view.put("id", c.id());
        view.put("shopId", c.shopId());
        view.put("shopName", accounts.shop(c.shopId()).map(ShopInfo::name).orElse(c.shopId()));
        Map<String, String> buyer = new LinkedHashMap<>();
        buyer.put("id", c.buyerId());
        buyer.put(
                "displayName",
                accounts.user(c.buyerId()).map(UserInfo::displayName).orElse(c.buyerId()));
        view.put("buyer", buyer);
        view.put("productId", c.productId());
        view.put("orderId", c.orderId());
        view.put("status", c.status().name());
        view.put("createdAt", c.createdAt());
        view.put("lastMessageAt", Instant.ofEpochMilli(c.lastMessageMs()));
        if (viewer != Viewer.BUYER) {
            Long oldest = c.oldestWaitingMs();
            Long lastBuyer = c.lastBuyerMs();
            view.put("awaitingReply", oldest != null);
            view.put("replyDeadline", oldest == null ? null : Instant.ofEpochMilli(oldest + windowMs));
            view.put("windowClosesAt", lastBuyer == null ? null : Instant.ofEpochMilli(lastBuyer + windowMs));
            view.put("assigneeId", c.assigneeId());
            view.put("arbitratorId", c.arbitratorId());
        }
        if (unread) {
            view.put("unreadCount", unread(c, viewer, c.seen()));
        }
        return view;
    }

    static long unread(ConversationRow c, Viewer viewer, long seen) {
        long addressed = viewer == Viewer.BUYER ? c.toBuyerCount() : c.toTeamCount();
        return Math.max(0, addressed - seen);
    }

    /** The message as {@code viewer} sees it. */
    Map<String, @Nullable Object> message(MessageRow m, Viewer viewer) {
        return message(m, viewer, m.verdict() == null ? null : json.readTree(m.verdict()));
    }

    /** The message as {@code viewer} sees it, with a verdict already in hand. */
    Map<String, @Nullable Object> message(MessageRow m, Viewer viewer, @Nullable Object verdict) {
        Map<String, @Nullable Object> view = new LinkedHashMap<>();
        view.put("id", m.id());
        view.put("conversationId", m.conversationId());
        view.put("sender", m.sender().apiName());
        if (viewer != Viewer.BUYER) {
            view.put("senderId", m.senderId());
            view.put("automatic", m.automatic());
        }
        view.put("text", m.text());
        view.put("attachments", m.attachments() == null ? List.of() : json.readTree(m.attachments()));
        if (m.cardType() == null) {
            view.put("card", null);
        } else {
            Map<String, String> card = new LinkedHashMap<>();
            card.put("type", m.cardType());
            card.put("id", m.cardId());
            view.put("card", card);
        }
        view.put("sentAt", m.sentAt());
        view.put("status", m.status().name());
        if (m.sender() == Sender.SELLER) {
            view.put("verdict", verdict);
            if (viewer != Viewer.BUYER) {
                view.put("placeholder", m.placeholder());
                view.put("review", review(m));
            }
        }
        return view;
    }

    /** A reviewer's decision on a held message, for the team and staff: what, why and when; null when none. */
    private static @Nullable Map<String, @Nullable Object> review(MessageRow m) {
        if (m.reviewedAt() == null) {
            return null;
        }
        Map<String, @Nullable Object> review = new LinkedHashMap<>();
        review.put("decision", m.status() == MessageStatus.REJECTED ? "REJECTED" : "RELEASED");
        review.put("reason", m.reviewNote());
        review.put("reviewedAt", m.reviewedAt());
        return review;
    }

    /** The problem answering a blocked send: rule, kind and clause of the first BLOCK violation, the verdict, the id. */
    Map<String, @Nullable Object> blocked(MessageRow m, VerdictView verdict) {
        VerdictView.ViolationView first = verdict.first("BLOCK");
        Map<String, @Nullable Object> body = new LinkedHashMap<>();
        body.put("type", "urn:parley:problem:message_blocked");
        body.put("title", "Message blocked");
        body.put("status", 422);
        body.put(
                "detail",
                first == null
                        ? "the message was not delivered"
                        : "the message breaks rule " + first.rule() + " (clause " + first.clause()
                                + ") and was not delivered; it is kept so that it can be contested");
        body.put("rule", first == null ? null : first.rule());
        body.put("kind", first == null ? null : first.kind());
        body.put("clause", first == null ? null : first.clause());
        body.put("verdict", verdict);
        body.put("messageId", m.id());
        return body;
    }

    VerdictView verdictOf(MessageRow m) {
        return json.readValue(m.verdict(), VerdictView.class);
    }

    String write(Object value) {
        return json.writeValueAsString(value);
    }

    JsonNode tree(String text) {
        return json.readTree(text);
    }

    static boolean visibleToBuyer(MessageRow m) {
        return m.status() == MessageStatus.DELIVERED;
    }
}
