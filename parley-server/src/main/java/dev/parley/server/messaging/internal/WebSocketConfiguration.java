package dev.parley.server.messaging.internal;

import dev.parley.server.accounts.Actor;
import java.time.Clock;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.HandshakeInterceptor;

/** The plain WebSocket at {@code /ws}; the bearer token (header or {@code access_token}) is checked by security. */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class WebSocketConfiguration implements WebSocketConfigurer {
    private final RealtimeHub hub;

    WebSocketConfiguration(MessagingStore store, MessagingMetrics metrics, Clock clock) {
        this.hub = new RealtimeHub(store, metrics, clock);
    }

    @Bean
    RealtimeHub realtimeHub() {
        return hub;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(hub, "/ws").addInterceptors(new ActorHandshake(hub)).setAllowedOriginPatterns("*");
    }

    /**
     * Admits signed-in callers and registers them with the hub before the upgrade response is written, so that a client
     * that has seen the socket open receives every event published after that.
     */
    private static final class ActorHandshake implements HandshakeInterceptor {
        private final RealtimeHub hub;

        ActorHandshake(RealtimeHub hub) {
            this.hub = hub;
        }

        @Override
        public boolean beforeHandshake(
                ServerHttpRequest request,
                ServerHttpResponse response,
                WebSocketHandler handler,
                Map<String, Object> attributes) {
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            if (auth != null && auth.getPrincipal() instanceof Actor actor) {
                attributes.put(RealtimeHub.ACTOR, actor);
                RealtimeHub.Client client = hub.register(actor);
                attributes.put(RealtimeHub.CLIENT, client);
                if (request instanceof ServletServerHttpRequest servlet) {
                    servlet.getServletRequest().setAttribute(RealtimeHub.CLIENT, client);
                }
                return true;
            }
            return false;
        }

        @Override
        public void afterHandshake(
                ServerHttpRequest request,
                ServerHttpResponse response,
                WebSocketHandler handler,
                @Nullable Exception failure) {
            // A handshake refused without an exception leaves its client to the hub's sweep of stale registrations.
            if (failure != null
                    && request instanceof ServletServerHttpRequest servlet
                    && servlet.getServletRequest().getAttribute(RealtimeHub.CLIENT) instanceof RealtimeHub.Client c) {
                hub.unregister(c);
            }
        }
    }
}
