package dev.parley.server.messaging.internal;

import dev.parley.core.window.AwaitingReply;
import dev.parley.core.window.ReplyWindow;
import dev.parley.core.window.SendDecision;
import dev.parley.server.accounts.Accounts;
import dev.parley.server.accounts.Actor;
import dev.parley.server.accounts.MessagingRestriction;
import dev.parley.server.accounts.PlatformRole;
import dev.parley.server.accounts.ShopInfo;
import dev.parley.server.catalog.Catalog;
import dev.parley.server.catalog.Order;
import dev.parley.server.catalog.Product;
import dev.parley.server.messaging.ConversationChanged;
import dev.parley.server.messaging.ConversationOpened;
import dev.parley.server.messaging.ConversationStatus;
import dev.parley.server.messaging.MessageBlocked;
import dev.parley.server.messaging.MessageDelivered;
import dev.parley.server.messaging.MessageHeld;
import dev.parley.server.messaging.MessageRejected;
import dev.parley.server.messaging.MessageReleased;
import dev.parley.server.messaging.MessageRetracted;
import dev.parley.server.messaging.MessageScreening;
import dev.parley.server.messaging.MessageStatus;
import dev.parley.server.messaging.MessageSubmitted;
import dev.parley.server.messaging.Screening;
import dev.parley.server.messaging.SellerDraft;
import dev.parley.server.messaging.Sender;
import dev.parley.server.messaging.VerdictView;
import dev.parley.server.shared.LimitsSettings;
import dev.parley.server.shared.ProblemException;
import dev.parley.server.shared.TimeOrderedIds;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Opens conversations, judges and stores sends in the order the API fixes, and changes conversations and held
 * messages. Every write locks the conversation row, so that its event counter, reply state and idempotency keys stay
 * consistent across nodes; real-time events leave only after the commit.
 */
@Service
class MessagingService {
    /** A response: status, body, and whether it replays an earlier answer. */
    record Outcome(int status, Object body, boolean replayed) {}

    /** A page of a list: the items and the cursor of the next page (null on the last). */
    record Page(
            List<Map<String, @Nullable Object>> items,
            @Nullable String next) {}

    /** Reads a request body, applying the byte limit. */
    interface BodySource {
        byte[] read();
    }

    private final MessagingStore store;
    private final Accounts accounts;
    private final Catalog catalog;
    private final MessageScreening screening;
    private final RateLimiter limiter;
    private final Views views;
    private final TimeOrderedIds ids;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final RealtimeRelay relay;
    private final RealtimeHub hub;
    private final MessagingMetrics metrics;
    private final LimitsSettings limits;
    private final MessagingSettings settings;
    private final ObjectMapper json;
    private final AttachmentFiles files;
    private final ReplyWindow window;
    private final SendBatcher batcher;

    MessagingService(
            MessagingStore store,
            Accounts accounts,
            Catalog catalog,
            MessageScreening screening,
            RateLimiter limiter,
            Views views,
            TimeOrderedIds ids,
            Clock clock,
            TransactionTemplate tx,
            ApplicationEventPublisher events,
            RealtimeRelay relay,
            RealtimeHub hub,
            MessagingMetrics metrics,
            LimitsSettings limits,
            MessagingSettings settings,
            ObjectMapper json,
            AttachmentFiles files,
            SendBatcher batcher) {
        this.store = store;
        this.accounts = accounts;
        this.catalog = catalog;
        this.screening = screening;
        this.limiter = limiter;
        this.views = views;
        this.ids = ids;
        this.clock = clock;
        this.tx = tx;
        this.events = events;
        this.relay = relay;
        this.hub = hub;
        this.metrics = metrics;
        this.limits = limits;
        this.settings = settings;
        this.json = json;
        this.files = files;
        this.window = ReplyWindow.of(settings.replyWindow());
        this.batcher = batcher;
    }

    // ---------------------------------------------------------------- opening a conversation

    Outcome open(Actor actor, byte[] body) {
        if (!actor.isBuyer()) {
            throw ProblemException.rule(
                    403,
                    "no_buyer_contact",
                    "Sellers cannot open conversations",
                    "only a buyer opens a conversation with a shop; a seller may only answer (clause 3.2)",
                    SendDecision.NoBuyerContact.RULE,
                    SendDecision.NoBuyerContact.KIND,
                    SendDecision.NoBuyerContact.CLAUSE);
        }
        JsonNode node = DraftParser.tree(json, body);
        List<String> errors = new ArrayList<>();
        String shopId = DraftParser.optionalId(node, "shopId", errors);
        if (shopId == null && errors.isEmpty()) {
            errors.add("shopId: required");
        }
        String productId = DraftParser.optionalId(node, "productId", errors);
        String orderId = DraftParser.optionalId(node, "orderId", errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(String.join("; ", errors), errors);
        }
        DraftParser.Draft draft = DraftParser.draft(node, limits.maxTextLength(), settings.maxAttachments(), true);
        if (accounts.shop(shopId).isEmpty()) {
            errors.add("shopId: no shop '" + shopId + "'");
        }
        if (productId != null
                && catalog.product(productId)
                        .filter(p -> p.shopId().equals(shopId))
                        .isEmpty()) {
            errors.add("productId: no product '" + productId + "' in shop '" + shopId + "'");
        }
        if (orderId != null
                && catalog.order(orderId)
                        .filter(o -> o.shopId().equals(shopId) && o.buyerId().equals(actor.userId()))
                        .isEmpty()) {
            errors.add("orderId: no order '" + orderId + "' of yours at shop '" + shopId + "'");
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(String.join("; ", errors), errors);
        }
        limiter.acquire(actor.senderKey(), shopId, false);
        String openKey = ConversationRow.openKey(actor.userId(), shopId, productId, orderId);
        try {
            return openInTransaction(actor, shopId, productId, orderId, openKey, draft);
        } catch (DuplicateKeyException raced) {
            return openInTransaction(actor, shopId, productId, orderId, openKey, draft);
        }
    }

    private Outcome openInTransaction(
            Actor actor,
            String shopId,
            @Nullable String productId,
            @Nullable String orderId,
            String openKey,
            DraftParser.Draft draft) {
        return tx.execute(status -> {
            Optional<ConversationRow> existing = store.openConversation(openKey);
            Instant now = now();
            List<Envelope> envelopes = new ArrayList<>();
            ConversationRow c;
            boolean created = existing.isEmpty();
            if (created) {
                c = new ConversationRow(
                        ids.next(),
                        shopId,
                        actor.userId(),
                        productId,
                        orderId,
                        ConversationStatus.OPEN,
                        openKey,
                        null,
                        null,
                        now,
                        now.toEpochMilli(),
                        null,
                        null,
                        null,
                        0,
                        0,
                        0,
                        0);
            } else {
                c = existing.get();
            }
            List<MessagingStore.AttachmentRow> attachments = attachments(actor, draft, c);
            checkCard(draft, c);
            Appended appended = append(
                    actor,
                    c,
                    Sender.BUYER,
                    draft,
                    attachments,
                    MessageStatus.DELIVERED,
                    null,
                    false,
                    now,
                    created,
                    envelopes,
                    created ? 201 : 200);
            if (created) {
                events.publishEvent(new ConversationOpened(c.id(), shopId, actor.userId(), productId, orderId, now));
            }
            afterCommit(c.id(), envelopes, appended);
            long seen = created ? 0 : store.seen(c.id(), actor.senderKey());
            Map<String, @Nullable Object> body =
                    views.conversation(appended.conversation().withSeen(seen), Viewer.BUYER, true);
            body.put("message", views.message(appended.message(), Viewer.BUYER));
            return new Outcome(created ? 201 : 200, body, false);
        });
    }

    // ---------------------------------------------------------------- sending in a conversation

    /**
     * Judges and stores a send; answers after the transaction that stores it commits (shared with the other sends
     * waiting on the same lane, see {@link SendBatcher}).
     */
    Outcome send(Actor actor, String conversationId, BodySource body) {
        BodySource read = readNow(body);
        MessagingStore.SendKey key =
                new MessagingStore.SendKey(conversationId, actor.senderKey(), clientMessageId(read));
        return batcher.run(key, () -> sendInTransaction(actor, conversationId, read));
    }

    /** The send's {@code clientMessageId}, if the body has a valid one (else the send finds out in order). */
    private @Nullable String clientMessageId(BodySource body) {
        try {
            return DraftParser.clientMessageId(DraftParser.tree(json, body.read()));
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    /** The body read here, on the request's thread; a refusal (too large) is raised where the send reads it. */
    private static BodySource readNow(BodySource body) {
        try {
            byte[] bytes = body.read();
            return () -> bytes;
        } catch (ProblemException refused) {
            return () -> {
                throw refused;
            };
        }
    }

    /**
     * Sends in the caller's transaction, outside the lanes, so that the message commits or rolls back with what the
     * caller does with it (the cases module posts a dispute's decision in the transaction that decides it).
     */
    Outcome sendJoined(Actor actor, String conversationId, BodySource body) {
        BodySource read = readNow(body);
        return tx.execute(s -> sendInTransaction(actor, conversationId, read));
    }

    private Outcome sendInTransaction(Actor actor, String conversationId, BodySource body) {
        {
            ConversationRow c =
                    store.conversation(conversationId, true).orElseThrow(() -> Viewer.notFound(conversationId));
            Viewer viewer = Viewer.of(actor, c);
            Sender sender = senderFor(actor, viewer, c);
            JsonNode node = DraftParser.tree(json, body.read());
            String clientMessageId = DraftParser.clientMessageId(node);
            if (clientMessageId != null) {
                Optional<MessageRow> first = store.messageByClientId(c.id(), actor.senderKey(), clientMessageId);
                if (first.isPresent()) {
                    return replay(first.get(), node, viewer);
                }
            }
            DraftParser.Draft draft = DraftParser.draft(node, limits.maxTextLength(), settings.maxAttachments(), false);
            limiter.acquire(actor.senderKey(), c.shopId(), sender == Sender.SELLER);
            Instant now = now();
            ShopInfo shop = accounts.shop(c.shopId()).orElseThrow();
            if (sender == Sender.SELLER) {
                if (shop.restrictionAt(now) == MessagingRestriction.SUSPENDED) {
                    throw ProblemException.rule(
                            403,
                            "messaging_suspended",
                            "Messaging suspended",
                            "an enforcement action suspends this shop's messaging (clause 四.2)",
                            "messaging_suspended",
                            null,
                            "四.2");
                }
                if (c.status() == ConversationStatus.CLOSED) {
                    throw new ProblemException(
                            409,
                            "conversation_closed",
                            "Conversation closed",
                            "the conversation is closed; the seller may write again when the buyer does");
                }
                SendDecision decision = window.decide(instant(c.lastBuyerMs()), now);
                if (decision instanceof SendDecision.NoBuyerContact) {
                    throw ProblemException.rule(
                            403,
                            "no_buyer_contact",
                            "The buyer never wrote",
                            "a seller may only write where the buyer wrote first (clause 3.2)",
                            SendDecision.NoBuyerContact.RULE,
                            SendDecision.NoBuyerContact.KIND,
                            SendDecision.NoBuyerContact.CLAUSE);
                }
                if (decision instanceof SendDecision.WindowClosed closed) {
                    throw ProblemException.rule(
                                    409,
                                    "reply_window_closed",
                                    "Reply window closed",
                                    "the seller may write until " + closed.closedAt()
                                            + ", 72 hours after the buyer's latest message (clause 4.1);"
                                            + " it reopens when the buyer writes again",
                                    SendDecision.WindowClosed.RULE,
                                    null,
                                    SendDecision.WindowClosed.CLAUSE)
                            .with("windowClosesAt", closed.closedAt());
                }
            }
            List<MessagingStore.AttachmentRow> attachments = attachments(actor, draft, c);
            checkCard(draft, c);
            List<Envelope> envelopes = new ArrayList<>();
            MessageStatus messageStatus = MessageStatus.DELIVERED;
            VerdictView verdict = null;
            boolean placeholder = false;
            if (sender == Sender.SELLER) {
                if (shop.restrictionAt(now) == MessagingRestriction.HOLD_ALL) {
                    verdict = new VerdictView(
                            "HOLD",
                            List.of(new VerdictView.ViolationView(
                                    "enforcement_hold", "四.2", null, "HOLD", null, null, null)),
                            "enforcement");
                    placeholder = screening.isPlaceholder(draft.text());
                } else {
                    Screening screened = screening.screen(sellerDraft(actor, c, shop, draft, attachments), true);
                    verdict = screened.verdict();
                    placeholder = screened.placeholder();
                }
                messageStatus = switch (verdict.action()) {
                    case "HOLD" -> MessageStatus.HELD;
                    case "BLOCK" -> MessageStatus.BLOCKED;
                    default -> MessageStatus.DELIVERED;
                };
            }
            int responseStatus = switch (messageStatus) {
                case HELD -> 202;
                case BLOCKED -> 422;
                default -> 201;
            };
            Appended appended = append(
                    actor,
                    c,
                    sender,
                    draft,
                    attachments,
                    messageStatus,
                    verdict,
                    placeholder,
                    now,
                    false,
                    envelopes,
                    responseStatus);
            afterCommit(c.id(), envelopes, appended);
            if (messageStatus == MessageStatus.BLOCKED) {
                return new Outcome(422, views.blocked(appended.message(), verdict), false);
            }
            return new Outcome(responseStatus, views.message(appended.message(), viewer, verdict), false);
        }
    }

    private Sender senderFor(Actor actor, Viewer viewer, ConversationRow c) {
        return switch (viewer) {
            case BUYER -> Sender.BUYER;
            case TEAM -> {
                if (!actor.mayWrite(c.shopId())) {
                    throw Viewer.unauthorizedClient();
                }
                yield Sender.SELLER;
            }
            case STAFF -> {
                boolean arbitrates = actor.is(PlatformRole.ARBITRATOR)
                        && c.status() == ConversationStatus.ESCALATED
                        && c.arbitratorId() != null
                        && c.arbitratorId().equals(actor.userId());
                if (!arbitrates) {
                    throw ProblemException.forbidden(
                            "platform staff write only as the arbitrator of an escalated conversation");
                }
                yield Sender.PLATFORM;
            }
        };
    }

    private Outcome replay(MessageRow first, JsonNode node, Viewer viewer) {
        DraftParser.Draft again;
        try {
            again = DraftParser.draft(node, limits.maxTextLength(), settings.maxAttachments(), false);
        } catch (ProblemException invalid) {
            again = null;
        }
        if (again == null || !again.hash().equals(first.requestHash())) {
            throw new ProblemException(
                    409,
                    "idempotency_key_reused",
                    "Idempotency key reused",
                    "clientMessageId '" + first.clientMessageId() + "' was already used for a different message");
        }
        int status = first.responseStatus() == null ? 201 : first.responseStatus();
        if (status == 422) {
            return new Outcome(422, views.blocked(first, views.verdictOf(first)), true);
        }
        MessageStatus then = status == 202 ? MessageStatus.HELD : MessageStatus.DELIVERED;
        return new Outcome(status, views.message(first.asAnswered(then), viewer), true);
    }

    private SellerDraft sellerDraft(
            Actor actor,
            ConversationRow c,
            ShopInfo shop,
            DraftParser.Draft draft,
            List<MessagingStore.AttachmentRow> attachments) {
        Product product =
                c.productId() == null ? null : catalog.product(c.productId()).orElse(null);
        List<SellerDraft.File> drafted = attachments.stream()
                .map(a -> new SellerDraft.File(a.name(), a.contentType(), files.path(a.id())))
                .toList();
        return new SellerDraft(
                c.shopId(),
                c.id(),
                actor.senderKey(),
                draft.text(),
                drafted,
                product,
                c.lastBuyerMs() != null,
                c.lastBuyerText(),
                shop.region());
    }

    private List<MessagingStore.AttachmentRow> attachments(Actor actor, DraftParser.Draft draft, ConversationRow c) {
        if (draft.attachmentIds().isEmpty()) {
            return List.of();
        }
        Map<String, MessagingStore.AttachmentRow> found = new HashMap<>();
        for (MessagingStore.AttachmentRow row : store.attachments(draft.attachmentIds())) {
            found.put(row.id(), row);
        }
        List<MessagingStore.AttachmentRow> rows = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (String id : draft.attachmentIds()) {
            MessagingStore.AttachmentRow row = found.get(id);
            if (row == null || !row.ownerKey().equals(actor.senderKey()) || row.messageId() != null) {
                errors.add("attachmentIds: no unsent attachment '" + id + "' of yours");
            } else {
                rows.add(row);
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(String.join("; ", errors), errors);
        }
        return rows;
    }

    private void checkCard(DraftParser.Draft draft, ConversationRow c) {
        DraftParser.Card card = draft.card();
        if (card == null) {
            return;
        }
        boolean ok = card.type().equals("product")
                ? catalog.product(card.id())
                        .filter(p -> p.shopId().equals(c.shopId()))
                        .isPresent()
                : catalog.order(card.id())
                        .filter(o ->
                                o.shopId().equals(c.shopId()) && o.buyerId().equals(c.buyerId()))
                        .isPresent();
        if (!ok) {
            throw ProblemException.invalid("card: no " + card.type() + " '" + card.id()
                    + "' in this conversation's shop" + (card.type().equals("order") ? " for this buyer" : ""));
        }
    }

    /** What a stored message did: the message and the conversation after it. */
    record Appended(
            MessageRow message,
            ConversationRow conversation,
            @Nullable VerdictView verdict) {}

    private Appended append(
            Actor actor,
            ConversationRow c,
            Sender sender,
            DraftParser.Draft draft,
            List<MessagingStore.AttachmentRow> attachments,
            MessageStatus messageStatus,
            @Nullable VerdictView verdict,
            boolean placeholder,
            Instant now,
            boolean newConversation,
            List<Envelope> envelopes,
            int responseStatus) {
        boolean delivered = messageStatus == MessageStatus.DELIVERED;
        long seq = c.eventSeq() + (newConversation ? 2 : 1);
        String attachmentsJson = attachments.isEmpty()
                ? null
                : views.write(attachments.stream()
                        .map(a -> {
                            Map<String, Object> v = new LinkedHashMap<>();
                            v.put("id", a.id());
                            v.put("name", a.name());
                            v.put("contentType", a.contentType());
                            v.put("size", a.size());
                            return v;
                        })
                        .toList());
        MessageRow m = new MessageRow(
                ids.next(),
                c.shopId(),
                c.id(),
                seq,
                delivered ? seq : null,
                sender,
                actor.userId(),
                actor.senderKey(),
                sender == Sender.SELLER && actor.automatic(),
                draft.text(),
                attachmentsJson,
                draft.card() == null ? null : draft.card().type(),
                draft.card() == null ? null : draft.card().id(),
                messageStatus,
                verdict == null ? null : verdict.action(),
                verdict == null ? null : views.write(verdict),
                verdict == null ? null : verdict.policyVersion(),
                placeholder,
                draft.clientMessageId(),
                draft.hash(),
                responseStatus,
                now);
        ConversationRow updated = delivered ? applyDelivered(c, m, now) : c;
        boolean conversationChanged = delivered || newConversation;
        long eventSeq = seq + (conversationChanged && !newConversation ? 1 : 0);
        updated = withEventSeq(updated, eventSeq);
        if (newConversation) {
            store.insertConversation(updated);
        } else {
            store.updateConversation(updated);
        }
        store.insertMessage(m);
        if (!attachments.isEmpty()) {
            store.bindAttachments(draft.attachmentIds(), m.id(), c.id(), c.shopId());
        }
        long accepted = System.currentTimeMillis();
        String teamMessage = views.write(views.message(m, Viewer.TEAM, verdict));
        String buyerMessage = delivered ? views.write(views.message(m, Viewer.BUYER, verdict)) : null;
        Envelope conversationEvent = conversationChanged
                ? envelope(Envelope.CONVERSATION_UPDATED, newConversation ? 1 : eventSeq, updated, true, true, 0)
                : null;
        Envelope messageEvent = new Envelope(
                Envelope.MESSAGE_CREATED,
                seq,
                c.id(),
                c.shopId(),
                c.buyerId(),
                updated.arbitratorId(),
                buyerMessage,
                teamMessage,
                updated.toBuyerCount(),
                updated.toTeamCount(),
                accepted,
                relay.node());
        if (newConversation) {
            envelopes.add(conversationEvent);
            envelopes.add(messageEvent);
        } else {
            envelopes.add(messageEvent);
            if (conversationEvent != null) {
                envelopes.add(conversationEvent);
            }
        }
        publishEvents(m, verdict, now);
        return new Appended(m, updated, verdict);
    }

    private ConversationRow applyDelivered(ConversationRow c, MessageRow m, Instant now) {
        AwaitingReply state = new AwaitingReply(instant(c.lastBuyerMs()), instant(c.oldestWaitingMs()));
        long toBuyer = c.toBuyerCount();
        long toTeam = c.toTeamCount();
        ConversationStatus status = c.status();
        String openKey = c.openKey();
        String lastBuyerText = c.lastBuyerText();
        switch (m.sender()) {
            case BUYER -> {
                state = state.afterBuyerMessage(now);
                toTeam++;
                lastBuyerText = m.text().length() > 2000 ? m.text().substring(0, 2000) : m.text();
                if (status == ConversationStatus.CLOSED) {
                    status = ConversationStatus.OPEN;
                    String key = ConversationRow.openKey(c.buyerId(), c.shopId(), c.productId(), c.orderId());
                    openKey = store.openKeyTaken(key) ? null : key;
                }
            }
            case SELLER -> {
                toBuyer++;
                if (!m.automatic() && !m.placeholder()) {
                    state = state.afterQualifyingReply(now);
                }
            }
            case PLATFORM, SYSTEM -> {
                toBuyer++;
                toTeam++;
            }
        }
        return new ConversationRow(
                c.id(),
                c.shopId(),
                c.buyerId(),
                c.productId(),
                c.orderId(),
                status,
                openKey,
                c.assigneeId(),
                c.arbitratorId(),
                c.createdAt(),
                Math.max(c.lastMessageMs(), now.toEpochMilli()),
                millis(state.lastBuyerMessageAt()),
                millis(state.oldestWaitingAt()),
                lastBuyerText,
                c.eventSeq(),
                toBuyer,
                toTeam,
                c.seen());
    }

    private void publishEvents(MessageRow m, @Nullable VerdictView verdict, Instant now) {
        events.publishEvent(new MessageSubmitted(
                m.id(),
                m.conversationId(),
                m.shopId(),
                m.sender(),
                m.senderId(),
                m.automatic(),
                m.placeholder(),
                m.sentAt()));
        switch (m.status()) {
            case DELIVERED ->
                events.publishEvent(new MessageDelivered(
                        m.id(),
                        m.conversationId(),
                        m.shopId(),
                        m.sender(),
                        m.senderId(),
                        m.automatic(),
                        m.placeholder(),
                        m.sentAt(),
                        now));
            case HELD ->
                events.publishEvent(new MessageHeld(
                        m.id(),
                        m.conversationId(),
                        m.shopId(),
                        m.senderId(),
                        verdict == null
                                ? List.of()
                                : verdict.violations().stream()
                                        .filter(v -> v.action().equals("HOLD"))
                                        .map(VerdictView.ViolationView::rule)
                                        .toList(),
                        verdict,
                        m.sentAt()));
            case BLOCKED -> {
                VerdictView.ViolationView first = verdict == null ? null : verdict.first("BLOCK");
                events.publishEvent(new MessageBlocked(
                        m.id(),
                        m.conversationId(),
                        m.shopId(),
                        m.senderId(),
                        first == null ? "unknown" : first.rule(),
                        first == null ? null : first.kind(),
                        first == null ? "" : first.clause(),
                        verdict,
                        m.sentAt()));
            }
            default -> {}
        }
    }

    private void afterCommit(String conversationId, List<Envelope> envelopes, @Nullable Appended appended) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                relay.publish(conversationId, envelopes);
                if (appended != null) {
                    MessageRow m = appended.message();
                    metrics.accepted(m.sender().apiName());
                    switch (m.status()) {
                        case DELIVERED -> metrics.delivered(m.sender().apiName());
                        case HELD -> metrics.held(firstRule(appended.verdict(), "HOLD"));
                        case BLOCKED -> metrics.blocked(firstRule(appended.verdict(), "BLOCK"));
                        default -> {}
                    }
                }
            }
        });
    }

    private static String firstRule(@Nullable VerdictView verdict, String action) {
        VerdictView.ViolationView v = verdict == null ? null : verdict.first(action);
        return v == null ? "none" : v.rule();
    }

    private Envelope envelope(
            String type, long seq, ConversationRow c, boolean buyer, boolean team, long acceptedAtMillis) {
        return new Envelope(
                type,
                seq,
                c.id(),
                c.shopId(),
                c.buyerId(),
                c.arbitratorId(),
                buyer ? views.write(views.conversation(c, Viewer.BUYER, false)) : null,
                team ? views.write(views.conversation(c, Viewer.TEAM, false)) : null,
                c.toBuyerCount(),
                c.toTeamCount(),
                acceptedAtMillis,
                relay.node());
    }

    private static ConversationRow withEventSeq(ConversationRow c, long seq) {
        return new ConversationRow(
                c.id(),
                c.shopId(),
                c.buyerId(),
                c.productId(),
                c.orderId(),
                c.status(),
                c.openKey(),
                c.assigneeId(),
                c.arbitratorId(),
                c.createdAt(),
                c.lastMessageMs(),
                c.lastBuyerMs(),
                c.oldestWaitingMs(),
                c.lastBuyerText(),
                seq,
                c.toBuyerCount(),
                c.toTeamCount(),
                c.seen());
    }

    // ---------------------------------------------------------------- reading

    Map<String, @Nullable Object> conversation(Actor actor, String id) {
        ConversationRow c = store.conversationWithSeen(id, actor.senderKey()).orElseThrow(() -> Viewer.notFound(id));
        return views.conversation(c, Viewer.of(actor, c), true);
    }

    /** The conversation and how {@code actor} sees it, or 404 / 403 as for a read. */
    ConversationRow visible(Actor actor, String id) {
        ConversationRow c = store.conversation(id, false).orElseThrow(() -> Viewer.notFound(id));
        Viewer.of(actor, c);
        return c;
    }

    Page conversations(
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
        int size = limit(limit);
        MessagingStore.Cursor after = cursor == null || cursor.isBlank() ? null : decode(cursor);
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        Viewer viewer;
        if (actor.isApiClient()) {
            if (shopId != null && !shopId.equals(actor.apiTokenShopId()) || !actor.mayRead(actor.apiTokenShopId())) {
                throw Viewer.unauthorizedClient();
            }
            where.add("c.shop_id = ?");
            params.add(actor.apiTokenShopId());
            viewer = Viewer.TEAM;
        } else if (actor.isBuyer()) {
            where.add("c.buyer_id = ?");
            params.add(actor.userId());
            if (shopId != null) {
                where.add("c.shop_id = ?");
                params.add(shopId);
            }
            viewer = Viewer.BUYER;
        } else if (actor.kind() == Actor.Kind.SELLER) {
            List<String> shops = shopId == null ? List.copyOf(actor.shops().keySet()) : List.of(shopId);
            if (shopId != null && !actor.mayRead(shopId)) {
                throw ProblemException.notFound("no shop '" + shopId + "'");
            }
            if (shops.isEmpty()) {
                return new Page(List.of(), null);
            }
            where.add("c.shop_id IN ("
                    + String.join(", ", shops.stream().map(s -> "?").toList()) + ")");
            params.addAll(shops);
            viewer = Viewer.TEAM;
        } else if (actor.is(PlatformRole.OPERATOR)) {
            throw ProblemException.forbidden("operators do not read conversations");
        } else {
            if (shopId != null) {
                where.add("c.shop_id = ?");
                params.add(shopId);
            }
            viewer = Viewer.STAFF;
        }
        if (awaiting != null) {
            where.add(awaiting ? "c.oldest_waiting_ms IS NOT NULL" : "c.oldest_waiting_ms IS NULL");
        }
        if (productId != null) {
            where.add("c.product_id = ?");
            params.add(productId);
        }
        if (orderId != null) {
            where.add("c.order_id = ?");
            params.add(orderId);
        }
        if (status != null) {
            try {
                params.add(ConversationStatus.valueOf(status.toUpperCase(java.util.Locale.ROOT))
                        .name());
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("status: one of OPEN, ESCALATED, CLOSED");
            }
            where.add("c.status = ?");
        }
        if (assigneeId != null && assigneeId.equals("none")) {
            where.add("c.assignee_id IS NULL");
        } else if (assigneeId != null) {
            where.add("c.assignee_id = ?");
            params.add(assigneeId.equals("me") ? actor.senderKey() : assigneeId);
        }
        if (query != null && !query.isBlank()) {
            String q = query.strip();
            if (q.length() > 100) {
                throw ProblemException.invalid("q: at most 100 characters");
            }
            List<String> buyers = accounts.userIdsByHandle(q, 100);
            StringBuilder match = new StringBuilder(
                    "(c.id = ? OR c.product_id = ? OR c.order_id = ? OR LOWER(c.last_buyer_text) LIKE ? ESCAPE '!'");
            params.add(q);
            params.add(q);
            params.add(q);
            params.add("%"
                    + q.toLowerCase(java.util.Locale.ROOT)
                            .replace("!", "!!")
                            .replace("%", "!%")
                            .replace("_", "!_")
                    + "%");
            if (!buyers.isEmpty()) {
                match.append(" OR c.buyer_id IN (")
                        .append(String.join(", ", buyers.stream().map(b -> "?").toList()))
                        .append(")");
                params.addAll(buyers);
            }
            where.add(match.append(")").toString());
        }
        if (where.isEmpty()) {
            where.add("1 = 1"); // platform staff without filters: every conversation
        }
        long nowMs = after != null ? after.nowMs() : clock.millis();
        boolean inbox = viewer == Viewer.TEAM;
        long windowMs = settings.replyWindow().toMillis();
        List<ConversationRow> rows = store.conversations(
                actor.senderKey(), String.join(" AND ", where), params, nowMs, windowMs, inbox, size + 1, after);
        List<Map<String, @Nullable Object>> items = new ArrayList<>();
        for (int i = 0; i < Math.min(size, rows.size()); i++) {
            items.add(views.conversation(rows.get(i), viewer, true));
        }
        String next = null;
        if (rows.size() > size) {
            ConversationRow last = rows.get(size - 1);
            int bucket =
                    !inbox || last.oldestWaitingMs() == null ? 2 : last.oldestWaitingMs() + windowMs >= nowMs ? 0 : 1;
            long sortKey = bucket == 2 ? -last.lastMessageMs() : last.oldestWaitingMs();
            next = encode(new MessagingStore.Cursor(bucket, sortKey, last.id(), nowMs));
        }
        return new Page(items, next);
    }

    Page messages(Actor actor, String id, @Nullable String after, @Nullable Integer limit) {
        int size = limit(limit);
        ConversationRow c = store.conversation(id, false).orElseThrow(() -> Viewer.notFound(id));
        Viewer viewer = Viewer.of(actor, c);
        long afterSeq = 0;
        if (after != null && !after.isBlank()) {
            MessageRow m = store.message(after)
                    .filter(x -> x.conversationId().equals(c.id()))
                    .filter(x -> viewer != Viewer.BUYER || x.visibleSeq() != null)
                    .orElseThrow(
                            () -> ProblemException.invalid("after: no message '" + after + "' in this conversation"));
            afterSeq = viewer == Viewer.BUYER ? m.visibleSeq() : m.seq();
        }
        List<MessageRow> rows = store.messages(c.id(), viewer == Viewer.BUYER, afterSeq, size + 1);
        List<Map<String, @Nullable Object>> items = new ArrayList<>();
        for (int i = 0; i < Math.min(size, rows.size()); i++) {
            items.add(views.message(rows.get(i), viewer));
        }
        return new Page(items, rows.size() > size ? rows.get(size - 1).id() : null);
    }

    Map<String, @Nullable Object> markRead(Actor actor, String id) {
        return tx.execute(s -> {
            ConversationRow c = store.conversation(id, false).orElseThrow(() -> Viewer.notFound(id));
            Viewer viewer = Viewer.of(actor, c);
            long seen = viewer == Viewer.BUYER ? c.toBuyerCount() : c.toTeamCount();
            store.markRead(c.id(), c.shopId(), actor.senderKey(), seen, now());
            hub.seen(c.id(), actor.senderKey(), seen);
            return views.conversation(c.withSeen(seen), viewer, true);
        });
    }

    // ---------------------------------------------------------------- changing conversations and held messages

    Map<String, @Nullable Object> change(Actor actor, String id, byte[] body) {
        return tx.execute(s -> {
            ConversationRow c = store.conversation(id, true).orElseThrow(() -> Viewer.notFound(id));
            Viewer viewer = Viewer.of(actor, c);
            JsonNode node = DraftParser.tree(json, body);
            // Who may change what comes before what is wrong in the body (api.md: 403 before 400).
            if (viewer == Viewer.BUYER) {
                throw ProblemException.forbidden("buyers do not change conversations");
            }
            if (viewer == Viewer.STAFF) {
                JsonNode a = node.get("assigneeId");
                String wanted = a == null || a.isNull() ? null : a.isString() ? a.stringValue() : "";
                if (!actor.is(PlatformRole.ARBITRATOR)
                        || node.has("assigneeId") && !java.util.Objects.equals(wanted, c.assigneeId())) {
                    throw ProblemException.forbidden("platform arbitrators change only the status");
                }
            }
            ConversationStatus status = c.status();
            String assignee = c.assigneeId();
            String arbitrator = c.arbitratorId();
            List<String> errors = new ArrayList<>();
            JsonNode st = node.get("status");
            if (st != null && !st.isNull()) {
                try {
                    status = ConversationStatus.valueOf(st.asString().toUpperCase(java.util.Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    errors.add("status: one of OPEN, ESCALATED, CLOSED");
                }
            }
            if (node.has("assigneeId")) {
                JsonNode a = node.get("assigneeId");
                if (a.isNull()) {
                    assignee = null;
                } else if (!a.isString()) {
                    errors.add("assigneeId: a team member's id or null");
                } else if (!accounts.team(c.shopId()).containsKey(a.stringValue())) {
                    errors.add("assigneeId: '" + a.stringValue() + "' is not a member of this shop's team");
                } else {
                    assignee = a.stringValue();
                }
            }
            if (!errors.isEmpty()) {
                throw ProblemException.invalid(String.join("; ", errors), errors);
            }
            switch (viewer) {
                case BUYER -> throw ProblemException.forbidden("buyers do not change conversations");
                case TEAM -> {
                    if (!actor.mayWrite(c.shopId())) {
                        throw Viewer.unauthorizedClient();
                    }
                    if (status != c.status()
                            && (status == ConversationStatus.ESCALATED || c.status() == ConversationStatus.ESCALATED)) {
                        throw ProblemException.forbidden("only platform arbitrators escalate or settle a conversation");
                    }
                }
                case STAFF -> {
                    if (!actor.is(PlatformRole.ARBITRATOR) || !java.util.Objects.equals(assignee, c.assigneeId())) {
                        throw ProblemException.forbidden("platform arbitrators change only the status");
                    }
                    if (status == ConversationStatus.ESCALATED) {
                        arbitrator = actor.userId();
                    }
                }
            }
            String openKey =
                    status == ConversationStatus.CLOSED ? null : c.openKey() != null ? c.openKey() : reopenKey(c);
            ConversationRow updated = new ConversationRow(
                    c.id(),
                    c.shopId(),
                    c.buyerId(),
                    c.productId(),
                    c.orderId(),
                    status,
                    openKey,
                    assignee,
                    arbitrator,
                    c.createdAt(),
                    c.lastMessageMs(),
                    c.lastBuyerMs(),
                    c.oldestWaitingMs(),
                    c.lastBuyerText(),
                    c.eventSeq() + 1,
                    c.toBuyerCount(),
                    c.toTeamCount(),
                    0);
            store.updateConversation(updated);
            events.publishEvent(
                    new ConversationChanged(c.id(), c.shopId(), status, assignee, arbitrator, actor.senderKey()));
            afterCommit(
                    c.id(),
                    List.of(envelope(Envelope.CONVERSATION_UPDATED, updated.eventSeq(), updated, true, true, 0)),
                    null);
            long seen = store.seen(c.id(), actor.senderKey());
            return views.conversation(updated.withSeen(seen), viewer, true);
        });
    }

    private @Nullable String reopenKey(ConversationRow c) {
        String key = ConversationRow.openKey(c.buyerId(), c.shopId(), c.productId(), c.orderId());
        return store.openKeyTaken(key) ? null : key;
    }

    Map<String, @Nullable Object> retract(Actor actor, String conversationId, String messageId) {
        return tx.execute(s -> {
            ConversationRow c =
                    store.conversation(conversationId, true).orElseThrow(() -> Viewer.notFound(conversationId));
            Viewer viewer = Viewer.of(actor, c);
            if (viewer != Viewer.TEAM || !actor.mayWrite(c.shopId())) {
                throw actor.isApiClient()
                        ? Viewer.unauthorizedClient()
                        : ProblemException.forbidden("only the shop's team retracts its held messages");
            }
            MessageRow m = store.message(messageId)
                    .filter(x -> x.conversationId().equals(c.id()))
                    .orElseThrow(
                            () -> ProblemException.notFound("no message '" + messageId + "' in this conversation"));
            if (m.status() != MessageStatus.HELD) {
                throw new ProblemException(
                        409,
                        "message_not_held",
                        "Message not held",
                        "only a held message can be retracted, this one is " + m.status());
            }
            Instant now = now();
            long seq = c.eventSeq() + 1;
            store.updateMessageStatus(m.id(), MessageStatus.RETRACTED, null, null, now);
            store.updateConversation(withEventSeq(c, seq));
            MessageRow retracted = m.withStatus(MessageStatus.RETRACTED, null);
            events.publishEvent(new MessageRetracted(m.id(), c.id(), c.shopId(), actor.senderKey(), now));
            afterCommit(
                    c.id(),
                    List.of(new Envelope(
                            Envelope.MESSAGE_UPDATED,
                            seq,
                            c.id(),
                            c.shopId(),
                            c.buyerId(),
                            c.arbitratorId(),
                            null,
                            views.write(views.message(retracted, Viewer.TEAM)),
                            c.toBuyerCount(),
                            c.toTeamCount(),
                            0,
                            relay.node())),
                    null);
            return views.message(retracted, viewer);
        });
    }

    /** Releases (delivers) or rejects a held message, with the reviewer's note; the review queue calls this. */
    void review(String messageId, String reviewerId, boolean release, @Nullable String note) {
        tx.executeWithoutResult(s -> {
            MessageRow held = store.message(messageId)
                    .orElseThrow(() -> ProblemException.notFound("no message '" + messageId + "'"));
            ConversationRow c = store.conversation(held.conversationId(), true).orElseThrow();
            MessageRow m = store.message(messageId).orElseThrow();
            if (m.status() != MessageStatus.HELD) {
                throw new ProblemException(
                        409, "message_not_held", "Message not held", "the message is " + m.status() + ", not held");
            }
            Instant now = now();
            long seq = c.eventSeq() + 1;
            List<Envelope> envelopes = new ArrayList<>();
            if (release) {
                MessageRow delivered =
                        m.withStatus(MessageStatus.DELIVERED, seq).withReview(now, note);
                store.updateMessageStatus(m.id(), MessageStatus.DELIVERED, seq, reviewerId, now, note);
                List<AwaitingReply.Entry> log = new ArrayList<>();
                for (MessageRow r : store.timeline(c.id())) {
                    log.add(new AwaitingReply.Entry(
                            r.sentAt(),
                            r.sender() == Sender.BUYER,
                            r.sender() == Sender.SELLER && !r.automatic() && !r.placeholder()));
                }
                AwaitingReply state = AwaitingReply.fromLog(log);
                ConversationRow updated = new ConversationRow(
                        c.id(),
                        c.shopId(),
                        c.buyerId(),
                        c.productId(),
                        c.orderId(),
                        c.status(),
                        c.openKey(),
                        c.assigneeId(),
                        c.arbitratorId(),
                        c.createdAt(),
                        Math.max(c.lastMessageMs(), now.toEpochMilli()),
                        millis(state.lastBuyerMessageAt()),
                        millis(state.oldestWaitingAt()),
                        c.lastBuyerText(),
                        seq + 1,
                        c.toBuyerCount() + 1,
                        c.toTeamCount(),
                        0);
                store.updateConversation(updated);
                VerdictView verdict = views.verdictOf(m);
                envelopes.add(new Envelope(
                        Envelope.MESSAGE_CREATED,
                        seq,
                        c.id(),
                        c.shopId(),
                        c.buyerId(),
                        c.arbitratorId(),
                        views.write(views.message(delivered, Viewer.BUYER, verdict)),
                        null,
                        0,
                        0,
                        0,
                        relay.node()));
                envelopes.add(new Envelope(
                        Envelope.MESSAGE_UPDATED,
                        seq,
                        c.id(),
                        c.shopId(),
                        c.buyerId(),
                        c.arbitratorId(),
                        null,
                        views.write(views.message(delivered, Viewer.TEAM, verdict)),
                        0,
                        0,
                        0,
                        relay.node()));
                envelopes.add(envelope(Envelope.CONVERSATION_UPDATED, seq + 1, updated, true, true, 0));
                events.publishEvent(new MessageReleased(m.id(), c.id(), c.shopId(), reviewerId, m.sentAt(), now));
                events.publishEvent(new MessageDelivered(
                        m.id(),
                        c.id(),
                        c.shopId(),
                        m.sender(),
                        m.senderId(),
                        m.automatic(),
                        m.placeholder(),
                        m.sentAt(),
                        now));
            } else {
                store.updateMessageStatus(m.id(), MessageStatus.REJECTED, null, reviewerId, now, note);
                store.updateConversation(withEventSeq(c, seq));
                envelopes.add(new Envelope(
                        Envelope.MESSAGE_UPDATED,
                        seq,
                        c.id(),
                        c.shopId(),
                        c.buyerId(),
                        c.arbitratorId(),
                        null,
                        views.write(views.message(
                                m.withStatus(MessageStatus.REJECTED, null).withReview(now, note), Viewer.TEAM)),
                        0,
                        0,
                        0,
                        relay.node()));
                events.publishEvent(new MessageRejected(m.id(), c.id(), c.shopId(), reviewerId, now));
            }
            afterCommit(c.id(), envelopes, null);
        });
    }

    /** Puts a conversation under an arbitrator (the cases module calls this when a dispute escalates). */
    void escalate(String conversationId, @Nullable String arbitratorId, String by) {
        restate(conversationId, ConversationStatus.ESCALATED, arbitratorId, by);
    }

    /** Ends an escalation with {@code status} and no arbitrator (the cases module, when a dispute is decided). */
    void settle(String conversationId, ConversationStatus status, String by) {
        if (status == ConversationStatus.ESCALATED) {
            throw new IllegalArgumentException("settle to OPEN or CLOSED");
        }
        restate(conversationId, status, null, by);
    }

    private void restate(String conversationId, ConversationStatus status, @Nullable String arbitratorId, String by) {
        tx.executeWithoutResult(s -> {
            ConversationRow c =
                    store.conversation(conversationId, true).orElseThrow(() -> Viewer.notFound(conversationId));
            String openKey =
                    status == ConversationStatus.CLOSED ? null : c.openKey() != null ? c.openKey() : reopenKey(c);
            ConversationRow updated = new ConversationRow(
                    c.id(),
                    c.shopId(),
                    c.buyerId(),
                    c.productId(),
                    c.orderId(),
                    status,
                    openKey,
                    c.assigneeId(),
                    arbitratorId,
                    c.createdAt(),
                    c.lastMessageMs(),
                    c.lastBuyerMs(),
                    c.oldestWaitingMs(),
                    c.lastBuyerText(),
                    c.eventSeq() + 1,
                    c.toBuyerCount(),
                    c.toTeamCount(),
                    0);
            store.updateConversation(updated);
            events.publishEvent(new ConversationChanged(c.id(), c.shopId(), status, c.assigneeId(), arbitratorId, by));
            afterCommit(
                    c.id(),
                    List.of(envelope(Envelope.CONVERSATION_UPDATED, updated.eventSeq(), updated, true, true, 0)),
                    null);
        });
    }

    // ---------------------------------------------------------------- helpers

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static @Nullable Instant instant(@Nullable Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }

    private static @Nullable Long millis(@Nullable Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    private static int limit(@Nullable Integer limit) {
        if (limit == null) {
            return 50;
        }
        if (limit < 1 || limit > 200) {
            throw ProblemException.invalid("limit: between 1 and 200");
        }
        return limit;
    }

    private static String encode(MessagingStore.Cursor c) {
        String raw = c.bucket() + "|" + c.sortKey() + "|" + c.nowMs() + "|" + c.id();
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(raw.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static MessagingStore.Cursor decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), java.nio.charset.StandardCharsets.UTF_8);
            String[] parts = raw.split("\\|", 4);
            return new MessagingStore.Cursor(
                    Integer.parseInt(parts[0]), Long.parseLong(parts[1]), parts[3], Long.parseLong(parts[2]));
        } catch (RuntimeException e) {
            throw ProblemException.invalid("cursor: not a cursor this server gave out");
        }
    }

    /** The order of a conversation, if it has one and it exists (for cards and checks). */
    Optional<Order> order(@Nullable String orderId) {
        return orderId == null ? Optional.empty() : catalog.order(orderId);
    }
}
