package dev.parley.server.cases.internal;

import dev.parley.server.accounts.Accounts;
import dev.parley.server.accounts.Actor;
import dev.parley.server.accounts.ShopInfo;
import dev.parley.server.accounts.ShopRole;
import dev.parley.server.accounts.UserInfo;
import dev.parley.server.cases.DisputeDecided;
import dev.parley.server.cases.DisputeOpened;
import dev.parley.server.cases.MailSettings;
import dev.parley.server.cases.internal.ArbitrationStore.DisputeRow;
import dev.parley.server.messaging.ConversationContext;
import dev.parley.server.messaging.ConversationStatus;
import dev.parley.server.messaging.Conversations;
import dev.parley.server.shared.ProblemException;
import dev.parley.server.shared.TimeOrderedIds;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Disputes: the buyer or the shop's team escalates a conversation (it becomes {@code ESCALATED}); a platform arbitrator
 * takes the dispute (and becomes the conversation's arbitrator, who writes in it as {@code platform}) and decides it.
 * The decision is posted in the conversation as a {@code platform} message (in the transaction that decides, so both
 * commit together), the conversation returns to {@code OPEN}
 * (both sides may carry the decision out), and the buyer and the shop's owner and admins are told by e-mail from the
 * platform's address, through the outbox.
 */
@Service
class Arbitration {
    static final Set<String> OUTCOMES = Set.of("BUYER_FAVOURED", "SELLER_FAVOURED", "SETTLED");
    static final int MAX_REASON = 2000;
    static final int MAX_DECISION = 1500;

    private final ArbitrationStore store;
    private final Conversations conversations;
    private final Accounts accounts;
    private final Outbox outbox;
    private final MailSettings mail;
    private final Access access;
    private final TimeOrderedIds ids;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Arbitration(
            ArbitrationStore store,
            Conversations conversations,
            Accounts accounts,
            Outbox outbox,
            MailSettings mail,
            Access access,
            TimeOrderedIds ids,
            Clock clock,
            ApplicationEventPublisher events) {
        this.store = store;
        this.conversations = conversations;
        this.accounts = accounts;
        this.outbox = outbox;
        this.mail = mail;
        this.access = access;
        this.ids = ids;
        this.clock = clock;
        this.events = events;
    }

    /** A dispute as the API shows it; {@code waitingSeconds} while it waits for an arbitrator. */
    record DisputeView(
            String id,
            String conversationId,
            String shopId,
            String buyerId,
            String openedBy,
            String openedBySide,
            String reason,
            String status,
            Instant openedAt,
            @Nullable String arbitratorId,
            @Nullable Instant takenAt,
            @Nullable String outcome,
            @Nullable String decision,
            @Nullable Instant decidedAt,
            @Nullable Long waitingSeconds) {

        static DisputeView of(DisputeRow d, Instant now) {
            return new DisputeView(
                    d.id(),
                    d.conversationId(),
                    d.shopId(),
                    d.buyerId(),
                    d.openedBy(),
                    d.openedSide(),
                    d.reason(),
                    d.status(),
                    d.filedAt(),
                    d.arbitratorId(),
                    d.takenAt(),
                    d.outcome(),
                    d.decision(),
                    d.decidedAt(),
                    d.status().equals("OPEN") ? CaseViews.seconds(d.filedAt(), now) : null);
        }
    }

    /** {@code POST /conversations/{id}/disputes}: the buyer or a member of the shop's team escalates it. */
    @Transactional
    public DisputeView open(Actor actor, String conversationId, @Nullable String reason) {
        ConversationContext c = conversations.visibleTo(actor, conversationId);
        String side;
        if (actor.isBuyer()) {
            side = "buyer";
        } else if (actor.kind() == Actor.Kind.SELLER && !actor.isApiClient()) {
            side = "seller";
        } else {
            throw ProblemException.forbidden(
                    "only the buyer or a member of the shop's team, signed in, escalates a conversation");
        }
        Standings.text("reason", reason, MAX_REASON, "say what the dispute is about");
        store.undecided(c.id()).ifPresent(d -> {
            throw disputeOpen(d);
        });
        if (c.status() == ConversationStatus.CLOSED) {
            throw new ProblemException(
                    409,
                    "conversation_closed",
                    "Conversation closed",
                    "the conversation is closed; a dispute is about a conversation that is still open");
        }
        if (c.status() == ConversationStatus.ESCALATED) {
            throw new ProblemException(
                    409,
                    "conversation_escalated",
                    "Conversation escalated",
                    "the conversation is already with a platform arbitrator");
        }
        Instant now = now();
        DisputeRow row = new DisputeRow(
                ids.next(),
                c.shopId(),
                c.id(),
                c.buyerId(),
                actor.senderKey(),
                side,
                reason.strip(),
                "OPEN",
                now,
                null,
                null,
                null,
                null,
                null);
        try {
            store.insert(row);
        } catch (DuplicateKeyException raced) {
            throw disputeOpen(store.undecided(c.id()).orElse(row));
        }
        conversations.escalate(c.id(), null, actor.senderKey());
        events.publishEvent(new DisputeOpened(row.id(), c.id(), c.shopId(), c.buyerId(), actor.senderKey(), side, now));
        return DisputeView.of(row, now);
    }

    /** {@code GET /conversations/{id}/disputes}: the conversation's disputes, newest first, for whoever sees it. */
    public List<DisputeView> ofConversation(Actor actor, String conversationId) {
        ConversationContext c = conversations.visibleTo(actor, conversationId);
        Instant now = clock.instant();
        return store.ofConversation(c.id()).stream()
                .map(d -> DisputeView.of(d, now))
                .toList();
    }

    /** {@code GET /review/disputes}: arbitrators' queue, oldest first; by default the open and taken disputes. */
    public Pages.Page<DisputeView> queue(
            Actor actor,
            @Nullable String status,
            @Nullable String shopId,
            @Nullable String cursor,
            @Nullable Integer limit) {
        access.arbitrator(actor);
        int size = Pages.limit(limit);
        String s = Standings.status(status, "OPEN", "TAKEN", "DECIDED");
        List<String> statuses = s == null ? List.of("OPEN", "TAKEN") : List.of(s);
        Instant now = clock.instant();
        List<DisputeRow> rows = store.page(
                statuses, shopId == null || shopId.isBlank() ? null : shopId, Pages.position(cursor), size + 1);
        return Pages.of(rows, size, d -> DisputeView.of(d, now), DisputeRow::filedAt, DisputeRow::id);
    }

    /** {@code GET /review/disputes/{id}}. */
    public DisputeView dispute(Actor actor, String disputeId) {
        access.arbitrator(actor);
        return DisputeView.of(find(disputeId, false), clock.instant());
    }

    /** {@code POST /review/disputes/{id}/take}: the arbitrator joins the conversation; {@code 409} if another has. */
    @Transactional
    public DisputeView take(Actor actor, String disputeId) {
        access.arbitrator(actor);
        DisputeRow d = find(disputeId, true);
        String me = actor.senderKey();
        switch (d.status()) {
            case "DECIDED" -> throw Standings.alreadyDecided("dispute", d.status(), d.decidedAt());
            case "TAKEN" -> {
                if (!me.equals(d.arbitratorId())) {
                    throw takenByAnother(d);
                }
                return DisputeView.of(d, clock.instant());
            }
            default -> {}
        }
        Instant now = now();
        store.take(d.id(), me, now);
        conversations.escalate(d.conversationId(), me, me);
        return DisputeView.of(find(d.id(), false), now);
    }

    /**
     * {@code POST /review/disputes/{id}/decide}: the arbitrator who took it decides; the decision is posted in the
     * conversation, the conversation returns to {@code OPEN}, and both sides are told by e-mail.
     */
    @Transactional
    public DisputeView decide(Actor actor, String disputeId, @Nullable String outcome, @Nullable String decision) {
        access.arbitrator(actor);
        DisputeRow d = find(disputeId, true);
        String me = actor.senderKey();
        switch (d.status()) {
            case "DECIDED" -> throw Standings.alreadyDecided("dispute", d.status(), d.decidedAt());
            case "OPEN" ->
                throw new ProblemException(
                        409, "dispute_not_taken", "Dispute not taken", "take the dispute before deciding it");
            default -> {
                if (!me.equals(d.arbitratorId())) {
                    throw takenByAnother(d);
                }
            }
        }
        List<String> errors = new ArrayList<>();
        String chosen = outcome == null ? null : outcome.strip().toUpperCase(Locale.ROOT);
        if (chosen == null || chosen.isEmpty()) {
            errors.add("outcome: required, one of BUYER_FAVOURED, SELLER_FAVOURED, SETTLED");
        } else if (!OUTCOMES.contains(chosen)) {
            errors.add("outcome: one of BUYER_FAVOURED, SELLER_FAVOURED, SETTLED");
        }
        if (decision == null || decision.isBlank()) {
            errors.add("decision: required; both sides are told what was decided");
        } else if (decision.length() > MAX_DECISION) {
            errors.add("decision: at most " + MAX_DECISION + " characters");
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(String.join("; ", errors), errors);
        }
        String text = decision.strip();
        ConversationContext c = conversations.find(d.conversationId()).orElseThrow();
        if (c.status() != ConversationStatus.ESCALATED) {
            conversations.escalate(c.id(), me, me);
        }
        conversations.postAsArbitrator(actor, c.id(), "Dispute decided (" + label(chosen) + "): " + text);
        conversations.settle(c.id(), ConversationStatus.OPEN, me);
        Instant now = now();
        store.decide(d.id(), chosen, text, now);
        DisputeRow decided = find(d.id(), false);
        notifyBothSides(decided);
        events.publishEvent(new DisputeDecided(d.id(), c.id(), d.shopId(), d.buyerId(), me, chosen, now));
        return DisputeView.of(decided, now);
    }

    private void notifyBothSides(DisputeRow d) {
        ShopInfo shop = accounts.shop(d.shopId()).orElseThrow();
        String link = mail.baseUrl() + "/conversations/" + d.conversationId();
        accounts.noticeAddress(d.buyerId())
                .ifPresent(to -> outbox.enqueue(
                        "dispute_decided",
                        d.id(),
                        d.buyerId(),
                        to,
                        "Dispute decided: your conversation with " + shop.name(),
                        body(name(d.buyerId()), "your conversation with " + shop.name(), d, link)));
        for (Map.Entry<String, ShopRole> member : accounts.team(d.shopId()).entrySet()) {
            if (!member.getValue().atLeast(ShopRole.ADMIN)) {
                continue;
            }
            accounts.noticeAddress(member.getKey())
                    .ifPresent(to -> outbox.enqueue(
                            "dispute_decided",
                            d.id(),
                            member.getKey(),
                            to,
                            "Dispute decided: a conversation of " + shop.name(),
                            body(
                                    name(member.getKey()),
                                    "a conversation of " + shop.name() + " with a buyer",
                                    d,
                                    link)));
        }
    }

    private String name(String userId) {
        return accounts.user(userId).map(UserInfo::displayName).orElse("");
    }

    private String body(String name, String about, DisputeRow d, String link) {
        return "Hello" + (name.isBlank() ? "" : " " + name) + ",\n\n"
                + "A platform arbitrator has decided the dispute about " + about + ".\n\n"
                + "Outcome: " + label(d.outcome()) + "\n"
                + "Decision: " + d.decision() + "\n\n"
                + "The dispute was opened by the " + d.openedSide() + " on " + d.filedAt() + ": " + d.reason()
                + "\n\n"
                + "The decision is posted in the conversation, which is open again: " + link + "\n\n"
                + "-- \nThe marketplace's e-commerce team (" + mail.from() + ")\n";
    }

    private static String label(@Nullable String outcome) {
        return switch (outcome == null ? "" : outcome) {
            case "BUYER_FAVOURED" -> "in the buyer's favour";
            case "SELLER_FAVOURED" -> "in the seller's favour";
            case "SETTLED" -> "settled";
            default -> "";
        };
    }

    private DisputeRow find(String disputeId, boolean lock) {
        return store.find(disputeId, lock)
                .orElseThrow(() -> ProblemException.notFound("no dispute '" + disputeId + "'"));
    }

    private static ProblemException disputeOpen(DisputeRow d) {
        return new ProblemException(
                        409,
                        "dispute_open",
                        "Dispute already open",
                        "the conversation already has an open dispute (" + d.status() + "); it is decided first")
                .with("disputeId", d.id());
    }

    private static ProblemException takenByAnother(DisputeRow d) {
        return new ProblemException(409, "already_taken", "Already taken", "another arbitrator has taken this dispute")
                .with("arbitratorId", d.arbitratorId());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
