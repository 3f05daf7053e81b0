package dev.parley.server.messaging.internal;

import dev.parley.server.accounts.Actor;
import java.time.Clock;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
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
        registry.addHandler(hub, "/ws").addInterceptors(new ActorHandshake()).setAllowedOriginPatterns("*");
    }

    private static final class ActorHandshake implements HandshakeInterceptor {
        @Override
        public boolean beforeHandshake(
                ServerHttpRequest request,
                ServerHttpResponse response,
                WebSocketHandler handler,
                Map<String, Object> attributes) {
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            if (auth != null && auth.getPrincipal() instanceof Actor actor) {
                attributes.put(RealtimeHub.ACTOR, actor);
                return true;
            }
            return false;
        }

        @Override
        public void afterHandshake(
                ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler, Exception failure) {}
    }
}
