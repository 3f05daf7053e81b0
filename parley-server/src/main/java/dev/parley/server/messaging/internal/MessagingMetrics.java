package dev.parley.server.messaging.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.stereotype.Component;

/**
 * Messaging metrics: messages accepted, delivered, held and blocked (the last two per rule), the time from accepting a
 * message to writing it to a WebSocket, and open WebSocket sessions (registered by the hub).
 */
@Component
class MessagingMetrics {
    private final MeterRegistry registry;
    private final ConcurrentMap<String, Counter> counters = new ConcurrentHashMap<>();
    private final Timer delivery;

    MessagingMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.delivery = Timer.builder("parley.messages.delivery.latency")
                .description("time from accepting a message to writing it to a recipient's WebSocket")
                .publishPercentiles(0.5, 0.99)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry);
    }

    MeterRegistry registry() {
        return registry;
    }

    void accepted(String sender) {
        counter("parley.messages.accepted", "sender", sender).increment();
    }

    void delivered(String sender) {
        counter("parley.messages.delivered", "sender", sender).increment();
    }

    void held(String rule) {
        counter("parley.messages.held", "rule", rule).increment();
    }

    void blocked(String rule) {
        counter("parley.messages.blocked", "rule", rule).increment();
    }

    void deliveredAfter(long millis) {
        delivery.record(Duration.ofMillis(Math.max(0, millis)));
    }

    private Counter counter(String name, String tag, String value) {
        return counters.computeIfAbsent(
                name + "|" + value, k -> Counter.builder(name).tag(tag, value).register(registry));
    }
}
