package dev.parley.server.performance.internal;

import dev.parley.core.evaluation.Evaluation;
import dev.parley.core.evaluation.EvaluationCalendar;
import dev.parley.core.evaluation.EvaluationSettings;
import dev.parley.server.messaging.MessageLog;
import dev.parley.server.performance.EvaluationCompleted;
import dev.parley.server.performance.PerformanceSettings;
import dev.parley.server.performance.internal.EvaluationStore.Header;
import dev.parley.server.performance.internal.EvaluationStore.ShopState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Computes and stores a shop's evaluations, one transaction per step, each holding the shop's row lock: the scheduled
 * first revision at each evaluation instant, and later revisions when a verified report or a released held reply
 * changes a stored one. Whoever holds the lock reads the messages after taking it, so nothing committed before is
 * missed and no instant is stored twice, on any number of nodes.
 */
@Component
public class EvaluationRunner {
    /** What one scheduled step did. */
    public enum Step {
        /** Nothing was due. */
        IDLE,
        /** An evaluation was stored and the open period moved on. */
        STORED,
        /** The evaluation was already stored (or the shop had no message yet); the open period moved on. */
        ADVANCED
    }

    /** Cause of the scheduled first revision. */
    public static final String SCHEDULED = "scheduled";

    private static final Logger LOG = LoggerFactory.getLogger(EvaluationRunner.class);
    private static final int ATTEMPTS = 3;

    private final EvaluationStore store;
    private final EvaluationComputer computer;
    private final MessageLog log;
    private final PolicyHistory policies;
    private final ZoneHistory zones;
    private final PerformanceSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate tx;

    EvaluationRunner(
            EvaluationStore store,
            EvaluationComputer computer,
            MessageLog log,
            PolicyHistory policies,
            ZoneHistory zones,
            PerformanceSettings settings,
            ApplicationEventPublisher events,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.store = store;
        this.computer = computer;
        this.log = log;
        this.policies = policies;
        this.zones = zones;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Stores every evaluation of the shop that is due (its instant at least the grace ago), oldest first; returns how
     * many were stored now.
     */
    public int catchUp(String shopId) {
        // the listener that adds a shop on its first conversation runs asynchronously: do not depend on it here
        store.ensureShop(shopId, clock.instant());
        int stored = 0;
        while (true) {
            Step step = retrying(() -> tx.execute(status -> step(shopId)));
            if (step == Step.IDLE) {
                return stored;
            }
            if (step == Step.STORED) {
                stored++;
            }
        }
    }

    /** One step of {@link #catchUp}: stores the evaluation closing the shop's open period if it is due. */
    Step step(String shopId) {
        Instant now = clock.instant();
        Optional<ShopState> locked = store.lockShop(shopId);
        if (locked.isEmpty()) {
            return Step.IDLE;
        }
        zones.sync(shopId);
        ShopState state = locked.get();
        if (state.nextInstant() == null) {
            Optional<Instant> earliest = log.earliest(shopId);
            if (earliest.isEmpty()) {
                return Step.IDLE;
            }
            Regime regime = regimeAt(shopId, earliest.get());
            Instant first = regime.calendar().atOrAfter(earliest.get());
            state = new ShopState(
                    shopId,
                    earliest.get(),
                    regime.calendar().before(first),
                    first,
                    regime.zone().getId(),
                    regime.settings().version());
            store.updateShop(state, now);
        }
        Instant instant = Objects.requireNonNull(state.nextInstant());
        if (instant.isAfter(now.minus(settings.grace()))) {
            return Step.IDLE;
        }
        Step done = Step.ADVANCED;
        if (!store.exists(shopId, instant)) {
            Evaluation evaluation = computer.period(
                    shopId,
                    Objects.requireNonNull(state.periodStart()),
                    instant,
                    ZoneId.of(Objects.requireNonNull(state.zone())),
                    policies.settings(Objects.requireNonNull(state.policyVersion())));
            store(shopId, evaluation, 1, SCHEDULED, now);
            done = Step.STORED;
        }
        Regime next = regimeAt(shopId, instant);
        store.updateShop(
                new ShopState(
                        shopId,
                        state.firstMessageAt(),
                        instant,
                        next.calendar().after(instant),
                        next.zone().getId(),
                        next.settings().version()),
                now);
        return done;
    }

    /**
     * Recomputes the stored evaluations of the shop that messages sent at {@code times} may touch (their period or the
     * one their reply window reaches), each as of its instant with its own zone and policy, and stores a new revision
     * of each one that changed, keeping the old. Returns how many revisions were stored.
     */
    public int revise(String shopId, Collection<Instant> times, String cause) {
        Integer stored = retrying(() -> tx.execute(status -> reviseLocked(shopId, times, cause)));
        return stored == null ? 0 : stored;
    }

    private int reviseLocked(String shopId, Collection<Instant> times, String cause) {
        if (times.isEmpty() || store.lockShop(shopId).isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        Duration window = policies.longestWindow();
        Map<Instant, Header> candidates = new TreeMap<>();
        for (Instant t : times) {
            for (Header h : store.latestOverlapping(shopId, t.minus(window), t.plus(window))) {
                candidates.put(h.evaluatedAt(), h);
            }
        }
        int stored = 0;
        for (Header h : candidates.values()) {
            Evaluation evaluation = computer.period(
                    shopId, h.periodStart(), h.evaluatedAt(), h.zone(), policies.settings(h.policyVersion()));
            if (!EvaluationComputer.fingerprint(evaluation).equals(h.fingerprint())) {
                store.supersede(shopId, h.evaluatedAt(), now);
                store(shopId, evaluation, h.revision() + 1, cause, now);
                stored++;
            }
        }
        return stored;
    }

    private void store(String shopId, Evaluation e, int revision, String cause, Instant now) {
        store.insert(shopId, e, revision, cause, EvaluationComputer.fingerprint(e), now);
        events.publishEvent(new EvaluationCompleted(
                shopId,
                e.evaluatedAt().toInstant(),
                revision,
                e.status().name(),
                e.assessed(),
                e.responded(),
                e.responseRate(),
                e.policyVersion()));
        LOG.info(
                "evaluation of shop {} at {} revision {} ({}): {} assessed, {} responded",
                shopId,
                e.evaluatedAt(),
                revision,
                cause,
                e.assessed(),
                e.responded());
    }

    /** The zone and policy a period starting at {@code t} is read in. */
    private Regime regimeAt(String shopId, Instant t) {
        ZoneId zone = zones.at(shopId, t);
        EvaluationSettings policy = policies.at(t);
        return new Regime(zone, policy, EvaluationCalendar.of(zone, policy));
    }

    private record Regime(ZoneId zone, EvaluationSettings settings, EvaluationCalendar calendar) {}

    /** Runs {@code work} again when the database gave up on a lock or a transient fault, up to three times. */
    private static <T> T retrying(java.util.function.Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (TransientDataAccessException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                LOG.debug("retrying after {}", e.toString());
            }
        }
    }
}
