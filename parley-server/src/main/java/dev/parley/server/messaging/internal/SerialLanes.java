package dev.parley.server.messaging.internal;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A fixed set of ordered lanes on virtual threads: tasks with the same key run one after another, in order. */
final class SerialLanes implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SerialLanes.class);
    private final BlockingQueue<Runnable>[] queues;
    private final Thread[] threads;
    private volatile boolean running = true;

    @SuppressWarnings("unchecked")
    SerialLanes(int lanes, String name) {
        queues = new BlockingQueue[lanes];
        threads = new Thread[lanes];
        for (int i = 0; i < lanes; i++) {
            BlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
            queues[i] = queue;
            threads[i] = Thread.ofVirtual().name(name + "-" + i).start(() -> loop(queue));
        }
    }

    void submit(String key, Runnable task) {
        queues[Math.floorMod(key.hashCode(), queues.length)].add(task);
    }

    private void loop(BlockingQueue<Runnable> queue) {
        while (running || !queue.isEmpty()) {
            try {
                Runnable task = queue.poll(200, TimeUnit.MILLISECONDS);
                if (task != null) {
                    task.run();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("real-time delivery failed", e);
            }
        }
    }

    @Override
    public void close() {
        running = false;
        for (Thread thread : threads) {
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
