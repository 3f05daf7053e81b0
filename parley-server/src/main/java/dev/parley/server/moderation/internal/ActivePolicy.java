package dev.parley.server.moderation.internal;

import dev.parley.core.policy.PolicyChecker;
import dev.parley.core.policy.PolicyConfigException;
import dev.parley.server.moderation.PolicySettings;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * The policy this node judges with: an immutable {@link PolicyChecker} behind a volatile reference, swapped whole, so
 * checks in flight finish with the checker they started with. The database's newest activation is the active policy of
 * every node: this node polls its number every {@code parley.policy.refresh} (one index lookup) and, with {@code
 * PARLEY_REDIS_URL}, is also told at once over Redis when another node activates one.
 *
 * <p>At start, an empty table is seeded with the configured policy ({@code parley.policy.file} or the built-in one);
 * otherwise the stored active policy wins, and a configured file that differs from it is only reported (activate it
 * with {@code POST /api/v1/policy/reload}).
 */
@Component
class ActivePolicy implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(ActivePolicy.class);
    private static final String CHANNEL = "parley:policy";

    /** A policy installed on this node: the stored activation and its compiled checker. */
    record Installed(PolicyRecord record, CompiledPolicy compiled) {

        PolicyChecker checker() {
            return compiled.checker();
        }

        long seq() {
            return record.seq();
        }

        String version() {
            return compiled.version();
        }
    }

    private final PolicyStore store;
    private final PolicyCompiler compiler;
    private final PolicyMetrics metrics;
    private final PolicySettings settings;
    private final String redisUrl;
    private volatile Installed current;
    private volatile long unusable;
    private volatile boolean running;
    private @Nullable ScheduledExecutorService poller;
    private @Nullable RedisClient redis;
    private @Nullable StatefulRedisConnection<String, String> publisher;
    private @Nullable StatefulRedisPubSubConnection<String, String> subscriber;

    ActivePolicy(
            PolicyStore store,
            PolicyCompiler compiler,
            PolicyFile file,
            PolicyMetrics metrics,
            PolicySettings settings,
            Clock clock,
            @Value("${parley.redis.url:}") String redisUrl) {
        this.store = store;
        this.compiler = compiler;
        this.metrics = metrics;
        this.settings = settings;
        this.redisUrl = redisUrl;
        this.current = startWith(file, clock);
        metrics.active(current.seq(), current.version());
    }

    private Installed startWith(PolicyFile file, Clock clock) {
        if (store.activeSeq() == 0) {
            CompiledPolicy seed;
            PolicyFile.Text configured;
            try {
                configured = file.read();
                seed = compiler.compile(configured.text(), configured.source());
            } catch (PolicyConfigException e) {
                throw new IllegalStateException("the configured policy is invalid: " + e.getMessage(), e);
            }
            try {
                store.insert(new PolicyRecord(
                        1, seed.version(), configured.source(), seed.text(), seed.sha256(), null, clock.instant()));
                log.info("policy {} seeded from {}", seed.version(), configured.source());
            } catch (DuplicateKeyException raced) {
                log.info("another node seeded the policy first");
            }
        }
        PolicyRecord active = store.active().orElseThrow();
        CompiledPolicy compiled;
        try {
            compiled = compiler.compile(active.text(), "stored policy " + active.seq());
        } catch (PolicyConfigException e) {
            throw new IllegalStateException(
                    "the active policy (activation " + active.seq() + ") cannot be used by this node: "
                            + e.getMessage(),
                    e);
        }
        try {
            PolicyFile.Text configured = file.read();
            if (!PolicyCompiler.sha256(configured.text()).equals(active.sha256())) {
                log.warn(
                        "{} differs from the active policy {} (activation {}, from {}); POST /api/v1/policy/reload"
                                + " activates it",
                        configured.source(),
                        active.version(),
                        active.seq(),
                        active.source());
            }
        } catch (PolicyConfigException e) {
            log.warn("the configured policy cannot be read ({}); the stored active policy is used", e.getMessage());
        }
        log.info("judging with policy {} (activation {})", compiled.version(), active.seq());
        return new Installed(active, compiled);
    }

    /** The policy to judge with now; callers keep the reference for the whole check. */
    Installed current() {
        return current;
    }

    /** Installs {@code next} when it is newer than the installed policy; returns the policy installed after. */
    synchronized Installed install(Installed next) {
        if (next.seq() > current.seq()) {
            Installed before = current;
            current = next;
            metrics.active(next.seq(), next.version());
            log.info(
                    "policy {} (activation {}) replaces {} (activation {})",
                    next.version(),
                    next.seq(),
                    before.version(),
                    before.seq());
        }
        return current;
    }

    /** Looks for a newer activation in the database and installs it; returns the policy installed after. */
    Installed refresh() {
        long seq = store.activeSeq();
        if (seq <= current.seq() || seq == unusable) {
            return current;
        }
        synchronized (this) {
            if (seq <= current.seq()) {
                return current;
            }
            PolicyRecord record = store.bySeq(seq).orElseThrow();
            try {
                return install(new Installed(record, compiler.compile(record.text(), "stored policy " + seq)));
            } catch (PolicyConfigException e) {
                unusable = seq;
                log.error(
                        "activation {} cannot be used by this node; it keeps policy {}: {}", seq, current.version(), e);
                return current;
            }
        }
    }

    /** Tells the other nodes that activation {@code seq} exists (with Redis; they poll otherwise). */
    void announce(long seq) {
        StatefulRedisConnection<String, String> p = publisher;
        if (p != null) {
            p.async().publish(CHANNEL, Long.toString(seq));
        }
    }

    @Override
    public void start() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("policy-refresh").factory());
        long every = settings.refresh().toMillis();
        executor.scheduleWithFixedDelay(this::poll, every, every, TimeUnit.MILLISECONDS);
        poller = executor;
        if (!redisUrl.isBlank()) {
            try {
                RedisClient client = RedisClient.create(redisUrl);
                redis = client;
                publisher = client.connect();
                StatefulRedisPubSubConnection<String, String> sub = client.connectPubSub();
                sub.addListener(new RedisPubSubAdapter<>() {
                    @Override
                    public void message(String channel, String message) {
                        executor.execute(ActivePolicy.this::poll);
                    }
                });
                sub.sync().subscribe(CHANNEL);
                subscriber = sub;
                log.info("policy activations are announced over Redis (channel {})", CHANNEL);
            } catch (RuntimeException e) {
                log.warn("Redis unavailable for policy announcements; nodes converge by polling alone", e);
            }
        }
        running = true;
    }

    private void poll() {
        try {
            refresh();
        } catch (RuntimeException e) {
            log.warn("could not look for a new policy activation", e);
        }
    }

    @Override
    public void stop() {
        running = false;
        if (poller != null) {
            poller.shutdownNow();
        }
        if (subscriber != null) {
            subscriber.close();
        }
        if (publisher != null) {
            publisher.close();
        }
        if (redis != null) {
            redis.shutdown();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
