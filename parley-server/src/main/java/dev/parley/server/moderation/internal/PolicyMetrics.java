package dev.parley.server.moderation.internal;

import dev.parley.core.policy.Verdict;
import dev.parley.core.policy.Violation;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * Policy metrics: messages checked per action and per rule (sends and draft checks apart), the checker's latency, the
 * seller-history lookup for repetition, the active policy (its activation number, and an info gauge tagged with its
 * version), activations by outcome, and dry runs.
 */
@Component
class PolicyMetrics {
    private final MeterRegistry registry;
    private final ConcurrentMap<String, Counter> counters = new ConcurrentHashMap<>();
    private final Timer sendLatency;
    private final Timer draftLatency;
    private final Timer historyLookup;
    private final Timer dryRuns;
    private final AtomicLong activeSeq = new AtomicLong();
    private final MultiGauge info;

    PolicyMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.sendLatency = latency("send");
        this.draftLatency = latency("draft");
        this.historyLookup = Timer.builder("parley.policy.history.lookup")
                .description("time to fetch and compare a shop's recent texts to other buyers (repetition, 3.5)")
                .publishPercentiles(0.5, 0.99)
                .register(registry);
        this.dryRuns = Timer.builder("parley.policy.dry-runs")
                .description("dry runs of a candidate policy over stored messages")
                .register(registry);
        registry.gauge("parley.policy.active.seq", activeSeq);
        this.info = MultiGauge.builder("parley.policy.info")
                .description("the active policy on this node: 1, tagged with its version")
                .register(registry);
    }

    private Timer latency(String mode) {
        return Timer.builder("parley.policy.check.latency")
                .description("time the checker takes to judge one seller message")
                .tag("mode", mode)
                .publishPercentiles(0.5, 0.99)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(2))
                .register(registry);
    }

    /** Counts a verdict (per action, and per rule and kind of each violation) and records the checker's time. */
    void checked(Verdict verdict, boolean sent, long nanos) {
        String mode = sent ? "send" : "draft";
        (sent ? sendLatency : draftLatency).record(Duration.ofNanos(nanos));
        counter("parley.policy.checks", "mode", mode, "action", verdict.action().name())
                .increment();
        for (Violation v : verdict.violations()) {
            counter(
                            "parley.policy.violations",
                            "mode",
                            mode,
                            "rule",
                            v.rule().id(),
                            "kind",
                            Objects.requireNonNullElse(v.kind(), "none"),
                            "action",
                            v.action().name())
                    .increment();
        }
    }

    /** Records the time of one seller-history lookup. */
    void historyLookup(long nanos) {
        historyLookup.record(Duration.ofNanos(nanos));
    }

    /** Records a dry run's time. */
    void dryRun(long nanos) {
        dryRuns.record(Duration.ofNanos(nanos));
    }

    /** Counts an activation attempt: {@code activated}, {@code unchanged} or {@code invalid}. */
    void activation(String outcome) {
        counter("parley.policy.activations", "outcome", outcome).increment();
    }

    /** Publishes the policy active on this node. */
    void active(long seq, String version) {
        activeSeq.set(seq);
        info.register(List.of(MultiGauge.Row.of(Tags.of("version", version), 1)), true);
    }

    private Counter counter(String name, String... tags) {
        return counters.computeIfAbsent(
                name + "|" + String.join("|", tags),
                k -> Counter.builder(name).tags(tags).register(registry));
    }
}
