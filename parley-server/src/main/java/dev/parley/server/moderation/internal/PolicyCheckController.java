package dev.parley.server.moderation.internal;

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
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/policy/check}: the verdict a draft would get, without sending it (the shop's team). */
@RestController
class PolicyCheckController {
    private final MessageScreening screening;
    private final Conversations conversations;
    private final Catalog catalog;
    private final Accounts accounts;
    private final LimitsSettings limits;

    PolicyCheckController(
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

    record CheckBody(
            @Nullable String text,
            @Nullable @Size(max = 10) List<String> attachmentIds,
            @Nullable String conversationId,
            @Nullable String productId) {}

    @PostMapping("/api/v1/policy/check")
    Map<String, Object> check(@AuthenticationPrincipal Actor actor, @Validated @RequestBody CheckBody body) {
        if (actor.shops().isEmpty()) {
            throw ProblemException.forbidden("only a shop's team checks drafts");
        }
        String text = body.text() == null ? "" : body.text();
        if (text.length() > limits.maxTextLength()) {
            throw ProblemException.invalid("text: at most " + limits.maxTextLength() + " characters");
        }
        ConversationContext conversation = null;
        String shopId;
        String productId = body.productId();
        if (body.conversationId() != null) {
            conversation = conversations.visibleTo(actor, body.conversationId());
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
            if (body.conversationId() == null && actor.roleIn(product.shopId()).isPresent()) {
                shopId = product.shopId();
            }
        }
        List<SellerDraft.File> files =
                body.attachmentIds() == null ? List.of() : conversations.unsentAttachments(actor, body.attachmentIds());
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
        Screening screened = screening.screen(draft, false);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("verdict", screened.verdict());
        result.put("placeholder", screened.placeholder());
        return result;
    }
}
