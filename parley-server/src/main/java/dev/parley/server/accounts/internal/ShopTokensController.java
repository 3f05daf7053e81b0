package dev.parley.server.accounts.internal;

import dev.parley.server.accounts.Actor;
import dev.parley.server.accounts.ApiTokens;
import dev.parley.server.accounts.ShopInfo;
import dev.parley.server.accounts.ShopRole;
import dev.parley.server.accounts.Teams;
import dev.parley.server.shared.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A shop as seen by anyone signed in, its team ({@link Teams}: admins manage agents, the owner manages admins), and
 * its API tokens ({@link ApiTokens}, clause 3.7).
 */
@RestController
@RequestMapping("/api/v1/shops/{shopId}")
class ShopTokensController {
    private final AccountStore store;
    private final ApiTokens apiTokens;
    private final Teams teams;

    ShopTokensController(AccountStore store, ApiTokens apiTokens, Teams teams) {
        this.store = store;
        this.apiTokens = apiTokens;
        this.teams = teams;
    }

    record NewToken(
            @NotBlank @Size(max = 100) String name,
            @Nullable @Size(max = 64) String actingUserId,
            @Nullable List<String> scopes,
            @Nullable Instant expiresAt) {}

    record NewMember(
            @NotBlank @Size(max = 64) String username,
            @Nullable @Size(max = 100) String displayName,
            @NotBlank String role) {}

    record RoleChange(@NotBlank String role) {}

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
        return teams.members(actor, shopId).stream()
                .map(m -> Map.of(
                        "userId", m.userId(),
                        "displayName", m.displayName(),
                        "role", m.role().apiName()))
                .toList();
    }

    @Operation(summary = "Add a member: an existing seller account, or a new one with a temporary password")
    @PostMapping("/members")
    ResponseEntity<Map<String, @Nullable Object>> invite(
            @AuthenticationPrincipal Actor actor, @PathVariable String shopId, @Validated @RequestBody NewMember body) {
        Teams.Invited invited = teams.invite(actor, shopId, body.username(), body.displayName(), role(body.role()));
        Map<String, @Nullable Object> out = new LinkedHashMap<>(member(invited.member()));
        out.put("temporaryPassword", invited.temporaryPassword());
        return ResponseEntity.status(HttpStatus.CREATED).body(out);
    }

    @Operation(summary = "Give a member another role: {\"role\": \"agent\" | \"admin\"}")
    @PatchMapping("/members/{userId}")
    Map<String, @Nullable Object> changeRole(
            @AuthenticationPrincipal Actor actor,
            @PathVariable String shopId,
            @PathVariable String userId,
            @Validated @RequestBody RoleChange body) {
        return member(teams.changeRole(actor, shopId, userId, role(body.role())));
    }

    @DeleteMapping("/members/{userId}")
    ResponseEntity<Void> remove(
            @AuthenticationPrincipal Actor actor, @PathVariable String shopId, @PathVariable String userId) {
        teams.remove(actor, shopId, userId);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api-tokens")
    List<ApiTokens.Info> list(@AuthenticationPrincipal Actor actor, @PathVariable String shopId) {
        return apiTokens.list(actor, shopId);
    }

    @PostMapping("/api-tokens")
    ResponseEntity<ApiTokens.Created> create(
            @AuthenticationPrincipal Actor actor, @PathVariable String shopId, @Validated @RequestBody NewToken body) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(apiTokens.create(
                        actor, shopId, body.name(), body.actingUserId(), body.scopes(), body.expiresAt()));
    }

    @DeleteMapping("/api-tokens/{tokenId}")
    ResponseEntity<Void> revoke(
            @AuthenticationPrincipal Actor actor, @PathVariable String shopId, @PathVariable String tokenId) {
        apiTokens.revoke(actor, shopId, tokenId);
        return ResponseEntity.noContent().build();
    }

    private static ShopRole role(String name) {
        return ShopRole.parse(name).orElseThrow(() -> ProblemException.invalid("role: one of owner, admin, agent"));
    }

    private static Map<String, @Nullable Object> member(Teams.Member m) {
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        out.put("userId", m.userId());
        out.put("displayName", m.displayName());
        out.put("role", m.role().apiName());
        return out;
    }
}
