package dev.parley.server.accounts.internal;

import dev.parley.server.accounts.Actor;
import dev.parley.server.accounts.PlatformRole;
import dev.parley.server.accounts.ShopRole;
import dev.parley.server.accounts.ShopUpserted;
import dev.parley.server.accounts.UserUpserted;
import dev.parley.server.shared.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator's integration API for accounts: shops and users (with their roles) upserted by the marketplace's own
 * ids. A repeat of the same call changes nothing; {@code 201} when created, {@code 200} when it existed.
 */
@RestController
@RequestMapping("/api/v1/operator")
class OperatorAccountsController {
    static final String ID = "[A-Za-z0-9][A-Za-z0-9._:-]{0,63}";
    private final AccountStore store;
    private final PasswordEncoder encoder;
    private final TokenService tokens;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;

    OperatorAccountsController(
            AccountStore store,
            PasswordEncoder encoder,
            TokenService tokens,
            ApplicationEventPublisher events,
            TransactionTemplate tx) {
        this.store = store;
        this.encoder = encoder;
        this.tokens = tokens;
        this.events = events;
        this.tx = tx;
    }

    record ShopBody(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 64) String zone,
            @Nullable @Pattern(regexp = "[A-Za-z]{2}") String region,

            @NotBlank @Size(max = 35) @Pattern(regexp = "[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")
            String language) {}

    record Membership(@NotBlank String shopId, @NotBlank String role) {}

    record UserBody(
            @Nullable @Size(max = 64) String username,
            @NotBlank @Size(max = 100) String displayName,
            @Nullable @Size(max = 200) String legalName,
            @Nullable @Size(max = 320) String email,
            @Nullable @Size(max = 64) String phone,
            @Nullable @Size(min = 1, max = 200) String password,
            @Nullable String platformRole,
            @Nullable @Valid List<@NotNull Membership> shops) {}

    @PutMapping("/shops/{id}")
    @Transactional
    ResponseEntity<Map<String, Object>> upsertShop(
            @AuthenticationPrincipal Actor actor, @PathVariable String id, @Validated @RequestBody ShopBody body) {
        requireOperator(actor);
        requireId(id);
        ZoneId zone;
        try {
            zone = ZoneId.of(body.zone());
        } catch (DateTimeException e) {
            throw ProblemException.invalid("zone: '" + body.zone() + "' is not an IANA time zone id");
        }
        String region = body.region() == null ? null : body.region().toUpperCase(Locale.ROOT);
        boolean created = store.upsertShop(id, body.name(), zone, region, body.language());
        events.publishEvent(new ShopUpserted(id, created));
        Map<String, Object> shop = new LinkedHashMap<>();
        shop.put("id", id);
        shop.put("name", body.name());
        shop.put("zone", zone.getId());
        shop.put("region", region);
        shop.put("language", body.language());
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK)
                .body(shop);
    }

    @PutMapping("/users/{id}")
    ResponseEntity<Map<String, Object>> upsertUser(
            @AuthenticationPrincipal Actor actor, @PathVariable String id, @Validated @RequestBody UserBody body) {
        requireOperator(actor);
        requireId(id);
        if (store.erased(id)) {
            throw new ProblemException(
                    409, "conflict", "Conflict", "user '" + id + "' was erased at their request and cannot come back");
        }
        String username = body.username() == null ? id : body.username();
        if (!username.matches(ID)) {
            throw ProblemException.invalid("username: letters, digits and . _ : - only, at most 64");
        }
        if (store.usernameTakenByOther(username, id)) {
            throw new ProblemException(
                    409, "conflict", "Conflict", "username '" + username + "' belongs to another user");
        }
        PlatformRole platformRole = null;
        if (body.platformRole() != null) {
            platformRole = PlatformRole.parse(body.platformRole())
                    .orElseThrow(() -> ProblemException.invalid("platformRole: one of reviewer, arbitrator, operator"));
        }
        Map<String, ShopRole> roles = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        for (Membership m : body.shops() == null ? List.<Membership>of() : body.shops()) {
            ShopRole role = ShopRole.parse(m.role()).orElse(null);
            if (role == null) {
                errors.add("shops: role '" + m.role() + "' is not one of owner, admin, agent");
            } else if (store.shop(m.shopId()).isEmpty()) {
                errors.add("shops: no shop '" + m.shopId() + "'");
            } else {
                roles.put(m.shopId(), role);
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(String.join("; ", errors), errors);
        }
        if (platformRole != null && !roles.isEmpty()) {
            throw ProblemException.invalid("a user is either platform staff or a shop's team member, not both");
        }
        Actor.Kind kind =
                platformRole != null ? Actor.Kind.STAFF : roles.isEmpty() ? Actor.Kind.BUYER : Actor.Kind.SELLER;
        AccountStore.UserRow row = new AccountStore.UserRow(
                id, username, body.displayName(), body.legalName(), body.email(), body.phone(), kind, platformRole);
        boolean created =
                store.upsertUser(row, body.password() == null ? null : encoder.encode(body.password()), roles);
        tokens.evictAll();
        events.publishEvent(new UserUpserted(id, created));
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", id);
        user.put("username", username);
        user.put("displayName", body.displayName());
        user.put("kind", kind.name().toLowerCase(Locale.ROOT));
        user.put("platformRole", platformRole == null ? null : platformRole.apiName());
        user.put(
                "shops",
                roles.entrySet().stream()
                        .map(e -> Map.of(
                                "shopId", e.getKey(), "role", e.getValue().apiName()))
                        .toList());
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK)
                .body(user);
    }

    static void requireOperator(Actor actor) {
        if (!actor.is(PlatformRole.OPERATOR)) {
            throw ProblemException.forbidden("only the platform's operators use the integration API");
        }
    }

    static void requireId(String id) {
        if (!id.matches(ID)) {
            throw ProblemException.invalid("id: letters, digits and . _ : - only, at most 64 characters");
        }
    }
}
