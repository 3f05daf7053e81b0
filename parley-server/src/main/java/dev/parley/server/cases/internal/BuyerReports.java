package dev.parley.server.cases.internal;

import dev.parley.server.accounts.Actor;
import dev.parley.server.cases.BuyerReportDecided;
import dev.parley.server.cases.BuyerReportFiled;
import dev.parley.server.cases.internal.CaseViews.BuyerReportView;
import dev.parley.server.cases.internal.CaseViews.MessageView;
import dev.parley.server.cases.internal.DisputeStore.BuyerReportRow;
import dev.parley.server.cases.internal.StandingStore.ViolationRow;
import dev.parley.server.messaging.ConversationContext;
import dev.parley.server.messaging.Conversations;
import dev.parley.server.messaging.MessageRecord;
import dev.parley.server.messaging.MessageRecords;
import dev.parley.server.messaging.MessageStatus;
import dev.parley.server.messaging.Sender;
import dev.parley.server.shared.ProblemException;
import dev.parley.server.shared.TimeOrderedIds;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Buyers' reports of seller messages that reached them: a queue item for reviewers, who record a violation from it
 * (with points, as any violation) or dismiss it.
 */
@Service
public class BuyerReports {
    private final DisputeStore store;
    private final MessageRecords records;
    private final Conversations conversations;
    private final Enforcement enforcement;
    private final DecisionStore decisions;
    private final Access access;
    private final TimeOrderedIds ids;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    BuyerReports(
            DisputeStore store,
            MessageRecords records,
            Conversations conversations,
            Enforcement enforcement,
            DecisionStore decisions,
            Access access,
            TimeOrderedIds ids,
            Clock clock,
            ApplicationEventPublisher events) {
        this.store = store;
        this.records = records;
        this.conversations = conversations;
        this.enforcement = enforcement;
        this.decisions = decisions;
        this.access = access;
        this.ids = ids;
        this.clock = clock;
        this.events = events;
    }

    /** A buyer reports a seller message they received, saying why (and, if they can, which rule it breaks). */
    @Transactional
    public BuyerReportView file(
            Actor actor, @Nullable String messageId, @Nullable String reason, @Nullable String rule) {
        access.buyer(actor, "report messages that reached them");
        List<String> errors = new ArrayList<>();
        MessageRecord m = null;
        ConversationContext c = null;
        if (messageId == null || messageId.isBlank()) {
            errors.add("messageId: required: the message you report");
        } else {
            m = records.find(messageId).orElse(null);
            c = m == null ? null : conversations.find(m.conversationId()).orElse(null);
            if (m == null
                    || c == null
                    || !c.buyerId().equals(actor.userId())
                    || m.status() != MessageStatus.DELIVERED) {
                errors.add("messageId: no message '" + messageId + "' that reached you");
                m = null;
            } else if (m.sender() != Sender.SELLER) {
                errors.add("messageId: message '" + messageId + "' is from the "
                        + m.sender().apiName() + "; only the shop's messages can be reported");
            }
        }
        if (reason == null || reason.isBlank()) {
            errors.add("reason: required: say what is wrong with the message");
        } else if (reason.length() > 2000) {
            errors.add("reason: at most 2000 characters");
        }
        RuleChoice.check(rule, null, false, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(String.join("; ", errors), errors);
        }
        if (store.buyerReported(m.id(), actor.userId())) {
            throw new ProblemException(
                    409, "already_reported", "Already reported", "you already reported message '" + m.id() + "'");
        }
        Instant now = now();
        BuyerReportRow row = new BuyerReportRow(
                ids.next(),
                m.shopId(),
                m.conversationId(),
                m.id(),
                actor.userId(),
                reason,
                rule,
                "PENDING",
                now,
                null,
                null,
                null,
                null);
        try {
            store.insertBuyerReport(row);
        } catch (DuplicateKeyException raced) {
            throw new ProblemException(
                    409, "already_reported", "Already reported", "you already reported message '" + m.id() + "'");
        }
        events.publishEvent(new BuyerReportFiled(row.id(), m.shopId(), m.id(), actor.userId(), now));
        return view(row, null, now);
    }

    /** The buyer's own reports, newest first. */
    public Pages.Page<BuyerReportView> mine(Actor actor, @Nullable String cursor, @Nullable Integer limit) {
        access.buyer(actor, "have reports of their own");
        int size = Pages.limit(limit);
        Instant now = clock.instant();
        List<BuyerReportRow> rows = store.buyerReports(actor.userId(), null, false, Pages.position(cursor), size + 1);
        return Pages.of(rows, size, r -> view(r, null, now), BuyerReportRow::filedAt, BuyerReportRow::id);
    }

    /** The reviewers' queue: pending reports (or another status), oldest first, with the messages. */
    public Pages.Page<BuyerReportView> queue(
            Actor actor, @Nullable String status, @Nullable String cursor, @Nullable Integer limit) {
        access.reviewer(actor);
        int size = Pages.limit(limit);
        Instant now = clock.instant();
        List<BuyerReportRow> rows = store.buyerReports(
                null,
                Standings.status(status == null ? "PENDING" : status, "PENDING", "CONFIRMED", "DISMISSED"),
                true,
                Pages.position(cursor),
                size + 1);
        return Pages.of(
                rows,
                size,
                r -> view(r, records.find(r.messageId()).orElse(null), now),
                BuyerReportRow::filedAt,
                BuyerReportRow::id);
    }

    /**
     * Confirms a report with a violation of {@code rule} (by default the rule the buyer named); a message that already
     * has a violation of that rule is linked to it rather than counted twice.
     */
    @Transactional
    public BuyerReportView confirm(
            Actor actor, String reportId, @Nullable String rule, @Nullable String kind, @Nullable String note) {
        access.reviewer(actor);
        BuyerReportRow r = pending(reportId);
        String chosen = rule != null ? rule : r.rule();
        List<String> errors = new ArrayList<>();
        if (chosen == null) {
            errors.add("rule: required (the buyer named none), one of " + ReviewQueue.ruleIds());
        } else {
            RuleChoice.check(chosen, kind, true, errors);
        }
        if (note != null && note.length() > 2000) {
            errors.add("note: at most 2000 characters");
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(String.join("; ", errors), errors);
        }
        MessageRecord m = records.find(r.messageId()).orElseThrow();
        String by = actor.senderKey();
        Instant now = now();
        ViolationRow v = enforcement
                .record(new Enforcement.NewViolation(
                        m.shopId(),
                        m.id(),
                        m.conversationId(),
                        chosen,
                        kind,
                        "BUYER_REPORT",
                        ReviewQueue.excerpt(m.text()),
                        null,
                        null,
                        note != null ? note : r.reason(),
                        m.sentAt(),
                        by))
                .orElse(null);
        boolean recorded = v != null;
        if (v == null) {
            v = enforcement.violation(m.id(), chosen).orElse(null);
        }
        String violationId = v != null ? v.id() : null;
        if (recorded) {
            decisions.insert(new DecisionStore.DecisionRow(
                    ids.next(), m.shopId(), m.id(), DecisionStore.VIOLATION_RECORDED, null, null, note, by, now));
        }
        store.decideBuyerReport(r.id(), "CONFIRMED", by, now, note, violationId);
        events.publishEvent(new BuyerReportDecided(r.id(), r.shopId(), r.messageId(), true, violationId, by, now));
        return view(store.buyerReport(r.id(), false).orElseThrow(), m, now);
    }

    /** Dismisses a report, with a reason the buyer sees. */
    @Transactional
    public BuyerReportView dismiss(Actor actor, String reportId, @Nullable String reason) {
        access.reviewer(actor);
        BuyerReportRow r = pending(reportId);
        Standings.text("reason", reason, 2000, "the buyer is told why their report was dismissed");
        Instant now = now();
        store.decideBuyerReport(r.id(), "DISMISSED", actor.senderKey(), now, reason, null);
        events.publishEvent(
                new BuyerReportDecided(r.id(), r.shopId(), r.messageId(), false, null, actor.senderKey(), now));
        return view(
                store.buyerReport(r.id(), false).orElseThrow(),
                records.find(r.messageId()).orElse(null),
                now);
    }

    private BuyerReportRow pending(String reportId) {
        BuyerReportRow r = store.buyerReport(reportId, true)
                .orElseThrow(() -> ProblemException.notFound("no buyer report '" + reportId + "'"));
        if (!r.status().equals("PENDING")) {
            throw Standings.alreadyDecided("report", r.status(), r.decidedAt());
        }
        return r;
    }

    private static BuyerReportView view(BuyerReportRow r, @Nullable MessageRecord m, Instant now) {
        return new BuyerReportView(
                r.id(),
                r.shopId(),
                r.conversationId(),
                r.messageId(),
                r.buyerId(),
                r.reason(),
                r.rule(),
                r.status(),
                r.filedAt(),
                r.decidedAt(),
                r.decisionNote(),
                r.violationId(),
                r.status().equals("PENDING") ? CaseViews.seconds(r.filedAt(), now) : null,
                m == null ? null : MessageView.of(m, true));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
