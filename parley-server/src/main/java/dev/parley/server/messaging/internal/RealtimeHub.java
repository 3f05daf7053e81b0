package dev.parley.server.messaging.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.parley.server.accounts.Actor;
import io.micrometer.core.instrument.Gauge;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * The {@code /ws} endpoint of this node: knows who is connected, writes each event to the sessions that may see it
 * (the buyer, the shop's team, the conversation's arbitrator), and closes a session with 4401 when its token expires.
 */
class RealtimeHub extends TextWebSocketHandler {
    static final String ACTOR = "parley.actor";
    private static final Logger log = LoggerFactory.getLogger(RealtimeHub.class);
    /** Close code for an expired token. */
    static final CloseStatus TOKEN_EXPIRED = new CloseStatus(4401, "token expired");

    private final Map<String, Set<Client>> byUser = new ConcurrentHashMap<>();
    private final Map<String, Set<Client>> byShop = new ConcurrentHashMap<>();
    private final Map<String, Client> sessions = new ConcurrentHashMap<>();
    private final Cache<String, Long> seen = Caffeine.newBuilder()
            .maximumSize(500_000)
            .expireAfterWrite(Duration.ofSeconds(10))
            .build();
    private final MessagingStore store;
    private final MessagingMetrics metrics;
    private final Clock clock;
    private final ScheduledExecutorService expiry = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("ws-expiry").factory());

    RealtimeHub(MessagingStore store, MessagingMetrics metrics, Clock clock) {
        this.store = store;
        this.metrics = metrics;
        this.clock = clock;
        Gauge.builder("parley.websocket.sessions", sessions, Map::size)
                .description("open WebSocket sessions on this node")
                .register(metrics.registry());
        expiry.scheduleWithFixedDelay(this::closeExpired, 1, 1, TimeUnit.SECONDS);
    }

    private record Client(WebSocketSession session, Actor actor) {
        String userKey() {
            return actor.senderKey();
        }
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession raw) {
        Actor actor = (Actor) raw.getAttributes().get(ACTOR);
        if (actor == null) {
            close(raw, CloseStatus.POLICY_VIOLATION);
            return;
        }
        Client client = new Client(new ConcurrentWebSocketSessionDecorator(raw, 10_000, 1024 * 1024), actor);
        sessions.put(raw.getId(), client);
        if (actor.userId() != null && !actor.isApiClient()) {
            byUser.computeIfAbsent(actor.userId(), k -> ConcurrentHashMap.newKeySet())
                    .add(client);
        }
        for (String shopId : actor.shops().keySet()) {
            if (actor.mayRead(shopId)) {
                byShop.computeIfAbsent(shopId, k -> ConcurrentHashMap.newKeySet())
                        .add(client);
            }
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession raw, CloseStatus status) {
        Client client = sessions.remove(raw.getId());
        if (client == null) {
            return;
        }
        if (client.actor().userId() != null) {
            remove(byUser, client.actor().userId(), client);
        }
        for (String shopId : client.actor().shops().keySet()) {
            remove(byShop, shopId, client);
        }
    }

    private static void remove(Map<String, Set<Client>> index, String key, Client client) {
        index.computeIfPresent(key, (k, set) -> {
            set.remove(client);
            return set.isEmpty() ? null : set;
        });
    }

    /** Remembers that a user has seen {@code seenCount} messages of a conversation. */
    void seen(String conversationId, String userKey, long seenCount) {
        seen.put(conversationId + "|" + userKey, seenCount);
    }

    /** Writes the events to every local session that may see them, in order. */
    void deliver(List<Envelope> envelopes) {
        long latencyFrom = 0;
        for (Envelope e : envelopes) {
            boolean wrote = false;
            if (e.buyerData() != null) {
                for (Client c : byUser.getOrDefault(e.buyerId(), Set.of())) {
                    wrote |= send(c, e, e.buyerData(), Viewer.BUYER);
                }
            }
            if (e.teamData() != null) {
                for (Client c : byShop.getOrDefault(e.shopId(), Set.of())) {
                    wrote |= send(c, e, e.teamData(), Viewer.TEAM);
                }
                if (e.arbitratorId() != null) {
                    for (Client c : byUser.getOrDefault(e.arbitratorId(), Set.of())) {
                        if (c.actor().isStaff()) {
                            wrote |= send(c, e, e.teamData(), Viewer.STAFF);
                        }
                    }
                }
            }
            if (wrote && e.acceptedAtMillis() > 0 && !e.conversationEvent()) {
                latencyFrom = e.acceptedAtMillis();
            }
        }
        if (latencyFrom > 0) {
            metrics.deliveredAfter(System.currentTimeMillis() - latencyFrom);
        }
    }

    private boolean send(Client c, Envelope e, String data, Viewer viewer) {
        StringBuilder frame = new StringBuilder(data.length() + 80)
                .append("{\"type\":\"")
                .append(e.type())
                .append("\",\"seq\":")
                .append(e.seq())
                .append(",\"data\":");
        if (e.conversationEvent()) {
            long count = viewer == Viewer.BUYER ? e.toBuyerCount() : e.toTeamCount();
            long unread = Math.max(0, count - seen(e.conversationId(), c.userKey()));
            frame.append(data, 0, data.length() - 1)
                    .append(",\"unreadCount\":")
                    .append(unread)
                    .append('}');
        } else {
            frame.append(data);
        }
        frame.append('}');
        try {
            c.session().sendMessage(new TextMessage(frame.toString()));
            return true;
        } catch (IOException | RuntimeException ex) {
            log.debug("could not write to WebSocket session {}", c.session().getId(), ex);
            close(c.session(), CloseStatus.SESSION_NOT_RELIABLE);
            return false;
        }
    }

    private long seen(String conversationId, String userKey) {
        return seen.get(conversationId + "|" + userKey, k -> store.seen(conversationId, userKey));
    }

    private void closeExpired() {
        try {
            var now = clock.instant();
            for (Client c : sessions.values()) {
                if (c.actor().expiredAt(now)) {
                    close(c.session(), TOKEN_EXPIRED);
                }
            }
        } catch (RuntimeException e) {
            log.warn("could not close expired sessions", e);
        }
    }

    private static void close(WebSocketSession session, CloseStatus status) {
        try {
            session.close(status);
        } catch (IOException | RuntimeException e) {
            log.debug("could not close WebSocket session {}", session.getId(), e);
        }
    }

    int openSessions() {
        return sessions.size();
    }

    @PreDestroy
    void stop() {
        expiry.shutdownNow();
        for (Client c : sessions.values()) {
            close(c.session(), CloseStatus.GOING_AWAY);
        }
    }

    @Nullable
    Actor actorOf(WebSocketSession session) {
        Client c = sessions.get(session.getId());
        return c == null ? null : c.actor();
    }
}
