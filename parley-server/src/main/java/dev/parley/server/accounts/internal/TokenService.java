package dev.parley.server.accounts.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.parley.server.accounts.Actor;
import dev.parley.server.accounts.PlatformRole;
import dev.parley.server.accounts.ShopRole;
import dev.parley.server.shared.TimeOrderedIds;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Issues, resolves and revokes bearer tokens. Only a token's SHA-256 is stored; resolved tokens are cached for a short
 * time and evicted at once on this node when revoked.
 */
@Service
public class TokenService {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private final SecureRandom random = new SecureRandom();
    private final JdbcClient jdbc;
    private final AccountStore store;
    private final TimeOrderedIds ids;
    private final Clock clock;
    private final AccountsSettings settings;
    private final Cache<String, Optional<Actor>> cache;

    TokenService(JdbcClient jdbc, AccountStore store, TimeOrderedIds ids, Clock clock, AccountsSettings settings) {
        this.jdbc = jdbc;
        this.store = store;
        this.ids = ids;
        this.clock = clock;
        this.settings = settings;
        this.cache = Caffeine.newBuilder()
                .maximumSize(200_000)
                .expireAfterWrite(settings.tokenCacheTtl())
                .build();
    }

    /** A new token and its public id. */
    public record Issued(String id, String token, @Nullable Instant expiresAt) {}

    /** A shop API token as listed to the shop's admins (never the token itself). */
    public record ApiTokenRow(
            String id,
            String name,
            @Nullable String actingUserId,
            List<String> scopes,
            String createdBy,
            Instant createdAt,
            @Nullable Instant expiresAt,
            @Nullable Instant revokedAt) {}

    /** Signs a user in: a session token that expires after the configured time. */
    public Issued issueSession(String userId) {
        Instant expires =
                Instant.now(clock).plus(settings.sessionTtl()).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        return insert("SESSION", null, userId, null, Set.of(), null, expires);
    }

    /** A short-lived token that only opens the WebSocket, for a page of a signed-in user. */
    public Issued issueSocket(String userId) {
        Instant expires =
                Instant.now(clock).plus(settings.socketTokenTtl()).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        return insert("SOCKET", null, userId, null, Set.of(Actor.SOCKET), null, expires);
    }

    /** Creates a shop API token, acting for a named member or for none (then its messages are automatic replies). */
    public Issued issueApiToken(
            String shopId,
            String name,
            @Nullable String actingUserId,
            Set<String> scopes,
            String createdBy,
            @Nullable Instant expiresAt) {
        return insert("API", shopId, actingUserId, name, scopes, createdBy, expiresAt);
    }

    private Issued insert(
            String kind,
            @Nullable String shopId,
            @Nullable String userId,
            @Nullable String name,
            Set<String> scopes,
            @Nullable String createdBy,
            @Nullable Instant expiresAt) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token =
                (kind.equals("API") ? "pat_" : kind.equals("SOCKET") ? "pws_" : "pst_") + B64.encodeToString(bytes);
        String id = ids.next();
        jdbc.sql(
                        "INSERT INTO access_token (token_hash, id, kind, shop_id, user_id, name, scopes, created_by, created_at,"
                                + " expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        hash(token),
                        id,
                        kind,
                        shopId,
                        userId,
                        name,
                        String.join(" ", scopes),
                        createdBy,
                        Timestamp.from(Instant.now(clock)),
                        expiresAt == null ? null : Timestamp.from(expiresAt))
                .update();
        return new Issued(id, token, expiresAt);
    }

    /** The actor a bearer token stands for, if it is valid now. */
    public Optional<Actor> resolve(String token) {
        if (token.length() < 10 || token.length() > 200) {
            return Optional.empty();
        }
        String hash = hash(token);
        Optional<Actor> actor = cache.get(hash, this::load);
        if (actor.isPresent() && actor.get().expiredAt(Instant.now(clock))) {
            return Optional.empty();
        }
        return actor;
    }

    private Optional<Actor> load(String hash) {
        record Row(
                String id,
                String kind,
                @Nullable String shopId,
                @Nullable String userId,
                String scopes,
                @Nullable Timestamp expires,
                @Nullable Timestamp revoked) {}
        Optional<Row> found = jdbc.sql("SELECT id, kind, shop_id, user_id, scopes, expires_at, revoked_at FROM"
                        + " access_token WHERE token_hash = ?")
                .param(hash)
                .query((rs, n) -> new Row(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getTimestamp(6),
                        rs.getTimestamp(7)))
                .optional();
        if (found.isEmpty() || found.get().revoked() != null) {
            return Optional.empty();
        }
        Row row = found.get();
        Instant expires = row.expires() == null ? null : row.expires().toInstant();
        if (row.kind().equals("API")) {
            String shopId = row.shopId();
            if (shopId == null) {
                return Optional.empty();
            }
            Set<String> scopes =
                    new LinkedHashSet<>(Arrays.asList(row.scopes().trim().split("\\s+")));
            scopes.remove("");
            ShopRole role = ShopRole.AGENT;
            String name = "API client of " + shopId;
            if (row.userId() != null) {
                ShopRole memberRole = store.memberships(row.userId()).get(shopId);
                if (memberRole == null) {
                    return Optional.empty();
                }
                role = memberRole;
                name = store.user(row.userId()).map(u -> u.displayName()).orElse(name);
            }
            return Optional.of(new Actor(
                    Actor.Kind.SHOP_CLIENT,
                    row.userId(),
                    name,
                    null,
                    Map.of(shopId, role),
                    row.id(),
                    shopId,
                    scopes,
                    expires));
        }
        String userId = row.userId();
        if (userId == null) {
            return Optional.empty();
        }
        Set<String> sessionScopes = row.kind().equals("SOCKET") ? Set.of(Actor.SOCKET) : Set.of();
        return store.userRow(userId).map(user -> {
            PlatformRole platformRole = user.platformRole();
            return new Actor(
                    user.kind(),
                    user.id(),
                    user.displayName(),
                    platformRole,
                    user.kind() == Actor.Kind.SELLER ? store.memberships(user.id()) : Map.of(),
                    row.id(),
                    null,
                    sessionScopes,
                    expires);
        });
    }

    /** Revokes the token with this id (of any kind). */
    public void revoke(String tokenId) {
        Optional<String> hash = jdbc.sql("SELECT token_hash FROM access_token WHERE id = ?")
                .param(tokenId)
                .query(String.class)
                .optional();
        jdbc.sql("UPDATE access_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
                .params(Timestamp.from(Instant.now(clock)), tokenId)
                .update();
        hash.ifPresent(cache::invalidate);
    }

    /** Revokes every session and socket token of a user except {@code keepTokenId}. */
    public void revokeOtherSessions(String userId, String keepTokenId) {
        List<String> others = jdbc.sql("SELECT id FROM access_token WHERE user_id = ? AND kind IN ('SESSION', 'SOCKET')"
                        + " AND id <> ?"
                        + " AND revoked_at IS NULL")
                .params(userId, keepTokenId)
                .query(String.class)
                .list();
        others.forEach(this::revoke);
    }

    /** Revokes every token of a user: sessions, socket tokens and API tokens acting for them. */
    public void revokeAll(String userId) {
        jdbc.sql("SELECT id FROM access_token WHERE user_id = ? AND revoked_at IS NULL")
                .param(userId)
                .query(String.class)
                .list()
                .forEach(this::revoke);
    }

    /** Forgets cached tokens, so that role changes take effect at once on this node. */
    public void evictAll() {
        cache.invalidateAll();
    }

    /** The API tokens of a shop, newest first. */
    public List<ApiTokenRow> apiTokens(String shopId) {
        return jdbc.sql("SELECT id, name, user_id, scopes, created_by, created_at, expires_at, revoked_at FROM"
                        + " access_token WHERE shop_id = ? AND kind = 'API' ORDER BY created_at DESC, id DESC")
                .param(shopId)
                .query((rs, n) -> new ApiTokenRow(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        Arrays.stream(rs.getString(4).split("\\s+"))
                                .filter(s -> !s.isEmpty())
                                .toList(),
                        rs.getString(5),
                        rs.getTimestamp(6).toInstant(),
                        rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant(),
                        rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant()))
                .list();
    }

    /** The shop of an API token, if the id names one. */
    public Optional<String> apiTokenShop(String tokenId) {
        return jdbc.sql("SELECT shop_id FROM access_token WHERE id = ? AND kind = 'API'")
                .param(tokenId)
                .query(String.class)
                .optional();
    }

    static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
