package dev.parley.server.accounts.internal;

import dev.parley.server.accounts.Actor;
import dev.parley.server.accounts.ApiTokenCreated;
import dev.parley.server.accounts.ApiTokenRevoked;
import dev.parley.server.accounts.ShopInfo;
import dev.parley.server.accounts.ShopRole;
import dev.parley.server.shared.ProblemException;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A shop as seen by anyone signed in, its team, and its API tokens (clause 3.7): seller admins and owners create and
 * revoke them; each reaches only its shop, with the scopes {@code messages:read} and {@code messages:write}.
 */
@RestController
@RequestMapping("/api/v1/shops/{shopId}")
class ShopTokensController {
    private static final Set<String> SCOPES = Set.of(Actor.READ, Actor.WRITE);
    private final AccountStore store;
    private final TokenService tokens;
    private final ApplicationEventPublisher events;

    ShopTokensController(AccountStore store, TokenService tokens, ApplicationEventPublisher events) {
        this.store = store;
        this.tokens = tokens;
        this.events = events;
    }

    record NewToken(
            @NotBlank @Size(max = 100) String name,
            @Nullable @Size(max = 64) String actingUserId,
            @Nullable List<String> scopes,
            @Nullable Instant expiresAt) {}

    record CreatedToken(
            String id,
            String token,
            String name,
            @Nullable String actingUserId,
            List<String> scopes,
            @Nullable Instant expiresAt) {}

    @GetMapping
    Map<String, Object> shop(@AuthenticationPrincipal Actor actor, @PathVariable String shopId) {
        ShopInfo shop = store.shop(shopId).orElseThrow(() -> ProblemException.notFound("no shop '" + shopId + "'"));
        return Map.of(
                "id", shop.id(),
                "name", shop.name(),
                "zone", shop.zone().getId(),
                "region", shop.region() == null ? "" : shop.region(),
                "language", shop.language());
    }

    @GetMapping("/members")
    List<Map<String, String>> members(@AuthenticationPrincipal Actor actor, @PathVariable String shopId) {
        teamRole(actor, shopId);
        return store.team(shopId).entrySet().stream()
                .map(e -> Map.of(
                        "userId", e.getKey(),
                        "displayName",
                                store.user(e.getKey()).map(u -> u.displayName()).orElse(e.getKey()),
                        "role", e.getValue().apiName()))
                .toList();
    }

    @GetMapping("/api-tokens")
    List<TokenService.ApiTokenRow> list(@AuthenticationPrincipal Actor actor, @PathVariable String shopId) {
        requireAdmin(actor, shopId);
        return tokens.apiTokens(shopId);
    }

    @PostMapping("/api-tokens")
    @Transactional
    ResponseEntity<CreatedToken> create(
            @AuthenticationPrincipal Actor actor, @PathVariable String shopId, @Validated @RequestBody NewToken body) {
        requireAdmin(actor, shopId);
        Set<String> scopes =
                new LinkedHashSet<>(body.scopes() == null ? List.of(Actor.READ, Actor.WRITE) : body.scopes());
        if (scopes.isEmpty() || !SCOPES.containsAll(scopes)) {
            throw ProblemException.invalid("scopes: each must be one of " + SCOPES);
        }
        if (body.actingUserId() != null && !store.team(shopId).containsKey(body.actingUserId())) {
            throw ProblemException.invalid("actingUserId: '" + body.actingUserId() + "' is not a member of this shop");
        }
        TokenService.Issued issued = tokens.issueApiToken(
                shopId, body.name(), body.actingUserId(), scopes, actor.senderKey(), body.expiresAt());
        events.publishEvent(new ApiTokenCreated(shopId, issued.id(), body.actingUserId(), actor.senderKey()));
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new CreatedToken(
                        issued.id(),
                        issued.token(),
                        body.name(),
                        body.actingUserId(),
                        List.copyOf(scopes),
                        body.expiresAt()));
    }

    @DeleteMapping("/api-tokens/{tokenId}")
    @Transactional
    ResponseEntity<Void> revoke(
            @AuthenticationPrincipal Actor actor, @PathVariable String shopId, @PathVariable String tokenId) {
        requireAdmin(actor, shopId);
        if (!tokens.apiTokenShop(tokenId).map(shopId::equals).orElse(false)) {
            throw ProblemException.notFound("no API token '" + tokenId + "' in this shop");
        }
        tokens.revoke(tokenId);
        events.publishEvent(new ApiTokenRevoked(shopId, tokenId, actor.senderKey()));
        return ResponseEntity.noContent().build();
    }

    private ShopRole teamRole(Actor actor, String shopId) {
        if (store.shop(shopId).isEmpty()) {
            throw ProblemException.notFound("no shop '" + shopId + "'");
        }
        if (actor.isStaff()) {
            return ShopRole.AGENT;
        }
        return actor.roleIn(shopId).orElseThrow(() -> ProblemException.notFound("no shop '" + shopId + "'"));
    }

    private void requireAdmin(Actor actor, String shopId) {
        if (store.shop(shopId).isEmpty() || actor.roleIn(shopId).isEmpty()) {
            throw ProblemException.notFound("no shop '" + shopId + "'");
        }
        if (actor.isApiClient() || !actor.roleIn(shopId).get().atLeast(ShopRole.ADMIN)) {
            throw ProblemException.forbidden("only the shop's admins and owner manage API tokens");
        }
    }
}
