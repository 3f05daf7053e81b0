package dev.parley.server.web;

import dev.parley.server.accounts.Accounts;
import dev.parley.server.accounts.Actor;
import dev.parley.server.accounts.IssuedToken;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseCookie;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Page sessions without servlet sessions: signing in opens a Parley session (a session token as the API issues, stored
 * only as its hash, revocable, expiring) and puts the token in an {@code HttpOnly}, {@code SameSite=Lax} cookie; each
 * page request resolves it to the user's {@link Actor}. Any node serves any page, a changed password or a sign-out ends
 * the session everywhere, and page scripts never see the token.
 */
final class SessionCookies implements SecurityContextRepository {
    static final String COOKIE = "parley_session";
    private final Accounts accounts;
    private final Clock clock;

    SessionCookies(Accounts accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    @SuppressWarnings("deprecation")
    public SecurityContext loadContext(HttpRequestResponseHolder holder) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        String token = token(holder.getRequest());
        if (token == null) {
            return context;
        }
        Optional<Actor> actor = accounts.resolve(token)
                .filter(a -> !a.isApiClient() && !a.socketOnly())
                .filter(a -> !a.expiredAt(clock.instant()));
        if (actor.isEmpty()) {
            clear(holder.getRequest(), holder.getResponse());
            return context;
        }
        context.setAuthentication(authentication(actor.get()));
        return context;
    }

    @Override
    public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
        Authentication authentication = context.getAuthentication();
        if (authentication == null) {
            clear(request, response);
        } else if (authentication.getPrincipal() instanceof UserDetails user) {
            IssuedToken issued = accounts.openSession(user.getUsername());
            Duration ttl = issued.expiresAt() == null
                    ? Duration.ofHours(12)
                    : Duration.between(clock.instant(), issued.expiresAt());
            response.addHeader(
                    "Set-Cookie", cookie(request, issued.token(), ttl).toString());
            accounts.resolve(issued.token()).ifPresent(actor -> context.setAuthentication(authentication(actor)));
        }
    }

    @Override
    public boolean containsContext(HttpServletRequest request) {
        return token(request) != null;
    }

    /** Ends the session of this request: the token is revoked and the cookie cleared. */
    void signOut(HttpServletRequest request, HttpServletResponse response, @Nullable Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof Actor actor) {
            accounts.revoke(actor.tokenId());
        } else {
            String token = token(request);
            if (token != null) {
                accounts.resolve(token).ifPresent(a -> accounts.revoke(a.tokenId()));
            }
        }
        clear(request, response);
    }

    static Authentication authentication(Actor actor) {
        return new PreAuthenticatedAuthenticationToken(
                actor, actor.tokenId(), List.of(new SimpleGrantedAuthority("ROLE_" + actor.kind())));
    }

    private static void clear(HttpServletRequest request, HttpServletResponse response) {
        if (token(request) != null) {
            response.addHeader("Set-Cookie", cookie(request, "", Duration.ZERO).toString());
        }
    }

    private static ResponseCookie cookie(HttpServletRequest request, String value, Duration maxAge) {
        return ResponseCookie.from(COOKIE, value)
                .httpOnly(true)
                .secure(request.isSecure())
                .sameSite("Lax")
                .path("/")
                .maxAge(maxAge)
                .build();
    }

    private static @Nullable String token(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie c : cookies) {
            if (COOKIE.equals(c.getName()) && !c.getValue().isBlank()) {
                return c.getValue();
            }
        }
        return null;
    }
}
