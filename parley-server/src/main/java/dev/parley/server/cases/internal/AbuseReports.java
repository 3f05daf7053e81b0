package dev.parley.server.cases.internal;

import dev.parley.server.accounts.Accounts;
import dev.parley.server.accounts.Actor;
import dev.parley.server.accounts.UserInfo;
import dev.parley.server.cases.AbuseReportFiled;
import dev.parley.server.cases.AbuseReportRejected;
import dev.parley.server.cases.AbuseReportVerified;
import dev.parley.server.cases.CasesSettings;
import dev.parley.server.cases.internal.CaseViews.ReportView;
import dev.parley.server.cases.internal.ReportStore.ReportRow;
import dev.parley.server.catalog.Catalog;
import dev.parley.server.messaging.ConversationContext;
import dev.parley.server.messaging.Conversations;
import dev.parley.server.messaging.MessageExclusions;
import dev.parley.server.messaging.MessageRecord;
import dev.parley.server.messaging.MessageRecords;
import dev.parley.server.messaging.MessageStatus;
import dev.parley.server.messaging.Sender;
import dev.parley.server.shared.ProblemException;
import dev.parley.server.shared.TimeOrderedIds;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * Abuse reports (clause 4.3): a shop's team selects a buyer's messages in one conversation; the evidence is a snapshot
 * of them with their context, frozen when filed; a reviewer verifies it (the messages then leave the shop's evaluations)
 * or rejects it.
 */
@Service
public class AbuseReports {
    /** What a report may say of the buyer's messages. */
    static final List<String> CATEGORIES = List.of(
            "bullying",
            "harassment",
            "obscene",
            "threatening",
            "malicious",
            "unreasonable_refund_demand",
            "unreasonable_discount_demand",
            "advertising",
            "irrelevant");

    private final ReportStore store;
    private final MessageRecords records;
    private final Conversations conversations;
    private final MessageExclusions exclusions;
    private final Accounts accounts;
    private final Catalog catalog;
    private final Access access;
    private final CasesSettings settings;
    private final TimeOrderedIds ids;
    private final Clock clock;
    private final ObjectMapper json;
    private final org.springframework.context.ApplicationEventPublisher events;

    AbuseReports(
            ReportStore store,
            MessageRecords records,
            Conversations conversations,
            MessageExclusions exclusions,
            Accounts accounts,
            Catalog catalog,
            Access access,
            CasesSettings settings,
            TimeOrderedIds ids,
            Clock clock,
            ObjectMapper json,
            org.springframework.context.ApplicationEventPublisher events) {
        this.store = store;
        this.records = records;
        this.conversations = conversations;
        this.exclusions = exclusions;
        this.accounts = accounts;
        this.catalog = catalog;
        this.access = access;
        this.settings = settings;
        this.ids = ids;
        this.clock = clock;
        this.json = json;
        this.events = events;
    }

    /** What a team member sends to report buyer messages. */
    public record NewReport(
            @Nullable String conversationId,
            @Nullable List<String> messageIds,
            @Nullable String category,
            @Nullable String note) {}

    /** Files a report; every bad input is a {@code 400} naming what is wrong, and nothing is stored. */
    @Transactional
    public ReportView file(Actor actor, String shopId, NewReport body) {
        access.member(actor, shopId);
        List<String> errors = new ArrayList<>();
        String category = body.category() == null ? null : body.category().toLowerCase(Locale.ROOT);
        if (category == null || category.isBlank()) {
            errors.add("category: required, one of " + CATEGORIES);
        } else if (!CATEGORIES.contains(category)) {
            errors.add("category: '" + body.category() + "' is not one of " + CATEGORIES);
        }
        if (body.note() != null && body.note().length() > 2000) {
            errors.add("note: at most 2000 characters");
        }
        List<String> selected = body.messageIds() == null ? List.of() : body.messageIds();
        if (selected.isEmpty()) {
            errors.add("messageIds: select at least one of the buyer's messages");
        } else if (selected.size() > settings.maxReportMessages()) {
            errors.add("messageIds: at most " + settings.maxReportMessages() + " messages in one report");
        }
        if (selected.stream().anyMatch(id -> id == null || id.isBlank())) {
            errors.add("messageIds: an empty id");
            selected = List.of();
        }
        ConversationContext conversation = null;
        if (body.conversationId() == null || body.conversationId().isBlank()) {
            errors.add("conversationId: required: the conversation the messages are in");
        } else {
            conversation = conversations
                    .find(body.conversationId())
                    .filter(c -> c.shopId().equals(shopId))
                    .orElse(null);
            if (conversation == null) {
                errors.add("conversationId: no conversation '" + body.conversationId() + "' in this shop");
            }
        }
        List<String> distinct = List.copyOf(new LinkedHashSet<>(selected));
        Map<String, MessageRecord> found =
                records.findAll(distinct).stream().collect(Collectors.toMap(MessageRecord::id, Function.identity()));
        for (String id : distinct) {
            MessageRecord m = found.get(id);
            if (m == null || (conversation == null && !m.shopId().equals(shopId))) {
                errors.add("messageIds: no message '" + id + "'");
            } else if (conversation != null && !m.conversationId().equals(conversation.id())) {
                errors.add("messageIds: message '" + id + "' is not in conversation '" + conversation.id()
                        + "'; a report covers messages of one conversation");
            } else if (m.sender() != Sender.BUYER) {
                errors.add("messageIds: message '" + id + "' was sent by the "
                        + m.sender().apiName() + ", not the buyer; only the buyer's messages can be reported");
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(String.join("; ", errors), errors);
        }
        Map<String, String> covered = store.covering(distinct);
        if (!covered.isEmpty()) {
            throw new ProblemException(
                            409,
                            "already_reported",
                            "Already reported",
                            "these messages are already covered by a pending or verified report: " + covered)
                    .with("covered", covered);
        }
        Instant now = now();
        String evidence = snapshot(conversation, Set.copyOf(distinct), now, category, body.note());
        ReportRow row = new ReportRow(
                ids.next(),
                shopId,
                conversation.id(),
                conversation.buyerId(),
                category,
                body.note(),
                "PENDING",
                actor.senderKey(),
                now,
                sha256(evidence),
                null,
                null,
                null);
        store.insert(row, evidence, distinct);
        events.publishEvent(new AbuseReportFiled(
                row.id(),
                shopId,
                conversation.id(),
                conversation.buyerId(),
                distinct,
                category,
                actor.senderKey(),
                now));
        return view(row, distinct, false, true, now);
    }

    /** The shop's reports, newest first. */
    public Pages.Page<ReportView> ofShop(
            Actor actor, String shopId, @Nullable String status, @Nullable String cursor, @Nullable Integer limit) {
        access.reader(actor, shopId);
        int size = Pages.limit(limit);
        List<ReportRow> rows = store.reports(shopId, status(status), false, Pages.position(cursor), size + 1);
        Instant now = clock.instant();
        return Pages.of(
                rows,
                size,
                r -> view(r, store.messageIds(r.id()), actor.isStaff(), false, now),
                ReportRow::reportedAt,
                ReportRow::id);
    }

    /** One report of the shop, with its evidence. */
    public ReportView one(Actor actor, String shopId, String reportId) {
        access.reader(actor, shopId);
        ReportRow r = store.report(reportId, false)
                .filter(x -> x.shopId().equals(shopId))
                .orElseThrow(() -> ProblemException.notFound("no abuse report '" + reportId + "' in this shop"));
        return view(r, store.messageIds(r.id()), actor.isStaff(), true, clock.instant());
    }

    /** The evidence of a report exactly as stored when it was filed. */
    public String evidence(Actor actor, String shopId, String reportId) {
        access.reader(actor, shopId);
        ReportRow r = store.report(reportId, false)
                .filter(x -> x.shopId().equals(shopId))
                .orElseThrow(() -> ProblemException.notFound("no abuse report '" + reportId + "' in this shop"));
        return store.evidence(r.id());
    }

    /** The reviewers' queue: pending reports (or another status), oldest first. */
    public Pages.Page<ReportView> queue(
            Actor actor,
            @Nullable String shopId,
            @Nullable String status,
            @Nullable String cursor,
            @Nullable Integer limit) {
        access.reviewer(actor);
        int size = Pages.limit(limit);
        String st = status(status == null ? "PENDING" : status);
        List<ReportRow> rows = store.reports(shopId, st, true, Pages.position(cursor), size + 1);
        Instant now = clock.instant();
        return Pages.of(
                rows,
                size,
                r -> view(r, store.messageIds(r.id()), true, false, now),
                ReportRow::reportedAt,
                ReportRow::id);
    }

    /** One report for a reviewer, with its evidence. */
    public ReportView reviewed(Actor actor, String reportId) {
        access.reviewer(actor);
        ReportRow r = store.report(reportId, false)
                .orElseThrow(() -> ProblemException.notFound("no abuse report '" + reportId + "'"));
        return view(r, store.messageIds(r.id()), true, true, clock.instant());
    }

    /** Verifies a pending report: its buyer messages leave the shop's evaluations from now on. */
    @Transactional
    public ReportView verify(Actor actor, String reportId, @Nullable String note) {
        access.reviewer(actor);
        ReportRow r = pending(reportId);
        checkNote(note, false);
        Instant now = now();
        List<String> messageIds = store.messageIds(r.id());
        List<String> excluded = exclusions.exclude(r.shopId(), messageIds, r.id());
        store.decide(r.id(), "VERIFIED", actor.senderKey(), now, note);
        events.publishEvent(new AbuseReportVerified(
                r.id(),
                r.shopId(),
                r.conversationId(),
                r.buyerId(),
                messageIds,
                excluded,
                r.category(),
                actor.senderKey(),
                now));
        return view(store.report(r.id(), false).orElseThrow(), messageIds, true, true, now);
    }

    /** Rejects a pending report, telling the shop why. */
    @Transactional
    public ReportView reject(Actor actor, String reportId, @Nullable String reason) {
        access.reviewer(actor);
        ReportRow r = pending(reportId);
        checkNote(reason, true);
        Instant now = now();
        store.decide(r.id(), "REJECTED", actor.senderKey(), now, reason);
        events.publishEvent(new AbuseReportRejected(r.id(), r.shopId(), reason, actor.senderKey(), now));
        return view(store.report(r.id(), false).orElseThrow(), store.messageIds(r.id()), true, true, now);
    }

    private ReportRow pending(String reportId) {
        ReportRow r = store.report(reportId, true)
                .orElseThrow(() -> ProblemException.notFound("no abuse report '" + reportId + "'"));
        if (!r.status().equals("PENDING")) {
            throw new ProblemException(
                            409,
                            "already_decided",
                            "Already decided",
                            "the report was already " + r.status() + " at " + r.decidedAt()
                                    + "; a report is decided once")
                    .with("reportStatus", r.status());
        }
        return r;
    }

    private static void checkNote(@Nullable String note, boolean required) {
        if (required && (note == null || note.isBlank())) {
            throw ProblemException.invalid("reason: required; the shop is told why its report was rejected");
        }
        if (note != null && note.length() > 2000) {
            throw ProblemException.invalid((required ? "reason" : "note") + ": at most 2000 characters");
        }
    }

    private static @Nullable String status(@Nullable String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        String s = status.toUpperCase(Locale.ROOT);
        if (!List.of("PENDING", "VERIFIED", "REJECTED").contains(s)) {
            throw ProblemException.invalid("status: one of PENDING, VERIFIED, REJECTED");
        }
        return s;
    }

    private ReportView view(ReportRow r, List<String> messageIds, boolean staff, boolean withEvidence, Instant now) {
        return new ReportView(
                r.id(),
                r.shopId(),
                r.conversationId(),
                r.buyerId(),
                r.category(),
                r.note(),
                messageIds,
                r.status(),
                r.reportedBy(),
                r.reportedAt(),
                r.decidedAt(),
                staff ? r.decidedBy() : null,
                r.decisionNote(),
                r.evidenceSha256(),
                r.status().equals("PENDING") ? CaseViews.seconds(r.reportedAt(), now) : null,
                withEvidence ? json.readTree(store.evidence(r.id())) : null);
    }

    /**
     * The frozen evidence: the conversation (ids, buyer handle, product and order), and the selected messages with the
     * messages both sides saw around them, copied as they are now.
     */
    private String snapshot(
            ConversationContext c, Set<String> selected, Instant now, String category, @Nullable String note) {
        List<MessageRecord> all = records.conversation(c.id()).stream()
                .filter(m -> selected.contains(m.id()) || m.status() == MessageStatus.DELIVERED)
                .toList();
        int first = -1;
        int last = -1;
        for (int i = 0; i < all.size(); i++) {
            if (selected.contains(all.get(i).id())) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        int from = Math.max(0, first - settings.evidenceContext());
        int to = Math.min(all.size(), last + 1 + settings.evidenceContext());
        List<Map<String, @Nullable Object>> messages = new ArrayList<>();
        for (MessageRecord m : all.subList(from, to)) {
            Map<String, @Nullable Object> v = new LinkedHashMap<>();
            v.put("id", m.id());
            v.put("sender", m.sender().apiName());
            v.put("senderId", m.senderId());
            v.put("text", m.text());
            v.put("attachments", m.attachments());
            v.put("card", m.card());
            v.put("sentAt", m.sentAt());
            v.put("status", m.status().name());
            v.put("reported", selected.contains(m.id()));
            messages.add(v);
        }
        Map<String, @Nullable Object> conversation = new LinkedHashMap<>();
        conversation.put("id", c.id());
        conversation.put("shopId", c.shopId());
        Map<String, String> buyer = new LinkedHashMap<>();
        buyer.put("id", c.buyerId());
        buyer.put(
                "displayName",
                accounts.user(c.buyerId()).map(UserInfo::displayName).orElse(c.buyerId()));
        conversation.put("buyer", buyer);
        conversation.put("productId", c.productId());
        conversation.put(
                "productTitle",
                c.productId() == null
                        ? null
                        : catalog.product(c.productId()).map(p -> p.title()).orElse(null));
        conversation.put("orderId", c.orderId());
        conversation.put(
                "orderStatus",
                c.orderId() == null
                        ? null
                        : catalog.order(c.orderId()).map(o -> o.status()).orElse(null));
        conversation.put("status", c.status().name());
        Map<String, @Nullable Object> snapshot = new LinkedHashMap<>();
        snapshot.put("capturedAt", now);
        snapshot.put("category", category);
        snapshot.put("note", note);
        snapshot.put("conversation", conversation);
        snapshot.put("messages", messages);
        return json.writeValueAsString(snapshot);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
