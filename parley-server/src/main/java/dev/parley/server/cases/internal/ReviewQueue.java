package dev.parley.server.cases.internal;

import dev.parley.core.policy.Rule;
import dev.parley.server.accounts.Actor;
import dev.parley.server.cases.internal.CaseViews.HeldItem;
import dev.parley.server.cases.internal.CaseViews.MessageView;
import dev.parley.server.cases.internal.CaseViews.VerdictEntry;
import dev.parley.server.cases.internal.CaseViews.VerdictHistory;
import dev.parley.server.cases.internal.DecisionStore.DecisionRow;
import dev.parley.server.cases.internal.StandingStore.ViolationRow;
import dev.parley.server.messaging.HeldMessages;
import dev.parley.server.messaging.MessageQuery;
import dev.parley.server.messaging.MessageRecord;
import dev.parley.server.messaging.MessageRecords;
import dev.parley.server.messaging.MessageScreening;
import dev.parley.server.messaging.MessageStatus;
import dev.parley.server.messaging.Sender;
import dev.parley.server.messaging.VerdictView;
import dev.parley.server.shared.ProblemException;
import dev.parley.server.shared.TimeOrderedIds;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * The review queue of held messages (clause 四.1: the platform reviews seller communications): reviewers release or
 * reject them, search every message, and read every verdict a message received.
 */
@Service
public class ReviewQueue {
    private static final Logger log = LoggerFactory.getLogger(ReviewQueue.class);
    /** The policy version of a verdict an enforcement action gave, without the checker. */
    static final String ENFORCEMENT = "enforcement";
    /** Rule ids a search may name: the catalogue's and the refusals stored on messages. */
    static final Set<String> SEARCHABLE_RULES = searchableRules();

    private final MessageRecords records;
    private final HeldMessages held;
    private final MessageScreening screening;
    private final DecisionStore decisions;
    private final Enforcement enforcement;
    private final Access access;
    private final TimeOrderedIds ids;
    private final Clock clock;
    private final ObjectMapper json;

    ReviewQueue(
            MessageRecords records,
            HeldMessages held,
            MessageScreening screening,
            DecisionStore decisions,
            Enforcement enforcement,
            Access access,
            TimeOrderedIds ids,
            Clock clock,
            ObjectMapper json) {
        this.records = records;
        this.held = held;
        this.screening = screening;
        this.decisions = decisions;
        this.enforcement = enforcement;
        this.access = access;
        this.ids = ids;
        this.clock = clock;
        this.json = json;
    }

    /** The held messages, oldest first, optionally of one shop. */
    public Pages.Page<HeldItem> queue(
            Actor actor, @Nullable String shopId, @Nullable String cursor, @Nullable Integer limit) {
        access.reviewer(actor);
        int size = Pages.limit(limit);
        Pages.Position after = Pages.position(cursor);
        List<MessageRecord> rows = records.search(new MessageQuery(
                shopId,
                null,
                null,
                null,
                MessageStatus.HELD,
                null,
                null,
                null,
                true,
                after == null ? null : new MessageQuery.Position(after.at(), after.id()),
                size + 1));
        Instant now = clock.instant();
        return Pages.of(rows, size, m -> heldItem(m, now), MessageRecord::sentAt, MessageRecord::id);
    }

    /**
     * The shop's messages waiting for review ({@code HELD}) or refused by a reviewer ({@code REJECTED}, with the reason),
     * for its team; held ones oldest first, rejected ones newest first.
     */
    public Pages.Page<HeldItem> ofShop(
            Actor actor, String shopId, @Nullable String status, @Nullable String cursor, @Nullable Integer limit) {
        access.reader(actor, shopId);
        String st = Standings.status(status == null ? "HELD" : status, "HELD", "REJECTED");
        MessageStatus wanted = MessageStatus.valueOf(st);
        int size = Pages.limit(limit);
        Pages.Position after = Pages.position(cursor);
        boolean oldestFirst = wanted == MessageStatus.HELD;
        List<MessageRecord> rows = records.search(new MessageQuery(
                shopId,
                null,
                null,
                null,
                wanted,
                Sender.SELLER,
                null,
                null,
                oldestFirst,
                after == null ? null : new MessageQuery.Position(after.at(), after.id()),
                size + 1));
        Instant now = clock.instant();
        boolean staff = actor.isStaff();
        return Pages.of(
                rows,
                size,
                m -> {
                    HeldItem item = heldItem(m, now);
                    return new HeldItem(
                            MessageView.of(m, staff),
                            item.rules(),
                            item.heldBy(),
                            item.waitingSince(),
                            wanted == MessageStatus.HELD ? item.waitingSeconds() : 0,
                            staff ? item.checkerVerdict() : null);
                },
                MessageRecord::sentAt,
                MessageRecord::id);
    }

    /** One held message of the queue. */
    public HeldItem heldMessage(Actor actor, String messageId) {
        access.reviewer(actor);
        MessageRecord m = message(messageId);
        if (m.status() != MessageStatus.HELD) {
            throw notHeld(m);
        }
        return heldItem(m, clock.instant());
    }

    /** Releases a held message: delivered now, the decision recorded. */
    @Transactional
    public MessageView release(Actor actor, String messageId, @Nullable String note) {
        access.reviewer(actor);
        MessageRecord m = message(messageId);
        if (m.status() != MessageStatus.HELD) {
            throw notHeld(m);
        }
        String reviewer = actor.senderKey();
        held.release(messageId, reviewer, note);
        decisions.insert(new DecisionRow(
                ids.next(), m.shopId(), m.id(), DecisionStore.RELEASED, "ALLOW", null, note, reviewer, now()));
        return MessageView.of(message(messageId), true);
    }

    /**
     * Rejects a held message: never delivered, the seller told {@code reason}, and a violation recorded of {@code rule}
     * (by default the rule the checker held it for; required for a message held by an enforcement action).
     */
    @Transactional
    public RejectOutcome reject(
            Actor actor, String messageId, @Nullable String reason, @Nullable String rule, @Nullable String kind) {
        access.reviewer(actor);
        MessageRecord m = message(messageId);
        List<String> errors = new ArrayList<>();
        if (reason == null || reason.isBlank()) {
            errors.add("reason: required; the seller is told why their message was rejected");
        } else if (reason.length() > 2000) {
            errors.add("reason: at most 2000 characters");
        }
        Rule named = null;
        if (rule != null) {
            named = Rule.byId(rule).orElse(null);
            if (named == null) {
                errors.add("rule: no rule '" + rule + "'; one of " + ruleIds());
            } else if (kind != null && !named.kinds().contains(kind)) {
                errors.add("kind: rule " + rule + " has "
                        + (named.kinds().isEmpty() ? "no kinds" : "kinds " + named.kinds()));
            }
        } else if (kind != null) {
            errors.add("kind: only together with rule");
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(String.join("; ", errors), errors);
        }
        if (m.status() != MessageStatus.HELD) {
            throw notHeld(m);
        }
        if (m.verdict() != null && ENFORCEMENT.equals(m.verdict().policyVersion())) {
            recheckQuietly(messageId);
        }
        VerdictView.ViolationView found = violationFor(m, named == null ? null : named.id(), kind);
        if (named == null && found == null) {
            throw ProblemException.invalid(
                    "rule: this message was held by an enforcement action, not for a rule; name the rule it breaks");
        }
        String ruleId = named != null ? named.id() : found.rule();
        String reviewer = actor.senderKey();
        held.reject(messageId, reviewer, reason);
        decisions.insert(new DecisionRow(
                ids.next(), m.shopId(), m.id(), DecisionStore.REJECTED, "BLOCK", null, reason, reviewer, now()));
        Optional<ViolationRow> violation = enforcement.record(new Enforcement.NewViolation(
                m.shopId(),
                m.id(),
                m.conversationId(),
                ruleId,
                kind != null ? kind : found == null ? null : found.kind(),
                "REJECTED",
                found == null ? excerpt(m.text()) : found.evidence(),
                found == null ? null : found.start(),
                found == null ? null : found.end(),
                reason,
                m.sentAt(),
                reviewer));
        return new RejectOutcome(
                MessageView.of(message(messageId), true),
                violation.map(v -> CaseViews.ViolationView.of(v, now())).orElse(null));
    }

    /** A rejected message and the violation it recorded. */
    record RejectOutcome(MessageView message, CaseViews.@Nullable ViolationView violation) {}

    /** Every message that matches, newest first (or oldest first). */
    public Pages.Page<MessageView> search(
            Actor actor,
            @Nullable String shopId,
            @Nullable String conversationId,
            @Nullable String rule,
            @Nullable String action,
            @Nullable String status,
            @Nullable String sender,
            @Nullable String from,
            @Nullable String to,
            @Nullable String order,
            @Nullable String cursor,
            @Nullable Integer limit) {
        access.reviewer(actor);
        List<String> errors = new ArrayList<>();
        if (rule != null && !SEARCHABLE_RULES.contains(rule)) {
            errors.add("rule: one of " + SEARCHABLE_RULES.stream().sorted().toList());
        }
        String act = action == null ? null : action.toUpperCase(Locale.ROOT);
        if (act != null && !Set.of("ALLOW", "WARN", "HOLD", "BLOCK").contains(act)) {
            errors.add("action: one of ALLOW, WARN, HOLD, BLOCK");
        }
        MessageStatus st = null;
        if (status != null) {
            try {
                st = MessageStatus.valueOf(status.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add("status: one of " + Arrays.toString(MessageStatus.values()));
            }
        }
        Sender se = null;
        if (sender != null) {
            try {
                se = Sender.valueOf(sender.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add("sender: one of buyer, seller, system, platform");
            }
        }
        Instant fromAt = instant("from", from, errors);
        Instant toAt = instant("to", to, errors);
        if (fromAt != null && toAt != null && !fromAt.isBefore(toAt)) {
            errors.add("to: must be after from");
        }
        boolean oldestFirst = false;
        if (order != null) {
            switch (order) {
                case "newest" -> oldestFirst = false;
                case "oldest" -> oldestFirst = true;
                default -> errors.add("order: newest or oldest");
            }
        }
        int size = limitOrError(limit, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(String.join("; ", errors), errors);
        }
        Pages.Position after = Pages.position(cursor);
        List<MessageRecord> rows = records.search(new MessageQuery(
                shopId,
                conversationId,
                rule,
                act,
                st,
                se,
                fromAt,
                toAt,
                oldestFirst,
                after == null ? null : new MessageQuery.Position(after.at(), after.id()),
                size + 1));
        return Pages.of(rows, size, m -> MessageView.of(m, true), MessageRecord::sentAt, MessageRecord::id);
    }

    /** Every verdict and decision a seller message received, for reviewers and the shop's own team. */
    public VerdictHistory history(Actor actor, String messageId) {
        MessageRecord m =
                records.find(messageId).orElseThrow(() -> ProblemException.notFound("no message '" + messageId + "'"));
        if (actor.isBuyer()) {
            throw ProblemException.notFound("no message '" + messageId + "'");
        }
        try {
            access.reader(actor, m.shopId());
        } catch (ProblemException e) {
            if (e.status() == 404) {
                throw ProblemException.notFound("no message '" + messageId + "'");
            }
            throw e;
        }
        boolean staff = actor.isStaff();
        List<VerdictEntry> items = new ArrayList<>();
        if (m.verdict() != null) {
            boolean enforced = ENFORCEMENT.equals(m.verdict().policyVersion());
            items.add(new VerdictEntry(
                    enforced ? "enforcement" : "checker",
                    "VERDICT",
                    m.verdict().action(),
                    m.verdict(),
                    null,
                    null,
                    m.sentAt()));
        }
        for (DecisionRow d : decisions.ofMessage(messageId)) {
            items.add(new VerdictEntry(
                    source(d.kind()),
                    d.kind(),
                    d.action(),
                    d.verdict() == null ? null : json.readValue(d.verdict(), VerdictView.class),
                    d.reason(),
                    staff ? d.decidedBy() : null,
                    d.decidedAt()));
        }
        return new VerdictHistory(
                m.id(), m.shopId(), m.conversationId(), m.status().name(), items);
    }

    /** Checks a message an enforcement action held (the checker did not run when it was sent), for the reviewer. */
    @Transactional
    public void recheck(String messageId) {
        if (decisions.exists(messageId, DecisionStore.RECHECKED)) {
            return;
        }
        records.draftOf(messageId).ifPresent(draft -> {
            VerdictView verdict = screening.screen(draft, false).verdict();
            decisions.insert(new DecisionRow(
                    ids.next(),
                    draft.shopId(),
                    messageId,
                    DecisionStore.RECHECKED,
                    verdict.action(),
                    json.writeValueAsString(verdict),
                    null,
                    "checker",
                    now()));
        });
    }

    /** {@link #recheck}, logging instead of failing (a file that can no longer be read, say). */
    void recheckQuietly(String messageId) {
        try {
            recheck(messageId);
        } catch (RuntimeException failed) {
            log.warn("could not check held message {} again: {}", messageId, failed.toString());
        }
    }

    /**
     * Records a release, rejection or retraction that did not come through this queue (another module called {@link
     * HeldMessages} directly); a rejection then records its violation when the verdict names a rule.
     */
    @Transactional
    public void recordOutside(String messageId, String kind, @Nullable String by, Instant at) {
        if (decisions.exists(messageId, kind)) {
            return;
        }
        MessageRecord m = records.find(messageId).orElse(null);
        if (m == null) {
            return;
        }
        decisions.insert(new DecisionRow(
                ids.next(),
                m.shopId(),
                m.id(),
                kind,
                switch (kind) {
                    case DecisionStore.RELEASED -> "ALLOW";
                    case DecisionStore.REJECTED -> "BLOCK";
                    default -> null;
                },
                null,
                m.reviewNote(),
                by,
                at));
        if (kind.equals(DecisionStore.REJECTED)) {
            VerdictView.ViolationView found = violationFor(m, null, null);
            if (found == null) {
                log.warn(
                        "message {} was rejected outside the review queue without a rule; no violation recorded",
                        m.id());
                return;
            }
            enforcement.record(new Enforcement.NewViolation(
                    m.shopId(),
                    m.id(),
                    m.conversationId(),
                    found.rule(),
                    found.kind(),
                    "REJECTED",
                    found.evidence(),
                    found.start(),
                    found.end(),
                    m.reviewNote(),
                    m.sentAt(),
                    by));
        }
    }

    private HeldItem heldItem(MessageRecord m, Instant now) {
        VerdictView verdict = m.verdict();
        boolean enforced = verdict != null && ENFORCEMENT.equals(verdict.policyVersion());
        List<String> rules = verdict == null
                ? List.of()
                : verdict.violations().stream()
                        .filter(v -> v.action().equals("HOLD"))
                        .map(VerdictView.ViolationView::rule)
                        .distinct()
                        .toList();
        VerdictView recheck = null;
        if (enforced) {
            recheck = decisions.ofMessage(m.id()).stream()
                    .filter(d -> d.kind().equals(DecisionStore.RECHECKED) && d.verdict() != null)
                    .map(d -> json.readValue(d.verdict(), VerdictView.class))
                    .reduce((a, b) -> b)
                    .orElse(null);
        }
        return new HeldItem(
                MessageView.of(m, true),
                rules,
                enforced ? "enforcement" : "checker",
                m.sentAt(),
                CaseViews.seconds(m.sentAt(), now),
                recheck);
    }

    /**
     * The violation of the message's verdict (or, for an enforcement hold, of the checker's new verdict) that a
     * rejection records: of {@code rule} (and {@code kind}) when named, else the first HOLD or BLOCK finding of a
     * catalogue rule.
     */
    private VerdictView.@Nullable ViolationView violationFor(
            MessageRecord m, @Nullable String rule, @Nullable String kind) {
        List<VerdictView.ViolationView> candidates = new ArrayList<>();
        if (m.verdict() != null) {
            candidates.addAll(m.verdict().violations());
        }
        for (DecisionRow d : decisions.ofMessage(m.id())) {
            if (d.kind().equals(DecisionStore.RECHECKED) && d.verdict() != null) {
                candidates.addAll(json.readValue(d.verdict(), VerdictView.class).violations());
            }
        }
        for (VerdictView.ViolationView v : candidates) {
            if (Rule.byId(v.rule()).isEmpty()) {
                continue;
            }
            if (rule != null) {
                if (v.rule().equals(rule) && (kind == null || kind.equals(v.kind()))) {
                    return v;
                }
            } else if (v.action().equals("HOLD") || v.action().equals("BLOCK")) {
                return v;
            }
        }
        return null;
    }

    private MessageRecord message(String messageId) {
        return records.find(messageId).orElseThrow(() -> ProblemException.notFound("no message '" + messageId + "'"));
    }

    private static ProblemException notHeld(MessageRecord m) {
        return new ProblemException(
                        409,
                        "message_not_held",
                        "Message not held",
                        "the message is " + m.status() + ", not held; only a held message is released or rejected")
                .with("messageStatus", m.status().name());
    }

    private static String source(String kind) {
        return switch (kind) {
            case DecisionStore.RECHECKED -> "checker";
            case DecisionStore.CONTEST_OVERTURNED, DecisionStore.CONTEST_UPHELD -> "contest";
            case DecisionStore.RETRACTED -> "seller";
            default -> "reviewer";
        };
    }

    static String excerpt(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200);
    }

    static String ruleIds() {
        return Arrays.stream(Rule.values()).map(Rule::id).collect(Collectors.joining(", "));
    }

    private static @Nullable Instant instant(String name, @Nullable String value, List<String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(name + ": an ISO 8601 instant such as 2026-01-31T12:00:00Z");
            return null;
        }
    }

    private static int limitOrError(@Nullable Integer limit, List<String> errors) {
        try {
            return Pages.limit(limit);
        } catch (ProblemException e) {
            errors.add("limit: between 1 and 200");
            return 50;
        }
    }

    private static Set<String> searchableRules() {
        Set<String> rules = new java.util.TreeSet<>();
        for (Rule r : Rule.values()) {
            rules.add(r.id());
        }
        rules.add("enforcement_hold");
        return Set.copyOf(rules);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
