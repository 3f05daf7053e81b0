package dev.parley.server.accounts;

import dev.parley.server.accounts.internal.AccountStore;
import dev.parley.server.accounts.internal.TokenService;
import dev.parley.server.shared.ProblemException;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A shop's API tokens (clause 3.7): its admins and owner list, create and revoke them; each reaches only its shop,
 * with the scopes {@code messages:read} and {@code messages:write}. Another shop is {@code 404}; a member below admin
 * {@code 403}.
 */
@Service
public class ApiTokens {
    private static final Set<String> SCOPES = Set.of(Actor.READ, Actor.WRITE);
    private final AccountStore store;
    private final TokenService tokens;
    private final ApplicationEventPublisher events;

    ApiTokens(AccountStore store, TokenService tokens, ApplicationEventPublisher events) {
        this.store = store;
        this.tokens = tokens;
        this.events = events;
    }

    /** An API token as listed to the shop's admins: never the token itself. */
    public record Info(
            String id,
            String name,
            @Nullable String actingUserId,
            List<String> scopes,
            String createdBy,
            Instant createdAt,
            @Nullable Instant expiresAt,
            @Nullable Instant revokedAt) {}

    /** A token just created: the secret is in this answer only. */
    public record Created(
            String id,
            String token,
            String name,
            @Nullable String actingUserId,
            List<String> scopes,
            @Nullable Instant expiresAt) {}

    /** The shop's API tokens, newest first. */
    public List<Info> list(Actor actor, String shopId) {
        requireAdmin(actor, shopId);
        return tokens.apiTokens(shopId).stream()
                .map(t -> new Info(
                        t.id(),
                        t.name(),
                        t.actingUserId(),
                        t.scopes(),
                        t.createdBy(),
                        t.createdAt(),
                        t.expiresAt(),
                        t.revokedAt()))
                .toList();
    }

    /** Creates a token; scopes default to both, {@code actingUserId} must be a member of the shop. */
    @Transactional
    public Created create(
            Actor actor,
            String shopId,
            String name,
            @Nullable String actingUserId,
            @Nullable List<String> requestedScopes,
            @Nullable Instant expiresAt) {
        requireAdmin(actor, shopId);
        Set<String> scopes =
                new LinkedHashSet<>(requestedScopes == null ? List.of(Actor.READ, Actor.WRITE) : requestedScopes);
        if (scopes.isEmpty() || !SCOPES.containsAll(scopes)) {
            throw ProblemException.invalid("scopes: each must be one of " + SCOPES);
        }
        if (actingUserId != null && !store.team(shopId).containsKey(actingUserId)) {
            throw ProblemException.invalid("actingUserId: '" + actingUserId + "' is not a member of this shop");
        }
        TokenService.Issued issued =
                tokens.issueApiToken(shopId, name, actingUserId, scopes, actor.senderKey(), expiresAt);
        events.publishEvent(new ApiTokenCreated(shopId, issued.id(), actingUserId, actor.senderKey()));
        return new Created(issued.id(), issued.token(), name, actingUserId, List.copyOf(scopes), expiresAt);
    }

    /** Revokes a token of the shop. */
    @Transactional
    public void revoke(Actor actor, String shopId, String tokenId) {
        requireAdmin(actor, shopId);
        if (!tokens.apiTokenShop(tokenId).map(shopId::equals).orElse(false)) {
            throw ProblemException.notFound("no API token '" + tokenId + "' in this shop");
        }
        tokens.revoke(tokenId);
        events.publishEvent(new ApiTokenRevoked(shopId, tokenId, actor.senderKey()));
    }

    /** Whether {@code actor} manages the API tokens of {@code shopId}. */
    public boolean mayManage(Actor actor, String shopId) {
        return !actor.isApiClient()
                && !actor.socketOnly()
                && actor.roleIn(shopId).map(r -> r.atLeast(ShopRole.ADMIN)).orElse(false);
    }

    private void requireAdmin(Actor actor, String shopId) {
        if (store.shop(shopId).isEmpty() || actor.roleIn(shopId).isEmpty()) {
            throw ProblemException.notFound("no shop '" + shopId + "'");
        }
        if (!mayManage(actor, shopId)) {
            throw ProblemException.forbidden("only the shop's admins and owner manage API tokens");
        }
    }
}
