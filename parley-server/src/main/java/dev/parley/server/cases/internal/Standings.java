package dev.parley.server.cases.internal;

import dev.parley.server.accounts.Accounts;
import dev.parley.server.accounts.Actor;
import dev.parley.server.accounts.MessagingRestriction;
import dev.parley.server.accounts.ShopInfo;
import dev.parley.server.cases.AppealDecided;
import dev.parley.server.cases.AppealFiled;
import dev.parley.server.cases.CasesSettings;
import dev.parley.server.cases.EnforcementKind;
import dev.parley.server.cases.internal.CaseViews.ActionView;
import dev.parley.server.cases.internal.CaseViews.AppealView;
import dev.parley.server.cases.internal.CaseViews.Standing;
import dev.parley.server.cases.internal.CaseViews.ThresholdView;
import dev.parley.server.cases.internal.CaseViews.ViolationView;
import dev.parley.server.cases.internal.DisputeStore.AppealRow;
import dev.parley.server.cases.internal.StandingStore.ActionRow;
import dev.parley.server.cases.internal.StandingStore.ViolationRow;
import dev.parley.server.messaging.MessageRecord;
import dev.parley.server.messaging.MessageRecords;
import dev.parley.server.messaging.Sender;
import dev.parley.server.shared.ProblemException;
import dev.parley.server.shared.TimeOrderedIds;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A shop's standing as the API shows it: violations, points, enforcement actions, and their appeals (once per action,
 * by a shop admin or owner, decided by a reviewer); reviewers may also record a violation or start an action
 * themselves.
 */
@Service
public class Standings {
    private final StandingStore store;
    private final DisputeStore disputes;
    private final Enforcement enforcement;
    private final MessageRecords records;
    private final DecisionStore decisions;
    private final Accounts accounts;
    private final Access access;
    private final CasesSettings settings;
    private final TimeOrderedIds ids;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Standings(
            StandingStore store,
            DisputeStore disputes,
            Enforcement enforcement,
            MessageRecords records,
            DecisionStore decisions,
            Accounts accounts,
            Access access,
            CasesSettings settings,
            TimeOrderedIds ids,
            Clock clock,
            ApplicationEventPublisher events) {
        this.store = store;
        this.disputes = disputes;
        this.enforcement = enforcement;
        this.records = records;
        this.decisions = decisions;
        this.accounts = accounts;
        this.access = access;
        this.settings = settings;
        this.ids = ids;
        this.clock = clock;
        this.events = events;
    }

    // ---------------------------------------------------------------- reading

    /** The shop's points, restriction, thresholds and running actions. */
    public Standing standing(Actor actor, String shopId) {
        access.reader(actor, shopId);
        Instant now = clock.instant();
        ShopInfo shop = accounts.shop(shopId).orElseThrow();
        MessagingRestriction restriction = shop.restrictionAt(now);
        Instant until = switch (restriction) {
            case SUSPENDED -> shop.restriction() == MessagingRestriction.SUSPENDED ? null : shop.suspendedUntil();
            case HOLD_ALL -> shop.restriction() == MessagingRestriction.HOLD_ALL ? null : shop.heldUntil();
            case NONE -> null;
        };
        int points = store.activePoints(shopId, now);
        List<ThresholdView> thresholds = settings.thresholds().stream()
                .map(t -> new ThresholdView(
                        t.points(),
                        t.action(),
                        t.duration() == null ? null : t.duration().toHours()))
                .toList();
        ThresholdView next =
                thresholds.stream().filter(t -> t.points() > points).findFirst().orElse(null);
        List<ActionView> running = store.restricting(shopId, now).stream()
                .map(a -> actionView(a, now, actor.isStaff()))
                .toList();
        return new Standing(
                shopId,
                points,
                restriction.name(),
                until,
                settings.pointsExpireAfter().toDays(),
                thresholds,
                next,
                settings.responseRate().target(),
                running);
    }

    /** The shop's violations (or all shops' for a reviewer), newest first. */
    public Pages.Page<ViolationView> violations(
            Actor actor,
            @Nullable String shopId,
            @Nullable String status,
            @Nullable String cursor,
            @Nullable Integer limit) {
        if (shopId == null) {
            access.reviewer(actor);
        } else {
            access.reader(actor, shopId);
        }
        Boolean active = null;
        if (status != null) {
            switch (status.toUpperCase(Locale.ROOT)) {
                case "ACTIVE" -> active = true;
                case "INACTIVE" -> active = false;
                default -> throw ProblemException.invalid("status: ACTIVE or INACTIVE (expired or withdrawn)");
            }
        }
        int size = Pages.limit(limit);
        Instant now = clock.instant();
        List<ViolationRow> rows = store.violations(shopId, active, now, Pages.position(cursor), size + 1);
        return Pages.of(rows, size, v -> ViolationView.of(v, now), ViolationRow::recordedAt, ViolationRow::id);
    }

    /** The shop's enforcement actions (or all shops' for a reviewer), newest first. */
    public Pages.Page<ActionView> actions(
            Actor actor, @Nullable String shopId, @Nullable String cursor, @Nullable Integer limit) {
        if (shopId == null) {
            access.reviewer(actor);
        } else {
            access.reader(actor, shopId);
        }
        int size = Pages.limit(limit);
        Instant now = clock.instant();
        List<ActionRow> rows = store.actions(shopId, Pages.position(cursor), size + 1);
        return Pages.of(rows, size, a -> actionView(a, now, actor.isStaff()), ActionRow::startsAt, ActionRow::id);
    }

    /** One action of the shop. */
    public ActionView action(Actor actor, String shopId, String actionId) {
        access.reader(actor, shopId);
        ActionRow a = store.action(actionId, false)
                .filter(x -> x.shopId().equals(shopId))
                .orElseThrow(() -> noAction(actionId));
        return actionView(a, clock.instant(), actor.isStaff());
    }

    // ---------------------------------------------------------------- appeals

    /**
     * Appeals an action, once, while it restricts messaging; a warning (which restricts nothing), an action that ended
     * or was lifted, and a second appeal are {@code 409}.
     */
    @Transactional
    public AppealView appeal(Actor actor, String shopId, String actionId, @Nullable String statement) {
        access.admin(actor, shopId, "appeal enforcement actions");
        ActionRow a = store.action(actionId, true)
                .filter(x -> x.shopId().equals(shopId))
                .orElseThrow(() -> noAction(actionId));
        text("statement", statement, 4000, "say why the action should be lifted");
        Instant now = now();
        AppealRow earlier = disputes.appealOf(actionId).orElse(null);
        if (earlier != null) {
            throw new ProblemException(
                            409,
                            "already_appealed",
                            "Already appealed",
                            "this action was already appealed on " + earlier.filedAt()
                                    + "; an action can be appealed once")
                    .with("appealId", earlier.id());
        }
        String status = a.statusAt(now);
        if (!a.kind().restricts()) {
            throw notAppealable("a warning restricts nothing and cannot be appealed", status);
        }
        if (!status.equals("ACTIVE")) {
            throw notAppealable(
                    status.equals("LIFTED")
                            ? "the action was already lifted at " + a.liftedAt()
                            : "the action ended at " + a.endsAt() + "; only a running action can be appealed",
                    status);
        }
        AppealRow row = new AppealRow(
                ids.next(), shopId, actionId, statement, actor.senderKey(), now, "PENDING", null, null, null);
        try {
            disputes.insertAppeal(row);
        } catch (DuplicateKeyException raced) {
            throw new ProblemException(
                    409, "already_appealed", "Already appealed", "this action was already appealed; once per action");
        }
        events.publishEvent(new AppealFiled(row.id(), actionId, shopId, actor.senderKey(), now));
        return appealView(row, now, true);
    }

    /** The reviewers' queue of appeals: pending (or another status), oldest first. */
    public Pages.Page<AppealView> appeals(
            Actor actor,
            @Nullable String shopId,
            @Nullable String status,
            @Nullable String cursor,
            @Nullable Integer limit) {
        access.reviewer(actor);
        int size = Pages.limit(limit);
        String st = status(status == null ? "PENDING" : status, "PENDING", "GRANTED", "DENIED");
        Instant now = clock.instant();
        List<AppealRow> rows = disputes.appeals(shopId, st, true, Pages.position(cursor), size + 1);
        return Pages.of(rows, size, a -> appealView(a, now, true), AppealRow::filedAt, AppealRow::id);
    }

    /** Grants an appeal (the action is lifted, its restriction removed) or denies it (with a reason). */
    @Transactional
    public AppealView decideAppeal(Actor actor, String appealId, boolean grant, @Nullable String note) {
        access.reviewer(actor);
        AppealRow a = disputes.appeal(appealId, true)
                .orElseThrow(() -> ProblemException.notFound("no appeal '" + appealId + "'"));
        if (!a.status().equals("PENDING")) {
            throw alreadyDecided("appeal", a.status(), a.decidedAt());
        }
        if (grant) {
            text("note", note, 2000, null);
        } else {
            text("reason", note, 2000, "the shop is told why its appeal was denied");
        }
        Instant now = now();
        disputes.decideAppeal(a.id(), grant ? "GRANTED" : "DENIED", actor.senderKey(), now, note);
        if (grant) {
            enforcement.lift(a.actionId(), actor.senderKey(), "appeal granted" + (note == null ? "" : ": " + note));
        }
        events.publishEvent(new AppealDecided(a.id(), a.actionId(), a.shopId(), grant, actor.senderKey(), now));
        return appealView(disputes.appeal(a.id(), false).orElseThrow(), now, true);
    }

    // ---------------------------------------------------------------- reviewers' own records

    /** A reviewer records a violation of a seller message (found by a search, say). */
    @Transactional
    public ViolationView recordViolation(
            Actor actor,
            @Nullable String messageId,
            @Nullable String rule,
            @Nullable String kind,
            @Nullable String note) {
        access.reviewer(actor);
        List<String> errors = new ArrayList<>();
        MessageRecord m = null;
        if (messageId == null || messageId.isBlank()) {
            errors.add("messageId: required");
        } else {
            m = records.find(messageId).orElse(null);
            if (m == null) {
                errors.add("messageId: no message '" + messageId + "'");
            } else if (m.sender() != Sender.SELLER) {
                errors.add("messageId: message '" + messageId + "' was sent by the "
                        + m.sender().apiName() + "; violations are of seller messages");
            }
        }
        RuleChoice.check(rule, kind, true, errors);
        if (note != null && note.length() > 2000) {
            errors.add("note: at most 2000 characters");
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(String.join("; ", errors), errors);
        }
        String by = actor.senderKey();
        ViolationRow v = enforcement
                .record(new Enforcement.NewViolation(
                        m.shopId(),
                        m.id(),
                        m.conversationId(),
                        rule,
                        kind,
                        "REVIEWER",
                        ReviewQueue.excerpt(m.text()),
                        null,
                        null,
                        note,
                        m.sentAt(),
                        by))
                .orElseThrow(() -> new ProblemException(
                        409,
                        "already_recorded",
                        "Already recorded",
                        "message '" + messageId + "' already has a violation of rule " + rule));
        decisions.insert(new DecisionStore.DecisionRow(
                ids.next(), m.shopId(), m.id(), DecisionStore.VIOLATION_RECORDED, null, null, note, by, now()));
        return ViolationView.of(v, now());
    }

    /** A reviewer starts an enforcement action on a shop. */
    @Transactional
    public ActionView startAction(
            Actor actor,
            @Nullable String shopId,
            @Nullable String kind,
            @Nullable Integer days,
            @Nullable String reason) {
        access.reviewer(actor);
        List<String> errors = new ArrayList<>();
        if (shopId == null || accounts.shop(shopId).isEmpty()) {
            errors.add("shopId: " + (shopId == null ? "required" : "no shop '" + shopId + "'"));
        }
        EnforcementKind k = null;
        try {
            k = kind == null ? null : EnforcementKind.valueOf(kind.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            k = null;
        }
        if (k == null) {
            errors.add("kind: one of WARNING, HOLD_ALL, SUSPENSION");
        } else if (k.restricts() && (days == null || days < 1 || days > 365)) {
            errors.add("days: between 1 and 365 for a " + k);
        }
        if (reason == null || reason.isBlank()) {
            errors.add("reason: required; the shop sees it");
        } else if (reason.length() > 1500) {
            errors.add("reason: at most 1500 characters");
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(String.join("; ", errors), errors);
        }
        Duration duration = k.restricts() ? Duration.ofDays(days) : null;
        ActionRow a = enforcement.startByReviewer(shopId, k, duration, reason, actor.senderKey());
        return actionView(a, now(), true);
    }

    // ---------------------------------------------------------------- views

    ActionView actionView(ActionRow a, Instant now, boolean staff) {
        AppealRow appeal = disputes.appealOf(a.id()).orElse(null);
        String status = a.statusAt(now);
        return new ActionView(
                a.id(),
                a.shopId(),
                a.kind(),
                status,
                a.cause(),
                a.reason(),
                a.points(),
                a.threshold(),
                a.evaluatedAt(),
                a.responseRate(),
                a.startsAt(),
                a.endsAt(),
                a.liftedAt(),
                a.liftedReason(),
                appeal == null && a.kind().restricts() && status.equals("ACTIVE"),
                appeal == null ? null : appealView(appeal, now, staff),
                enforcement.counted(a.id()));
    }

    private AppealView appealView(AppealRow a, Instant now, boolean staff) {
        return new AppealView(
                a.id(),
                a.actionId(),
                a.shopId(),
                a.statement(),
                a.filedBy(),
                a.filedAt(),
                a.status(),
                a.decidedAt(),
                staff ? a.decidedBy() : null,
                a.decisionNote(),
                a.status().equals("PENDING") ? CaseViews.seconds(a.filedAt(), now) : null);
    }

    static ProblemException alreadyDecided(String what, String status, @Nullable Instant at) {
        return new ProblemException(
                        409,
                        "already_decided",
                        "Already decided",
                        "the " + what + " was already " + status + " at " + at + "; it is decided once")
                .with("currentStatus", status);
    }

    private static ProblemException notAppealable(String detail, String status) {
        return new ProblemException(409, "not_appealable", "Not appealable", detail).with("actionStatus", status);
    }

    private static ProblemException noAction(String actionId) {
        return ProblemException.notFound("no enforcement action '" + actionId + "' in this shop");
    }

    /** Checks a free text: required (when {@code why} is given) and at most {@code max} characters. */
    static void text(String name, @Nullable String value, int max, @Nullable String why) {
        if (why != null && (value == null || value.isBlank())) {
            throw ProblemException.invalid(name + ": required; " + why);
        }
        if (value != null && value.length() > max) {
            throw ProblemException.invalid(name + ": at most " + max + " characters");
        }
    }

    static @Nullable String status(@Nullable String status, String... allowed) {
        if (status == null || status.isBlank()) {
            return null;
        }
        String s = status.toUpperCase(Locale.ROOT);
        if (!List.of(allowed).contains(s)) {
            throw ProblemException.invalid("status: one of " + String.join(", ", allowed));
        }
        return s;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
