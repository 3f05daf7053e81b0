package dev.parley.server.messaging.internal;

import dev.parley.server.shared.ProblemException;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit of sends: the sends of a conversation queue on one of a fixed set of lanes (so two lanes never lock the
 * same conversation), and each lane runs the sends waiting on it in one transaction, one after another, and commits
 * once. A send is answered only after the commit that stores it, so a message is still stored before it is
 * acknowledged. A send refused with a problem writes nothing before it throws, so the batch goes on without it; any
 * other failure rolls the batch back and each of its sends runs again in a transaction of its own.
 */
@Component
class SendBatcher {
    private static final Logger log = LoggerFactory.getLogger(SendBatcher.class);

    private record Task<T>(MessagingStore.SendKey key, Supplier<T> work, CompletableFuture<T> result) {}

    private final TransactionTemplate tx;
    private final MessagingStore store;
    private final DistributionSummary batchSizes;
    private final BlockingQueue<Task<?>>[] queues;
    private final Thread[] threads;
    private final int maxBatch;
    private volatile boolean running = true;

    @SuppressWarnings("unchecked")
    SendBatcher(TransactionTemplate tx, MessagingStore store, MessagingSettings settings, MeterRegistry registry) {
        this.tx = tx;
        this.store = store;
        this.batchSizes = DistributionSummary.builder("parley.messages.send.batch")
                .description("sends stored per transaction (group commit)")
                .register(registry);
        this.maxBatch = Math.max(1, settings.sendBatch());
        int lanes = Math.max(1, settings.sendLanes());
        queues = new BlockingQueue[lanes];
        threads = new Thread[lanes];
        for (int i = 0; i < lanes; i++) {
            BlockingQueue<Task<?>> queue = new LinkedBlockingQueue<>();
            queues[i] = queue;
            threads[i] = Thread.ofVirtual().name("send-lane-" + i).start(() -> loop(queue));
        }
    }

    /**
     * Runs {@code work} in a transaction shared with other sends on the lane of the key's conversation and returns its
     * result once that transaction has committed; rethrows what it threw. The key (its conversation and idempotency key)
     * lets the batch lock and look up all its sends at once.
     */
    <T> T run(MessagingStore.SendKey key, Supplier<T> work) {
        if (!running) {
            return tx.execute(s -> work.get());
        }
        Task<T> task = new Task<>(key, work, new CompletableFuture<>());
        queues[Math.floorMod(key.conversationId().hashCode(), queues.length)].add(task);
        try {
            return task.result().get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the send was stored", e);
        }
    }

    private void loop(BlockingQueue<Task<?>> queue) {
        List<Task<?>> batch = new ArrayList<>(maxBatch);
        while (running || !queue.isEmpty()) {
            try {
                Task<?> first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                runBatch(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                log.warn("a send batch failed unexpectedly", e);
                for (Task<?> t : batch) {
                    t.result().completeExceptionally(e);
                }
            } finally {
                batch.clear();
            }
        }
    }

    private void runBatch(List<Task<?>> batch) {
        batchSizes.record(batch.size());
        if (batch.size() == 1) {
            alone(batch.getFirst());
            return;
        }
        List<Object> results = new ArrayList<>(batch.size());
        try {
            tx.executeWithoutResult(s -> {
                store.beginBatch(batch.stream().map(Task::key).toList());
                try {
                    for (Task<?> t : batch) {
                        try {
                            results.add(t.work().get());
                        } catch (ProblemException refused) {
                            results.add(refused);
                        }
                    }
                    store.endBatch();
                } catch (RuntimeException | Error e) {
                    store.abandonBatch();
                    throw e;
                }
            });
        } catch (RuntimeException failed) {
            log.warn("a batch of {} sends failed ({}); each runs again on its own", batch.size(), failed.toString());
            log.debug("the batch failed with", failed);
            for (Task<?> t : batch) {
                alone(t);
            }
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            complete(batch.get(i), results.get(i));
        }
    }

    private static <T> void complete(Task<T> task, Object result) {
        if (result instanceof ProblemException refused) {
            task.result().completeExceptionally(refused);
        } else {
            @SuppressWarnings("unchecked")
            T value = (T) result;
            task.result().complete(value);
        }
    }

    private <T> void alone(Task<T> task) {
        try {
            task.result().complete(tx.execute(s -> task.work().get()));
        } catch (RuntimeException | Error e) {
            task.result().completeExceptionally(e);
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        for (Thread thread : threads) {
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
