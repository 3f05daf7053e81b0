package dev.parley.server.moderation;

import dev.parley.server.accounts.Accounts;
import dev.parley.server.accounts.Actor;
import dev.parley.server.accounts.ShopInfo;
import dev.parley.server.catalog.Catalog;
import dev.parley.server.catalog.Product;
import dev.parley.server.messaging.ConversationContext;
import dev.parley.server.messaging.Conversations;
import dev.parley.server.messaging.MessageScreening;
import dev.parley.server.messaging.Screening;
import dev.parley.server.messaging.SellerDraft;
import dev.parley.server.shared.LimitsSettings;
import dev.parley.server.shared.ProblemException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** Checks a seller's draft as {@code POST /api/v1/policy/check} does: the shop's team only, nothing sent. */
@Service
public class DraftChecks {
    private final MessageScreening screening;
    private final Conversations conversations;
    private final Catalog catalog;
    private final Accounts accounts;
    private final LimitsSettings limits;

    DraftChecks(
            MessageScreening screening,
            Conversations conversations,
            Catalog catalog,
            Accounts accounts,
            LimitsSettings limits) {
        this.screening = screening;
        this.conversations = conversations;
        this.catalog = catalog;
        this.accounts = accounts;
        this.limits = limits;
    }

    /**
     * The verdict {@code text} (and the unsent attachments) would get in {@code conversationId}, or for {@code
     * productId} outside a conversation, and whether it would fail to stop the reply clock; nothing is sent or stored.
     */
    public Screening check(
            Actor actor,
            @Nullable String draftText,
            @Nullable List<String> attachmentIds,
            @Nullable String conversationId,
            @Nullable String requestedProductId) {
        if (actor.shops().isEmpty()) {
            throw ProblemException.forbidden("only a shop's team checks drafts");
        }
        String text = draftText == null ? "" : draftText;
        if (text.length() > limits.maxTextLength()) {
            throw ProblemException.invalid("text: at most " + limits.maxTextLength() + " characters");
        }
        ConversationContext conversation = null;
        String shopId;
        String productId = requestedProductId;
        if (conversationId != null) {
            conversation = conversations.visibleTo(actor, conversationId);
            if (actor.roleIn(conversation.shopId()).isEmpty()) {
                throw ProblemException.forbidden("only the conversation's shop team checks drafts for it");
            }
            shopId = conversation.shopId();
            if (productId == null) {
                productId = conversation.productId();
            }
        } else {
            shopId = actor.shops().keySet().iterator().next();
        }
        Product product = null;
        if (productId != null) {
            String pid = productId;
            product = catalog.product(pid)
                    .orElseThrow(() -> ProblemException.invalid("productId: no product '" + pid + "'"));
            if (conversationId == null && actor.roleIn(product.shopId()).isPresent()) {
                shopId = product.shopId();
            }
        }
        List<SellerDraft.File> files =
                attachmentIds == null ? List.of() : conversations.unsentAttachments(actor, attachmentIds);
        if (text.isBlank() && files.isEmpty()) {
            throw ProblemException.invalid("text: a draft needs text or attachments");
        }
        String region = accounts.shop(shopId).map(ShopInfo::region).orElse(null);
        SellerDraft draft = new SellerDraft(
                shopId,
                conversation == null ? null : conversation.id(),
                actor.senderKey(),
                text,
                files,
                product,
                conversation == null || conversation.buyerWrote(),
                conversation == null ? null : conversation.lastBuyerText(),
                region);
        return screening.screen(draft, false);
    }
}
