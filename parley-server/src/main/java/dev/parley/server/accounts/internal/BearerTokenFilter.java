package dev.parley.server.accounts.internal;

import dev.parley.server.accounts.Actor;
import dev.parley.server.shared.ProblemException;
import dev.parley.server.shared.ProblemHandler;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads the bearer token (the {@code Authorization} header, or the {@code access_token} query parameter on the
 * WebSocket) and puts its {@link Actor} in the security context; a token that is not valid is {@code 401} at once.
 */
final class BearerTokenFilter extends OncePerRequestFilter {
    private final TokenService tokens;
    private final ObjectMapper json;

    BearerTokenFilter(TokenService tokens, ObjectMapper json) {
        this.tokens = tokens;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && request.getRequestURI().equals("/api/v1/auth/token");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = null;
        String header = request.getHeader("Authorization");
        if (header != null) {
            if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                ProblemHandler.write(
                        response,
                        json,
                        ProblemException.unauthorized("the Authorization header must be 'Bearer <token>'"));
                return;
            }
            token = header.substring(7).trim();
        } else if (request.getRequestURI().startsWith("/ws")) {
            token = request.getParameter("access_token");
        }
        if (token != null) {
            Optional<Actor> actor = tokens.resolve(token);
            if (actor.isEmpty()) {
                ProblemHandler.write(
                        response, json, ProblemException.unauthorized("the token is not valid or has expired"));
                return;
            }
            PreAuthenticatedAuthenticationToken authentication = new PreAuthenticatedAuthenticationToken(
                    actor.get(),
                    token,
                    List.of(new SimpleGrantedAuthority("ROLE_" + actor.get().kind())));
            SecurityContextHolder.setContext(new SecurityContextImpl(authentication));
        }
        chain.doFilter(request, response);
    }
}
