package dev.parley.server.cases.internal;

import dev.parley.server.accounts.Actor;
import dev.parley.server.cases.ContestDecided;
import dev.parley.server.cases.VerdictContested;
import dev.parley.server.cases.internal.CaseViews.ContestView;
import dev.parley.server.cases.internal.CaseViews.MessageView;
import dev.parley.server.cases.internal.DisputeStore.ContestRow;
import dev.parley.server.catalog.Product;
import dev.parley.server.messaging.MessageRecord;
import dev.parley.server.messaging.MessageRecords;
import dev.parley.server.messaging.MessageStatus;
import dev.parley.server.messaging.SellerDraft;
import dev.parley.server.messaging.Sender;
import dev.parley.server.messaging.VerdictView;
import dev.parley.server.shared.ProblemException;
import dev.parley.server.shared.TimeOrderedIds;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * Contests of verdicts: a shop admin or owner contests the verdict on a blocked or rejected message, once; a reviewer
 * overturns it (its violations and their points are withdrawn, actions that rested on them are lifted, and the message
 * joins the checker's regression set) or upholds it.
 */
@Service
public class Contests {
    private final DisputeStore store;
    private final MessageRecords records;
    private final Enforcement enforcement;
    private final DecisionStore decisions;
    private final Access access;
    private final TimeOrderedIds ids;
    private final Clock clock;
    private final ObjectMapper json;
    private final ApplicationEventPublisher events;

    Contests(
            DisputeStore store,
            MessageRecords records,
            Enforcement enforcement,
            DecisionStore decisions,
            Access access,
            TimeOrderedIds ids,
            Clock clock,
            ObjectMapper json,
            ApplicationEventPublisher events) {
        this.store = store;
        this.records = records;
        this.enforcement = enforcement;
        this.decisions = decisions;
        this.access = access;
        this.ids = ids;
        this.clock = clock;
        this.json = json;
        this.events = events;
    }

    /** Contests the verdict on a blocked or rejected message of the shop. */
    @Transactional
    public ContestView contest(Actor actor, String shopId, @Nullable String messageId, @Nullable String statement) {
        access.admin(actor, shopId, "contest verdicts");
        if (messageId == null || messageId.isBlank()) {
            throw ProblemException.invalid("messageId: required: the blocked or rejected message");
        }
        MessageRecord m = records.find(messageId)
                .filter(x -> x.shopId().equals(shopId) && x.sender() == Sender.SELLER)
                .orElseThrow(() ->
                        ProblemException.invalid("messageId: no message '" + messageId + "' of this shop's team"));
        Standings.text("statement", statement, 4000, "say why the verdict is wrong");
        ContestRow earlier = store.contestOf(messageId).orElse(null);
        if (earlier != null) {
            throw new ProblemException(
                            409,
                            "already_contested",
                            "Already contested",
                            "the verdict on this message was already contested on " + earlier.filedAt()
                                    + "; a verdict can be contested once")
                    .with("contestId", earlier.id());
        }
        if (m.status() != MessageStatus.BLOCKED && m.status() != MessageStatus.REJECTED) {
            throw new ProblemException(
                            409,
                            "not_contestable",
                            "Not contestable",
                            "only the verdict on a blocked or rejected message can be contested; this message is "
                                    + m.status())
                    .with("messageStatus", m.status().name());
        }
        Instant now = now();
        ContestRow row = new ContestRow(
                ids.next(),
                shopId,
                m.id(),
                m.conversationId(),
                statement,
                actor.senderKey(),
                now,
                "PENDING",
                null,
                null,
                null,
                null);
        try {
            store.insertContest(row);
        } catch (DuplicateKeyException raced) {
            throw new ProblemException(
                    409, "already_contested", "Already contested", "the verdict on this message was already contested");
        }
        events.publishEvent(new VerdictContested(row.id(), shopId, m.id(), actor.senderKey(), now));
        return view(row, m, now, false);
    }

    /** The shop's contests, newest first. */
    public Pages.Page<ContestView> ofShop(
            Actor actor, String shopId, @Nullable String status, @Nullable String cursor, @Nullable Integer limit) {
        access.reader(actor, shopId);
        int size = Pages.limit(limit);
        Instant now = clock.instant();
        List<ContestRow> rows = store.contests(
                shopId,
                Standings.status(status, "PENDING", "OVERTURNED", "UPHELD"),
                false,
                Pages.position(cursor),
                size + 1);
        return Pages.of(rows, size, c -> view(c, null, now, actor.isStaff()), ContestRow::filedAt, ContestRow::id);
    }

    /** The reviewers' queue of contests: pending (or another status), oldest first, with the messages. */
    public Pages.Page<ContestView> queue(
            Actor actor,
            @Nullable String shopId,
            @Nullable String status,
            @Nullable String cursor,
            @Nullable Integer limit) {
        access.reviewer(actor);
        int size = Pages.limit(limit);
        Instant now = clock.instant();
        List<ContestRow> rows = store.contests(
                shopId,
                Standings.status(status == null ? "PENDING" : status, "PENDING", "OVERTURNED", "UPHELD"),
                true,
                Pages.position(cursor),
                size + 1);
        return Pages.of(
                rows,
                size,
                c -> view(c, records.find(c.messageId()).orElse(null), now, true),
                ContestRow::filedAt,
                ContestRow::id);
    }

    /**
     * Overturns the verdict ({@code expectedAction} {@code ALLOW} or {@code WARN}, by default {@code ALLOW}): the
     * message's violations are withdrawn and it joins the regression set; or upholds it, with a reason.
     */
    @Transactional
    public ContestView decide(
            Actor actor, String contestId, boolean overturn, @Nullable String expectedAction, @Nullable String note) {
        access.reviewer(actor);
        ContestRow c = store.contest(contestId, true)
                .orElseThrow(() -> ProblemException.notFound("no contest '" + contestId + "'"));
        if (!c.status().equals("PENDING")) {
            throw Standings.alreadyDecided("contest", c.status(), c.decidedAt());
        }
        String expected = null;
        if (overturn) {
            expected = expectedAction == null ? "ALLOW" : expectedAction.toUpperCase(Locale.ROOT);
            if (!expected.equals("ALLOW") && !expected.equals("WARN")) {
                throw ProblemException.invalid("expectedAction: ALLOW or WARN, what the message should have got");
            }
            Standings.text("note", note, 2000, null);
        } else {
            Standings.text("reason", note, 2000, "the shop is told why the verdict stands");
        }
        Instant now = now();
        MessageRecord m = records.find(c.messageId()).orElseThrow();
        String by = actor.senderKey();
        store.decideContest(c.id(), overturn ? "OVERTURNED" : "UPHELD", expected, by, now, note);
        decisions.insert(new DecisionStore.DecisionRow(
                ids.next(),
                c.shopId(),
                c.messageId(),
                overturn ? DecisionStore.CONTEST_OVERTURNED : DecisionStore.CONTEST_UPHELD,
                overturn ? expected : m.verdict() == null ? null : m.verdict().action(),
                null,
                note,
                by,
                now));
        if (overturn) {
            enforcement.withdrawFor(
                    c.shopId(),
                    c.messageId(),
                    "the verdict was overturned on contest" + (note == null ? "" : ": " + note),
                    by);
            store.insertRegressionCase(c.messageId(), c.shopId(), c.id(), regressionLine(m, c.id(), expected), now);
        }
        events.publishEvent(new ContestDecided(c.id(), c.shopId(), c.messageId(), overturn, expected, by, now));
        return view(store.contest(c.id(), false).orElseThrow(), m, now, true);
    }

    /** Whether the verdict on a message was overturned (a blocked message's violation is then not recorded). */
    boolean overturned(String messageId) {
        return store.contestOf(messageId)
                .map(c -> c.status().equals("OVERTURNED"))
                .orElse(false);
    }

    /** The regression set as {@code parley check} input, one JSON object per line. */
    public String regressionSet(Actor actor) {
        access.reviewerOrOperator(actor);
        StringBuilder out = new StringBuilder();
        for (String line : store.regressionLines()) {
            out.append(line).append('\n');
        }
        return out.toString();
    }

    /**
     * The message as a {@code parley check} input line (policy-rules.md, snake_case) with the context the checker had
     * (listing, buyer's text, region), the expected outcome and the verdict that was overturned.
     */
    private String regressionLine(MessageRecord m, String contestId, String expected) {
        SellerDraft draft = records.draftOf(m.id()).orElse(null);
        Map<String, @Nullable Object> line = new LinkedHashMap<>();
        line.put("id", m.id());
        line.put("text", m.text());
        line.put("buyer_initiated", draft == null || draft.buyerInitiated());
        if (draft != null && draft.product() != null) {
            line.put("listing", listing(draft.product()));
        }
        if (draft != null && draft.buyerText() != null) {
            line.put("buyer_text", draft.buyerText());
        }
        if (draft != null && draft.region() != null) {
            line.put("region", draft.region());
        }
        line.put("expect", Map.of("action", expected));
        VerdictView verdict = m.verdict();
        if (verdict != null) {
            Map<String, @Nullable Object> original = new LinkedHashMap<>();
            original.put("action", verdict.action());
            original.put(
                    "rules",
                    verdict.violations().stream()
                            .map(VerdictView.ViolationView::rule)
                            .distinct()
                            .toList());
            original.put("policy_version", verdict.policyVersion());
            line.put("overturned", original);
        }
        if (!m.attachments().isEmpty()) {
            line.put(
                    "attachment_names",
                    m.attachments().stream().map(MessageRecord.Attachment::name).toList());
        }
        line.put("contest_id", contestId);
        line.put("shop_id", m.shopId());
        return json.writeValueAsString(line);
    }

    private static Map<String, Object> listing(Product p) {
        Map<String, Object> listing = new LinkedHashMap<>();
        if (p.language() != null) {
            listing.put("language", p.language());
        }
        if (p.price() != null) {
            listing.put("price", p.price());
        }
        if (p.currency() != null) {
            listing.put("currency", p.currency());
        }
        if (p.returnDays() != null) {
            listing.put("return_days", p.returnDays());
        }
        if (p.freeReturns() != null) {
            listing.put("free_return", p.freeReturns());
        }
        if (p.warrantyMonths() != null) {
            listing.put("warranty_months", p.warrantyMonths());
        }
        return listing;
    }

    private ContestView view(ContestRow c, @Nullable MessageRecord m, Instant now, boolean staff) {
        return new ContestView(
                c.id(),
                c.shopId(),
                c.messageId(),
                c.conversationId(),
                c.statement(),
                c.filedBy(),
                c.filedAt(),
                c.status(),
                c.expectedAction(),
                c.decidedAt(),
                staff ? c.decidedBy() : null,
                c.decisionNote(),
                c.status().equals("PENDING") ? CaseViews.seconds(c.filedAt(), now) : null,
                m == null ? null : MessageView.of(m, staff));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
