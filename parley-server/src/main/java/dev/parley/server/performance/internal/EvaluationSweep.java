package dev.parley.server.performance.internal;

import dev.parley.server.performance.PerformanceSettings;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The scheduled task: stores every evaluation that is due, for every shop whose open period ended at least the grace
 * ago. The scheduler runs it on one node at a time; each shop's row lock makes a second run, on any node, store
 * nothing twice.
 */
@Component
public class EvaluationSweep {
    private static final Logger LOG = LoggerFactory.getLogger(EvaluationSweep.class);
    private static final int BATCH = 500;

    private final EvaluationStore store;
    private final EvaluationRunner runner;
    private final PerformanceSettings settings;
    private final Clock clock;

    EvaluationSweep(EvaluationStore store, EvaluationRunner runner, PerformanceSettings settings, Clock clock) {
        this.store = store;
        this.runner = runner;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Stores what is due now, shop by shop; returns how many evaluations were stored. A failing shop is logged and
     * retried by the next run.
     */
    public int runDue() {
        int stored = 0;
        String after = "";
        while (true) {
            List<String> due = store.dueShops(clock.instant().minus(settings.grace()), after, BATCH);
            for (String shopId : due) {
                try {
                    stored += runner.catchUp(shopId);
                } catch (RuntimeException e) {
                    LOG.warn("evaluation of shop {} failed; the next sweep retries it", shopId, e);
                }
            }
            if (due.size() < BATCH) {
                return stored;
            }
            after = due.getLast();
        }
    }
}
