package dev.parley.server.messaging.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.parley.server.accounts.Actor;
import io.micrometer.core.instrument.Gauge;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
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
    static final String CLIENT = "parley.client";
    /** How long a registered client may take from its accepted handshake to the established connection. */
    private static final Duration PENDING_FOR = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(RealtimeHub.class);
    /** Close code for an expired token. */
    static final CloseStatus TOKEN_EXPIRED = new CloseStatus(4401, "token expired");

    private final Map<String, Set<Client>> byUser = new ConcurrentHashMap<>();
    private final Map<String, Set<Client>> byShop = new ConcurrentHashMap<>();
    private final Map<String, Client> sessions = new ConcurrentHashMap<>();
    private final Set<Client> pending = ConcurrentHashMap.newKeySet();
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

    /**
     * A subscriber of this node: registered when its handshake is accepted, before the client can see the socket open;
     * frames for it wait in order until the connection is established, then go out first.
     */
    static final class Client {
        private final Actor actor;
        private final long registeredAt;
        private final List<String> waiting = new ArrayList<>();
        private volatile @Nullable WebSocketSession session;
        private volatile boolean ready;
        private boolean dropped;

        Client(Actor actor, long registeredAt) {
            this.actor = actor;
            this.registeredAt = registeredAt;
        }

        Actor actor() {
            return actor;
        }

        String userKey() {
            return actor.senderKey();
        }

        /** Writes a frame, or keeps it until the connection is established; false when the session failed. */
        boolean write(String frame) throws IOException {
            if (!ready) {
                synchronized (this) {
                    if (!ready) {
                        if (dropped) {
                            return false;
                        }
                        if (waiting.size() >= MAX_WAITING) {
                            dropped = true;
                            waiting.clear();
                            return false;
                        }
                        waiting.add(frame);
                        return true;
                    }
                }
            }
            WebSocketSession s = session;
            if (s == null) {
                return false;
            }
            s.sendMessage(new TextMessage(frame));
            return true;
        }

        /** Attaches the established session and writes the frames that waited for it, in order. */
        synchronized void attach(WebSocketSession s) throws IOException {
            session = s;
            try {
                if (dropped) {
                    throw new IOException("more than " + MAX_WAITING + " frames waited for the connection");
                }
                for (String frame : waiting) {
                    s.sendMessage(new TextMessage(frame));
                }
            } finally {
                waiting.clear();
                ready = true;
            }
        }

        @Nullable
        WebSocketSession session() {
            return session;
        }
    }

    /** Frames kept for one client between its handshake and the established connection. */
    static final int MAX_WAITING = 1000;

    /**
     * Registers a subscriber whose handshake was accepted, before the upgrade response leaves: every event published
     * from now on reaches it, even when the client writes the moment it sees the socket open.
     */
    Client register(Actor actor) {
        Client client = new Client(actor, System.nanoTime());
        pending.add(client);
        index(client);
        return client;
    }

    /** Forgets a client whose handshake failed after it was registered. */
    void unregister(Client client) {
        pending.remove(client);
        unindex(client);
    }

    private void index(Client client) {
        Actor actor = client.actor();
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

    private void unindex(Client client) {
        if (client.actor().userId() != null) {
            remove(byUser, client.actor().userId(), client);
        }
        for (String shopId : client.actor().shops().keySet()) {
            remove(byShop, shopId, client);
        }
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession raw) {
        Client client = raw.getAttributes().get(CLIENT) instanceof Client c ? c : null;
        if (client == null) {
            Actor actor = (Actor) raw.getAttributes().get(ACTOR);
            if (actor == null) {
                close(raw, CloseStatus.POLICY_VIOLATION);
                return;
            }
            client = register(actor);
        }
        pending.remove(client);
        WebSocketSession session = new ConcurrentWebSocketSessionDecorator(raw, 10_000, 1024 * 1024);
        sessions.put(raw.getId(), client);
        try {
            client.attach(session);
        } catch (IOException | RuntimeException e) {
            log.debug("could not write to WebSocket session {}", raw.getId(), e);
            close(session, CloseStatus.SESSION_NOT_RELIABLE);
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession raw, CloseStatus status) {
        Client client = sessions.remove(raw.getId());
        if (client == null && raw.getAttributes().get(CLIENT) instanceof Client c) {
            client = c;
            pending.remove(c);
        }
        if (client != null) {
            unindex(client);
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
            if (c.write(frame.toString())) {
                return true;
            }
        } catch (IOException | RuntimeException ex) {
            log.debug("could not write to a WebSocket session", ex);
        }
        WebSocketSession session = c.session();
        if (session != null) {
            close(session, CloseStatus.SESSION_NOT_RELIABLE);
        }
        return false;
    }

    private long seen(String conversationId, String userKey) {
        return seen.get(conversationId + "|" + userKey, k -> store.seen(conversationId, userKey));
    }

    private void closeExpired() {
        try {
            var now = clock.instant();
            for (Client c : sessions.values()) {
                WebSocketSession session = c.session();
                if (session != null && c.actor().expiredAt(now)) {
                    close(session, TOKEN_EXPIRED);
                }
            }
            long stale = System.nanoTime() - PENDING_FOR.toNanos();
            for (Client c : pending) {
                if (c.registeredAt - stale < 0) {
                    unregister(c);
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
            WebSocketSession session = c.session();
            if (session != null) {
                close(session, CloseStatus.GOING_AWAY);
            }
        }
    }

    @Nullable
    Actor actorOf(WebSocketSession session) {
        Client c = sessions.get(session.getId());
        return c == null ? null : c.actor();
    }
}
