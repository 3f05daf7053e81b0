package dev.parley.server.cases.internal;

import dev.parley.core.policy.Rule;
import dev.parley.server.accounts.Accounts;
import dev.parley.server.cases.CasesSettings;
import dev.parley.server.cases.EnforcementActionEnded;
import dev.parley.server.cases.EnforcementActionStarted;
import dev.parley.server.cases.EnforcementKind;
import dev.parley.server.cases.ViolationRecorded;
import dev.parley.server.cases.ViolationWithdrawn;
import dev.parley.server.cases.internal.StandingStore.ActionRow;
import dev.parley.server.cases.internal.StandingStore.ViolationRow;
import dev.parley.server.performance.EvaluationCompleted;
import dev.parley.server.shared.TimeOrderedIds;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Violations, their points and the enforcement actions they start (part 四 of the rules). Every change to a shop's
 * standing holds the shop's lock row, so that thresholds are judged on a consistent sum. Restrictions are handed to
 * accounts with their end instants, so they lapse on time at every send whatever the sweep does; the sweep only marks
 * run-out actions ended and announces it.
 */
@Service
public class Enforcement {
    private static final Logger log = LoggerFactory.getLogger(Enforcement.class);
    static final String SYSTEM = "system";

    private final StandingStore store;
    private final Accounts accounts;
    private final CasesSettings settings;
    private final Clock clock;
    private final TimeOrderedIds ids;
    private final ApplicationEventPublisher events;

    Enforcement(
            StandingStore store,
            Accounts accounts,
            CasesSettings settings,
            Clock clock,
            TimeOrderedIds ids,
            ApplicationEventPublisher events) {
        this.store = store;
        this.accounts = accounts;
        this.settings = settings;
        this.clock = clock;
        this.ids = ids;
        this.events = events;
    }

    /**
     * A violation to record.
     *
     * @param source {@code BLOCKED}, {@code REJECTED}, {@code BUYER_REPORT} or {@code REVIEWER}
     * @param occurredAt when the message was sent; points expire counted from it
     */
    record NewViolation(
            String shopId,
            String messageId,
            String conversationId,
            String rule,
            @Nullable String kind,
            String source,
            @Nullable String evidence,
            @Nullable Integer start,
            @Nullable Integer end,
            @Nullable String note,
            Instant occurredAt,
            @Nullable String recordedBy) {}

    /**
     * Records a violation and starts the action of the highest threshold its points make the shop's active points reach;
     * empty when the message already has a violation of that rule.
     */
    @Transactional
    public Optional<ViolationRow> record(NewViolation v) {
        Rule rule = Rule.byId(v.rule()).orElseThrow(() -> new IllegalArgumentException("no rule " + v.rule()));
        Instant now = now();
        store.lockShop(v.shopId(), now);
        if (store.violation(v.messageId(), v.rule()).isPresent()) {
            return Optional.empty();
        }
        int points = settings.pointsFor(rule.id());
        ViolationRow row = new ViolationRow(
                ids.next(),
                v.shopId(),
                v.messageId(),
                v.conversationId(),
                rule.id(),
                rule.clause(),
                v.kind(),
                v.source(),
                v.evidence() == null ? null : clip(v.evidence(), 2000),
                v.start(),
                v.end(),
                v.note() == null ? null : clip(v.note(), 2000),
                points,
                v.occurredAt(),
                now,
                v.occurredAt().plus(settings.pointsExpireAfter()),
                v.recordedBy(),
                null,
                null);
        store.insertViolation(row);
        int after = store.activePoints(v.shopId(), now);
        int before = after - (row.activeAt(now) ? points : 0);
        events.publishEvent(new ViolationRecorded(
                row.id(),
                row.shopId(),
                row.messageId(),
                row.rule(),
                row.clause(),
                row.kind(),
                row.source(),
                points,
                after,
                row.occurredAt(),
                row.expiresAt()));
        CasesSettings.Threshold crossed = null;
        for (CasesSettings.Threshold t : settings.thresholds()) {
            if (before < t.points() && t.points() <= after) {
                crossed = t;
            }
        }
        if (crossed != null) {
            List<ViolationRow> counted = store.activeViolations(v.shopId(), now);
            String reason = after + " active violation points reached the threshold of " + crossed.points() + " ("
                    + counted.size() + " violations in the last " + days(settings.pointsExpireAfter()) + " days): "
                    + describe(crossed.action(), crossed.duration());
            start(
                    v.shopId(),
                    crossed.action(),
                    crossed.duration(),
                    "POINTS",
                    reason,
                    after,
                    crossed.points(),
                    null,
                    null,
                    SYSTEM,
                    counted.stream().map(ViolationRow::id).toList(),
                    now);
        }
        return Optional.of(row);
    }

    /**
     * Withdraws every violation of a message (its verdict was overturned) and lifts each running action that rested on
     * one of them and, without them, no longer has the points of its threshold among the violations that started it and
     * those recorded since. Returns the withdrawn violations.
     */
    @Transactional
    public List<ViolationRow> withdrawFor(String shopId, String messageId, String reason, String by) {
        Instant now = now();
        store.lockShop(shopId, now);
        List<ViolationRow> withdrawn = store.violationsOfMessage(messageId).stream()
                .filter(v -> v.withdrawnAt() == null)
                .toList();
        Set<String> reexamine = new LinkedHashSet<>();
        for (ViolationRow v : withdrawn) {
            store.withdraw(v.id(), now, reason);
            events.publishEvent(new ViolationWithdrawn(v.id(), v.shopId(), v.messageId(), v.rule(), reason, now));
            store.actionsCounting(v.id()).forEach(a -> reexamine.add(a.id()));
        }
        for (String actionId : reexamine) {
            ActionRow a = store.action(actionId, true).orElseThrow();
            boolean running = a.liftedAt() == null && (a.endsAt() == null || now.isBefore(a.endsAt()));
            if (running && a.threshold() != null) {
                int remaining = store.supportingPoints(a);
                if (remaining < a.threshold()) {
                    lift(
                            a,
                            by,
                            "its cause was withdrawn: without the overturned violation the points that started it and"
                                    + " those recorded since (" + remaining + ") are below its threshold ("
                                    + a.threshold() + ")",
                            now);
                }
            }
        }
        pushRestrictions(shopId, now);
        return withdrawn;
    }

    /** Lifts a running action early (a granted appeal) and removes its restriction; false when already lifted. */
    @Transactional
    public boolean lift(String actionId, String by, String reason) {
        Instant now = now();
        ActionRow a = store.action(actionId, false).orElseThrow();
        store.lockShop(a.shopId(), now);
        boolean lifted = lift(store.action(actionId, true).orElseThrow(), by, reason, now);
        pushRestrictions(a.shopId(), now);
        return lifted;
    }

    /** Starts an action a reviewer decided on. */
    @Transactional
    public ActionRow startByReviewer(
            String shopId, EnforcementKind kind, @Nullable Duration duration, String reason, String reviewerId) {
        Instant now = now();
        store.lockShop(shopId, now);
        return start(
                shopId,
                kind,
                duration,
                "REVIEWER",
                reason + " (" + describe(kind, duration) + ")",
                null,
                null,
                null,
                null,
                reviewerId,
                List.of(),
                now);
    }

    /**
     * Starts the configured action when an evaluation's response rate is below the target, once per evaluation; a later
     * revision of the same evaluation that meets the target (a verified report, a released reply) lifts it.
     */
    @Transactional
    public void onEvaluation(EvaluationCompleted e) {
        Instant now = now();
        store.lockShop(e.shopId(), now);
        CasesSettings.ResponseRate target = settings.responseRate();
        boolean below =
                "EVALUATED".equals(e.status()) && e.responseRate() != null && e.responseRate() < target.target();
        Optional<ActionRow> existing = store.actionForEvaluation(e.shopId(), e.evaluatedAt());
        if (existing.isPresent()) {
            ActionRow a = existing.get();
            if (a.evaluationRevision() != null && a.evaluationRevision() >= e.revision()) {
                return;
            }
            store.setEvaluationRevision(a.id(), e.revision());
            if (!below && a.liftedAt() == null) {
                lift(
                        a,
                        SYSTEM,
                        "revision " + e.revision() + " of the evaluation meets the response-rate target of "
                                + percent(target.target()),
                        now);
                pushRestrictions(e.shopId(), now);
            }
            return;
        }
        if (!below) {
            return;
        }
        String reason = "the response rate of the evaluation at " + e.evaluatedAt() + " was "
                + percent(e.responseRate()) + " (" + e.responded() + " of " + e.assessed()
                + " messages responded), below the target of " + percent(target.target()) + ": "
                + describe(target.action(), target.duration());
        start(
                e.shopId(),
                target.action(),
                target.duration(),
                "RESPONSE_RATE",
                reason,
                null,
                null,
                e,
                e.responseRate(),
                SYSTEM,
                List.of(),
                now);
    }

    /** Marks the actions that ran out as ended and announces it; returns how many. */
    @Transactional
    public int sweep() {
        Instant now = now();
        List<ActionRow> due = store.runOut(now, 500);
        Set<String> shops = new LinkedHashSet<>();
        int ended = 0;
        for (ActionRow a : due) {
            if (store.markEnded(a.id())) {
                ended++;
                shops.add(a.shopId());
                events.publishEvent(
                        new EnforcementActionEnded(a.id(), a.shopId(), a.kind(), false, "it ran its time", a.endsAt()));
            }
        }
        for (String shop : shops) {
            store.lockShop(shop, now);
            pushRestrictions(shop, now);
        }
        if (ended > 0) {
            log.info("enforcement actions ended: {}", ended);
        }
        return ended;
    }

    /** The violation of {@code rule} a message has, if any. */
    public Optional<ViolationRow> violation(String messageId, String rule) {
        return store.violation(messageId, rule);
    }

    /** The shop's active points at this moment. */
    public int activePoints(String shopId) {
        return store.activePoints(shopId, now());
    }

    private ActionRow start(
            String shopId,
            EnforcementKind kind,
            @Nullable Duration duration,
            String cause,
            String reason,
            @Nullable Integer points,
            @Nullable Integer threshold,
            @Nullable EvaluationCompleted evaluation,
            @Nullable Double rate,
            String by,
            Collection<String> counted,
            Instant now) {
        Instant endsAt = kind.restricts() ? now.plus(duration) : null;
        ActionRow a = new ActionRow(
                ids.next(),
                shopId,
                kind,
                cause,
                clip(reason, 2000),
                points,
                threshold,
                evaluation == null ? null : evaluation.evaluatedAt(),
                evaluation == null ? null : evaluation.revision(),
                rate,
                by,
                now,
                endsAt,
                null,
                null,
                null,
                null);
        store.insertAction(a);
        store.linkViolations(a.id(), shopId, counted);
        events.publishEvent(new EnforcementActionStarted(a.id(), shopId, kind, cause, a.reason(), now, endsAt));
        pushRestrictions(shopId, now);
        log.info("enforcement action {} on shop {}: {}", kind, shopId, a.reason());
        return a;
    }

    private boolean lift(ActionRow a, String by, String reason, Instant now) {
        if (!store.lift(a.id(), now, by, clip(reason, 2000))) {
            return false;
        }
        events.publishEvent(new EnforcementActionEnded(a.id(), a.shopId(), a.kind(), true, reason, now));
        return true;
    }

    /** Hands the shop's running restrictions, with their ends, to accounts (the send path reads them). */
    private void pushRestrictions(String shopId, Instant now) {
        Instant suspended = null;
        Instant held = null;
        for (ActionRow a : store.restricting(shopId, now)) {
            switch (a.kind()) {
                case SUSPENSION -> suspended = later(suspended, a.endsAt());
                case HOLD_ALL -> held = later(held, a.endsAt());
                case WARNING -> {}
            }
        }
        accounts.scheduleMessagingRestrictions(shopId, suspended, held);
    }

    private static @Nullable Instant later(@Nullable Instant a, @Nullable Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    static String describe(EnforcementKind kind, @Nullable Duration duration) {
        return switch (kind) {
            case WARNING -> "a warning";
            case HOLD_ALL -> "every message is held for review for " + span(duration);
            case SUSPENSION -> "messaging is suspended for " + span(duration);
        };
    }

    private static String span(@Nullable Duration d) {
        if (d == null) {
            return "an open time";
        }
        if (d.toHours() % 24 == 0) {
            long days = d.toDays();
            return days + (days == 1 ? " day" : " days");
        }
        if (d.toMinutes() % 60 == 0) {
            return d.toHours() + " hours";
        }
        return d.toMinutes() + " minutes";
    }

    private static long days(Duration d) {
        return d.toDays();
    }

    private static String percent(double rate) {
        return String.format(Locale.ROOT, "%.1f%%", rate * 100);
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** Ids of the violations that started an action. */
    List<String> counted(String actionId) {
        return new ArrayList<>(store.countedViolationIds(actionId));
    }
}
