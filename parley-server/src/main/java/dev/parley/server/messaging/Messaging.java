package dev.parley.server.messaging;

import dev.parley.server.accounts.Actor;
import dev.parley.server.messaging.internal.MessagingFacade;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The conversations API of {@code api.md} for callers inside the server (the pages): the same checks, the same order
 * of refusals, the same representations (maps as the JSON would have them). Refusals are thrown as the API's problems,
 * except a blocked send, which is answered with status {@code 422} and the {@code message_blocked} problem as body.
 */
@Service
public class Messaging {
    private final MessagingFacade facade;

    Messaging(MessagingFacade facade) {
        this.facade = facade;
    }

    /** An answer: its status, its body (the resource, or for 422 the problem), whether it replays an earlier answer. */
    public record Answer(int status, Map<String, @Nullable Object> body, boolean replayed) {}

    /** A page of items and the cursor of the next page, null on the last. */
    public record Page(
            List<Map<String, @Nullable Object>> items,
            @Nullable String next) {}

    /**
     * The filters of the conversation list.
     *
     * @param assigneeId {@code me}, {@code none} (not taken by anyone) or a member's id
     * @param query searches the buyer's handle, the buyer's latest text, and conversation, product and order ids
     */
    public record Filter(
            @Nullable String cursor,
            @Nullable Integer limit,
            @Nullable Boolean awaiting,
            @Nullable String status,
            @Nullable String shopId,
            @Nullable String assigneeId,
            @Nullable String query) {

        /** No filter: the first page. */
        public static Filter none() {
            return new Filter(null, null, null, null, null, null, null);
        }
    }

    /** Opens a conversation or adds to the open one ({@code POST /api/v1/conversations}). */
    public Answer open(Actor actor, Map<String, ?> body) {
        var a = facade.open(actor, body);
        return new Answer(a.status(), a.body(), a.replayed());
    }

    /** Sends a message ({@code POST /api/v1/conversations/{id}/messages}). */
    public Answer send(Actor actor, String conversationId, Map<String, ?> body) {
        var a = facade.send(actor, conversationId, body);
        return new Answer(a.status(), a.body(), a.replayed());
    }

    /** The conversations {@code actor} may see, the shop's inbox in deadline order for a team. */
    public Page conversations(Actor actor, Filter filter) {
        var page = facade.conversations(
                actor,
                filter.cursor(),
                filter.limit(),
                filter.awaiting(),
                null,
                null,
                filter.status(),
                filter.shopId(),
                filter.assigneeId(),
                filter.query());
        return new Page(page.items(), page.next());
    }

    /** One conversation with the viewer's unread count. */
    public Map<String, @Nullable Object> conversation(Actor actor, String conversationId) {
        return facade.conversation(actor, conversationId);
    }

    /** The messages the viewer may see, in the order they became visible, after {@code after} if given. */
    public Page messages(Actor actor, String conversationId, @Nullable String after, @Nullable Integer limit) {
        var page = facade.messages(actor, conversationId, after, limit);
        return new Page(page.items(), page.next());
    }

    /** One message as the viewer sees it. */
    public Map<String, @Nullable Object> message(Actor actor, String conversationId, String messageId) {
        return facade.message(actor, conversationId, messageId);
    }

    /** Marks every message of the conversation as read by {@code actor}. */
    public Map<String, @Nullable Object> markRead(Actor actor, String conversationId) {
        return facade.markRead(actor, conversationId);
    }

    /** Changes status or assignee ({@code PATCH /api/v1/conversations/{id}}). */
    public Map<String, @Nullable Object> change(Actor actor, String conversationId, Map<String, ?> body) {
        return facade.change(actor, conversationId, body);
    }

    /** Retracts a held message before review. */
    public Map<String, @Nullable Object> retract(Actor actor, String conversationId, String messageId) {
        return facade.retract(actor, conversationId, messageId);
    }
}
