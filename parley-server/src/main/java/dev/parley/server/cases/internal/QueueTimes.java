package dev.parley.server.cases.internal;

import dev.parley.server.accounts.Actor;
import dev.parley.server.cases.internal.CaseViews.QueueWait;
import dev.parley.server.messaging.MessageRecords;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * How long each review queue waits (held messages, abuse reports, appeals, contests, buyer reports, and disputes
 * waiting for an arbitrator): items waiting and
 * the age of the oldest, for the API and as Prometheus gauges ({@code parley_review_queue_waiting}, {@code
 * parley_review_queue_oldest_seconds}, tag {@code queue}). Gauges read a snapshot at most five seconds old.
 */
@Component
class QueueTimes {
    static final List<String> QUEUES =
            List.of("held-messages", "abuse-reports", "appeals", "contests", "buyer-reports", "disputes");
    private static final long SNAPSHOT_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final MessageRecords records;
    private final DisputeStore disputes;
    private final ArbitrationStore arbitration;
    private final Access access;
    private final Clock clock;
    private volatile @Nullable Snapshot snapshot;

    private record Snapshot(long takenNanos, CaseViews.QueueWaits waits) {}

    QueueTimes(
            MessageRecords records,
            DisputeStore disputes,
            ArbitrationStore arbitration,
            Access access,
            Clock clock,
            MeterRegistry meters) {
        this.records = records;
        this.disputes = disputes;
        this.arbitration = arbitration;
        this.access = access;
        this.clock = clock;
        for (String queue : QUEUES) {
            Gauge.builder("parley.review.queue.waiting", () -> cached(queue).waiting())
                    .description("items waiting in a review queue")
                    .tag("queue", queue)
                    .register(meters);
            Gauge.builder("parley.review.queue.oldest", () -> cached(queue).oldestWaitingSeconds())
                    .description("how long the oldest item of a review queue has waited")
                    .baseUnit("seconds")
                    .tag("queue", queue)
                    .register(meters);
        }
    }

    /** The waiting times of every queue now, for a reviewer or an arbitrator. */
    CaseViews.QueueWaits waits(Actor actor) {
        access.reviewerOrArbitrator(actor, "read the queues' waiting times");
        return measure();
    }

    CaseViews.QueueWaits measure() {
        Instant now = clock.instant();
        List<QueueWait> queues = new ArrayList<>();
        MessageRecords.Backlog held = records.held();
        queues.add(wait("held-messages", held.count(), held.oldest(), now));
        for (String[] q : new String[][] {
            {"abuse-reports", "abuse_report"},
            {"appeals", "appeal"},
            {"contests", "contest"},
            {"buyer-reports", "buyer_report"}
        }) {
            DisputeStore.Waiting w = disputes.waiting(q[1]);
            queues.add(wait(q[0], w.count(), w.oldest(), now));
        }
        DisputeStore.Waiting open = arbitration.waiting();
        queues.add(wait("disputes", open.count(), open.oldest(), now));
        return new CaseViews.QueueWaits(now, queues);
    }

    private QueueWait cached(String queue) {
        Snapshot s = snapshot;
        long nanos = System.nanoTime();
        if (s == null || nanos - s.takenNanos() > SNAPSHOT_NANOS) {
            s = new Snapshot(nanos, measure());
            snapshot = s;
        }
        return s.waits().queues().stream()
                .filter(w -> w.queue().equals(queue))
                .findFirst()
                .orElseThrow();
    }

    private static QueueWait wait(String queue, long count, @Nullable Instant oldest, Instant now) {
        return new QueueWait(queue, count, oldest, oldest == null ? 0 : CaseViews.seconds(oldest, now));
    }
}
