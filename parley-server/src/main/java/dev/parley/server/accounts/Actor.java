package dev.parley.server.accounts;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Who makes a request: a signed-in user (buyer, seller team member, platform staff) or a shop's API token.
 *
 * @param userId the user, or for an API token the member it acts for (null when it acts for none)
 * @param shops the shops this actor acts for, with the role; for an API token only its shop
 * @param tokenId the id of the token used
 * @param apiTokenShopId the shop of an API token, null for a session token
 * @param scopes what an API token may do ({@code messages:read}, {@code messages:write}); empty for sessions
 * @param expiresAt when the token expires, null for an API token without expiry
 */
public record Actor(
        Kind kind,
        @Nullable String userId,
        String displayName,
        @Nullable PlatformRole platformRole,
        Map<String, ShopRole> shops,
        String tokenId,
        @Nullable String apiTokenShopId,
        Set<String> scopes,
        @Nullable Instant expiresAt) {

    /** API token scope: read the shop's conversations. */
    public static final String READ = "messages:read";
    /** API token scope: send in the shop's conversations. */
    public static final String WRITE = "messages:write";

    /** What kind of party an actor is. */
    public enum Kind {
        BUYER,
        SELLER,
        STAFF,
        SHOP_CLIENT
    }

    public Actor {
        shops = Map.copyOf(shops);
        scopes = Set.copyOf(scopes);
    }

    /** Whether this is a buyer. */
    public boolean isBuyer() {
        return kind == Kind.BUYER;
    }

    /** Whether this is platform staff with {@code role}. */
    public boolean is(PlatformRole role) {
        return platformRole == role;
    }

    /** Whether this is platform staff. */
    public boolean isStaff() {
        return kind == Kind.STAFF;
    }

    /** Whether this is a shop API token. */
    public boolean isApiClient() {
        return apiTokenShopId != null;
    }

    /** The role this actor has in {@code shopId}, if any. */
    public Optional<ShopRole> roleIn(String shopId) {
        return Optional.ofNullable(shops.get(shopId));
    }

    /** Whether this actor may read the conversations of {@code shopId} as its team. */
    public boolean mayRead(String shopId) {
        return shops.containsKey(shopId) && (!isApiClient() || scopes.contains(READ));
    }

    /** Whether this actor may write in the conversations of {@code shopId} as its team. */
    public boolean mayWrite(String shopId) {
        return shops.containsKey(shopId) && (!isApiClient() || scopes.contains(WRITE));
    }

    /** Whether messages of this actor count as automatic replies: an API token acting for no named member. */
    public boolean automatic() {
        return isApiClient() && userId == null;
    }

    /** The key that identifies this sender for idempotency and rate limits. */
    public String senderKey() {
        return userId != null ? userId : "token:" + tokenId;
    }

    /** Whether the token has expired at {@code now}. */
    public boolean expiredAt(Instant now) {
        return expiresAt != null && now.isAfter(expiresAt);
    }
}
