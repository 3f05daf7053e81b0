package dev.parley.server.accounts.internal;

import dev.parley.server.accounts.Actor;
import dev.parley.server.shared.ProblemException;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Sign-in, sign-out, change of password, and who am I. */
@RestController
@RequestMapping("/api/v1")
class AuthController {
    private final AccountStore store;
    private final TokenService tokens;
    private final PasswordEncoder encoder;
    private final AccountsSettings settings;
    private final String dummyHash;

    AuthController(AccountStore store, TokenService tokens, PasswordEncoder encoder, AccountsSettings settings) {
        this.store = store;
        this.tokens = tokens;
        this.encoder = encoder;
        this.settings = settings;
        this.dummyHash = encoder.encode("not a password of anyone");
    }

    record SignIn(
            @NotBlank @Size(max = 64) String username,
            @NotBlank @Size(max = 200) String password) {}

    record TokenResponse(String token, @Nullable Instant expiresAt) {}

    record PasswordChange(
            @NotBlank @Size(max = 200) String currentPassword,
            @NotBlank @Size(max = 200) String newPassword) {}

    @PostMapping("/auth/token")
    TokenResponse signIn(@Validated @RequestBody SignIn body) {
        var credentials = store.credentials(body.username());
        String hash = credentials.map(AccountStore.Credentials::passwordHash).orElse(null);
        boolean ok = encoder.matches(body.password(), hash != null ? hash : dummyHash) && hash != null;
        if (!ok) {
            throw ProblemException.unauthorized("wrong username or password");
        }
        TokenService.Issued issued = tokens.issueSession(credentials.get().userId());
        return new TokenResponse(issued.token(), issued.expiresAt());
    }

    @PostMapping("/auth/sign-out")
    ResponseEntity<Void> signOut(@AuthenticationPrincipal Actor actor) {
        tokens.revoke(actor.tokenId());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/auth/password")
    ResponseEntity<Void> changePassword(
            @AuthenticationPrincipal Actor actor, @Validated @RequestBody PasswordChange body) {
        if (actor.isApiClient() || actor.userId() == null) {
            throw ProblemException.forbidden("an API token has no password");
        }
        String hash = store.passwordHash(actor.userId()).orElse(null);
        if (hash == null || !encoder.matches(body.currentPassword(), hash)) {
            throw ProblemException.forbidden("the current password is wrong");
        }
        if (body.newPassword().length() < settings.minPasswordLength()) {
            throw ProblemException.invalid(
                    "newPassword: must be at least " + settings.minPasswordLength() + " characters long");
        }
        String newHash = encoder.encode(body.newPassword());
        store.setPasswordHash(actor.userId(), newHash);
        tokens.revokeOtherSessions(actor.userId(), actor.tokenId());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/me")
    Map<String, Object> me(@AuthenticationPrincipal Actor actor) {
        return Map.of(
                "id", actor.userId() == null ? "" : actor.userId(),
                "displayName", actor.displayName(),
                "kind", actor.kind().name().toLowerCase(),
                "platformRole",
                        actor.platformRole() == null ? "" : actor.platformRole().apiName(),
                "shops",
                        actor.shops().entrySet().stream()
                                .map(e -> Map.of(
                                        "shopId",
                                        e.getKey(),
                                        "role",
                                        e.getValue().apiName()))
                                .toList(),
                "scopes", List.copyOf(actor.scopes()),
                "automatic", actor.automatic());
    }
}
