package dev.parley.server.messaging.internal;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import jakarta.annotation.PreDestroy;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Carries real-time events to every node: delivered here at once, in order per conversation, and, when {@code
 * PARLEY_REDIS_URL} is set, published on a Redis channel that every other node delivers from. Without Redis delivery
 * stays in this process (one node).
 */
@Component
class RealtimeRelay {
    private static final Logger log = LoggerFactory.getLogger(RealtimeRelay.class);
    private static final String CHANNEL = "parley:realtime";

    private final String node = UUID.randomUUID().toString();
    private final RealtimeHub hub;
    private final ObjectMapper json;
    private final SerialLanes lanes;
    private final @Nullable RedisClient redis;
    private final @Nullable StatefulRedisConnection<String, String> publisher;
    private final @Nullable StatefulRedisPubSubConnection<String, String> subscriber;

    RealtimeRelay(
            RealtimeHub hub,
            ObjectMapper json,
            MessagingSettings settings,
            @Value("${parley.redis.url:}") String redisUrl) {
        this.hub = hub;
        this.json = json;
        this.lanes = new SerialLanes(settings.deliveryLanes(), "realtime");
        if (redisUrl.isBlank()) {
            redis = null;
            publisher = null;
            subscriber = null;
            return;
        }
        redis = RedisClient.create(redisUrl);
        publisher = redis.connect();
        subscriber = redis.connectPubSub();
        subscriber.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                receive(message);
            }
        });
        subscriber.sync().subscribe(CHANNEL);
        log.info("real-time events cross nodes over Redis pub/sub (channel {})", CHANNEL);
    }

    /** The id of this node, stamped on the events it publishes. */
    String node() {
        return node;
    }

    /** Delivers the events of one conversation here and, with Redis, on every other node. */
    void publish(String conversationId, List<Envelope> envelopes) {
        lanes.submit(conversationId, () -> {
            hub.deliver(envelopes);
            if (publisher != null) {
                publisher.async().publish(CHANNEL, json.writeValueAsString(envelopes));
            }
        });
    }

    private void receive(String message) {
        try {
            Envelope[] envelopes = json.readValue(message, Envelope[].class);
            if (envelopes.length == 0 || envelopes[0].origin().equals(node)) {
                return;
            }
            lanes.submit(envelopes[0].conversationId(), () -> hub.deliver(Arrays.asList(envelopes)));
        } catch (RuntimeException e) {
            log.warn("ignored an unreadable real-time event from Redis", e);
        }
    }

    @PreDestroy
    void stop() {
        lanes.close();
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
}
