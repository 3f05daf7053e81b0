package dev.parley.server.messaging.internal;

import dev.parley.server.accounts.Actor;
import dev.parley.server.messaging.ConversationContext;
import dev.parley.server.messaging.SellerDraft;
import dev.parley.server.shared.ProblemException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/** The bridge from the module's public services to its implementation. */
@Component
public class MessagingFacade {
    private final MessagingService messaging;

    private final MessagingStore store;
    private final AttachmentFiles files;
    private final Views views;
    private final ObjectMapper json;

    MessagingFacade(
            MessagingService messaging, MessagingStore store, AttachmentFiles files, Views views, ObjectMapper json) {
        this.messaging = messaging;
        this.store = store;
        this.files = files;
        this.views = views;
        this.json = json;
    }

    /** An answer of the conversations API: status, body (the resource or a problem), whether it replays an earlier one. */
    public record Answer(int status, Map<String, @Nullable Object> body, boolean replayed) {}

    /** A page of the conversations API. */
    public record Listing(
            List<Map<String, @Nullable Object>> items,
            @Nullable String next) {}

    /** {@code POST /api/v1/conversations} with {@code body}. */
    public Answer open(Actor actor, Map<String, ?> body) {
        return answer(messaging.open(actor, json.writeValueAsBytes(body)));
    }

    /** {@code POST /api/v1/conversations/{id}/messages} with {@code body}. */
    public Answer send(Actor actor, String conversationId, Map<String, ?> body) {
        byte[] bytes = json.writeValueAsBytes(body);
        return answer(messaging.send(actor, conversationId, () -> bytes));
    }

    /** See {@link dev.parley.server.messaging.Conversations#postAsArbitrator}. */
    public Answer sendJoined(Actor actor, String conversationId, Map<String, ?> body) {
        byte[] bytes = json.writeValueAsBytes(body);
        return answer(messaging.sendJoined(actor, conversationId, () -> bytes));
    }

    /** {@code GET /api/v1/conversations} with its filters. */
    public Listing conversations(
            Actor actor,
            @Nullable String cursor,
            @Nullable Integer limit,
            @Nullable Boolean awaiting,
            @Nullable String productId,
            @Nullable String orderId,
            @Nullable String status,
            @Nullable String shopId,
            @Nullable String assigneeId,
            @Nullable String query) {
        return listing(messaging.conversations(
                actor, cursor, limit, awaiting, productId, orderId, status, shopId, assigneeId, query));
    }

    /** {@code GET /api/v1/conversations/{id}}. */
    public Map<String, @Nullable Object> conversation(Actor actor, String id) {
        return messaging.conversation(actor, id);
    }

    /** {@code GET /api/v1/conversations/{id}/messages}. */
    public Listing messages(Actor actor, String id, @Nullable String after, @Nullable Integer limit) {
        return listing(messaging.messages(actor, id, after, limit));
    }

    /** One message of a conversation as {@code actor} sees it; 404 when they may not see it. */
    public Map<String, @Nullable Object> message(Actor actor, String conversationId, String messageId) {
        ConversationRow c = messaging.visible(actor, conversationId);
        Viewer viewer = Viewer.of(actor, c);
        MessageRow m = store.message(messageId)
                .filter(x -> x.conversationId().equals(c.id()))
                .filter(x -> viewer != Viewer.BUYER || Views.visibleToBuyer(x))
                .orElseThrow(() -> ProblemException.notFound("no message '" + messageId + "' in this conversation"));
        return views.message(m, viewer);
    }

    /** {@code POST /api/v1/conversations/{id}/read}. */
    public Map<String, @Nullable Object> markRead(Actor actor, String id) {
        return messaging.markRead(actor, id);
    }

    /** {@code PATCH /api/v1/conversations/{id}} with {@code body}. */
    public Map<String, @Nullable Object> change(Actor actor, String id, Map<String, ?> body) {
        return messaging.change(actor, id, json.writeValueAsBytes(body));
    }

    /** {@code POST /api/v1/conversations/{id}/messages/{messageId}/retract}. */
    public Map<String, @Nullable Object> retract(Actor actor, String conversationId, String messageId) {
        return messaging.retract(actor, conversationId, messageId);
    }

    @SuppressWarnings("unchecked")
    private static Answer answer(MessagingService.Outcome outcome) {
        return new Answer(outcome.status(), (Map<String, @Nullable Object>) outcome.body(), outcome.replayed());
    }

    private static Listing listing(MessagingService.Page page) {
        return new Listing(page.items(), page.next());
    }

    /** See {@link dev.parley.server.messaging.Conversations#unsentAttachments}. */
    public List<SellerDraft.File> unsentAttachments(Actor actor, List<String> ids) {
        List<MessagingStore.AttachmentRow> rows = store.attachments(ids).stream()
                .filter(a -> a.ownerKey().equals(actor.senderKey()) && a.messageId() == null)
                .toList();
        if (rows.size() != ids.stream().distinct().count()) {
            throw ProblemException.invalid("attachmentIds: each must be an unsent attachment of yours");
        }
        return rows.stream()
                .map(a -> new SellerDraft.File(a.name(), a.contentType(), files.path(a.id())))
                .toList();
    }

    /** See {@link dev.parley.server.messaging.Conversations#visibleTo}. */
    public ConversationContext visibleTo(Actor actor, String conversationId) {
        return context(messaging.visible(actor, conversationId));
    }

    /** See {@link dev.parley.server.messaging.Conversations#find}. */
    public java.util.Optional<ConversationContext> find(String conversationId) {
        return store.conversation(conversationId, false).map(MessagingFacade::context);
    }

    private static ConversationContext context(ConversationRow c) {
        return new ConversationContext(
                c.id(),
                c.shopId(),
                c.buyerId(),
                c.productId(),
                c.orderId(),
                c.status(),
                c.lastBuyerMs() != null,
                c.lastBuyerText());
    }

    /** See {@link dev.parley.server.messaging.Conversations#escalate}. */
    public void escalate(String conversationId, @Nullable String arbitratorId, String by) {
        messaging.escalate(conversationId, arbitratorId, by);
    }

    /** See {@link dev.parley.server.messaging.Conversations#settle}. */
    public void settle(String conversationId, dev.parley.server.messaging.ConversationStatus status, String by) {
        messaging.settle(conversationId, status, by);
    }

    /** A buyer message newly excluded by a report, with the time it was sent. */
    public record Excluded(String messageId, java.time.Instant sentAt) {}

    /** See {@link dev.parley.server.messaging.MessageExclusions#exclude}. */
    public List<Excluded> exclude(
            String shopId, java.util.Collection<String> messageIds, String reportId, java.time.Instant now) {
        return store.exclude(shopId, messageIds, reportId, now);
    }

    /** See {@link dev.parley.server.messaging.HeldMessages}. */
    public void review(String messageId, String reviewerId, boolean release, @Nullable String note) {
        messaging.review(messageId, reviewerId, release, note);
    }
}
