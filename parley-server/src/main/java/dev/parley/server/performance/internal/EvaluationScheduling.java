package dev.parley.server.performance.internal;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.parley.server.performance.PerformanceSettings;
import java.time.Duration;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs {@link EvaluationSweep} with db-scheduler: a recurring task in the table {@code scheduled_tasks}, which one node
 * at a time picks (an optimistic lock on the task's row), every {@code parley.evaluation.sweep-interval}. Built here
 * rather than by db-scheduler's Spring Boot starter, whose auto-configuration targets Spring Boot 3 and does not apply
 * on Spring Boot 4 ({@code db-scheduler.enabled} stays false so that it never starts a second scheduler).
 */
@Component
class EvaluationScheduling implements SmartLifecycle {
    /** The name of the recurring task in {@code scheduled_tasks}. */
    static final String TASK = "evaluation-sweep";

    private final DataSource dataSource;
    private final EvaluationSweep sweep;
    private final PerformanceSettings settings;
    private volatile @Nullable Scheduler scheduler;

    EvaluationScheduling(DataSource dataSource, EvaluationSweep sweep, PerformanceSettings settings) {
        this.dataSource = dataSource;
        this.sweep = sweep;
        this.settings = settings;
    }

    @Override
    public synchronized void start() {
        if (!settings.schedulerEnabled() || scheduler != null) {
            return;
        }
        RecurringTask<Void> task = Tasks.recurring(TASK, FixedDelay.of(settings.sweepInterval()))
                .execute((instance, context) -> sweep.runDue());
        Scheduler started = Scheduler.create(dataSource)
                .startTasks(task)
                .threads(1)
                .pollingInterval(min(Duration.ofSeconds(10), settings.sweepInterval()))
                .shutdownMaxWait(Duration.ofSeconds(15))
                .build();
        started.start();
        scheduler = started;
    }

    @Override
    public synchronized void stop() {
        Scheduler running = scheduler;
        if (running != null) {
            running.stop();
            scheduler = null;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
