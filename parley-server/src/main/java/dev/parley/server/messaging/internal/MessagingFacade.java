package dev.parley.server.messaging.internal;

import dev.parley.server.accounts.Actor;
import dev.parley.server.messaging.ConversationContext;
import dev.parley.server.messaging.SellerDraft;
import dev.parley.server.shared.ProblemException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The bridge from the module's public services to its implementation. */
@Component
public class MessagingFacade {
    private final MessagingService messaging;

    private final MessagingStore store;
    private final AttachmentFiles files;

    MessagingFacade(MessagingService messaging, MessagingStore store, AttachmentFiles files) {
        this.messaging = messaging;
        this.store = store;
        this.files = files;
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
    public void escalate(String conversationId, String arbitratorId, String by) {
        messaging.escalate(conversationId, arbitratorId, by);
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
