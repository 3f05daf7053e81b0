package dev.parley.server.accounts.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.parley.server.accounts.Actor;
import dev.parley.server.accounts.MessagingRestriction;
import dev.parley.server.accounts.PlatformRole;
import dev.parley.server.accounts.ShopInfo;
import dev.parley.server.accounts.ShopRole;
import dev.parley.server.accounts.UserInfo;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Shops, users and team roles in the database, with caches of shops and user handles (evicted on every change). */
@Component
public class AccountStore {
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Cache<String, Optional<ShopInfo>> shops = Caffeine.newBuilder()
            .maximumSize(50_000)
            .expireAfterWrite(Duration.ofSeconds(30))
            .build();
    private final Cache<String, Optional<UserInfo>> users = Caffeine.newBuilder()
            .maximumSize(200_000)
            .expireAfterWrite(Duration.ofMinutes(5))
            .build();

    AccountStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A user's credentials and kind, for sign-in. */
    public record Credentials(String userId, @Nullable String passwordHash) {}

    /** A user row as stored, contact data included (never shown to sellers). */
    public record UserRow(
            String id,
            String username,
            String displayName,
            @Nullable String legalName,
            @Nullable String email,
            @Nullable String phone,
            Actor.Kind kind,
            @Nullable PlatformRole platformRole) {}

    public Optional<ShopInfo> shop(String id) {
        return shops.get(
                id,
                key -> jdbc.sql("SELECT id, name, zone, region, language, messaging_restriction,"
                                + " messaging_suspended_until, messaging_held_until FROM shop WHERE id = ?")
                        .param(key)
                        .query((rs, n) -> new ShopInfo(
                                rs.getString(1),
                                rs.getString(2),
                                ZoneId.of(rs.getString(3)),
                                rs.getString(4),
                                rs.getString(5),
                                MessagingRestriction.valueOf(rs.getString(6)),
                                instant(rs.getTimestamp(7)),
                                instant(rs.getTimestamp(8))))
                        .optional());
    }

    public Optional<UserInfo> user(String id) {
        return users.get(
                id,
                key -> jdbc.sql("SELECT id, display_name, kind, platform_role FROM app_user WHERE id = ?")
                        .param(key)
                        .query((rs, n) -> new UserInfo(
                                rs.getString(1),
                                rs.getString(2),
                                Actor.Kind.valueOf(rs.getString(3)),
                                rs.getString(4) == null ? null : PlatformRole.valueOf(rs.getString(4))))
                        .optional());
    }

    public Map<String, UserInfo> users(Collection<String> ids) {
        Map<String, UserInfo> found = new LinkedHashMap<>();
        for (String id : ids) {
            user(id).ifPresent(u -> found.put(id, u));
        }
        return found;
    }

    public Optional<UserRow> userRow(String id) {
        return jdbc.sql("SELECT id, username, display_name, legal_name, email, phone, kind, platform_role FROM app_user"
                        + " WHERE id = ?")
                .param(id)
                .query((rs, n) -> new UserRow(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        Actor.Kind.valueOf(rs.getString(7)),
                        rs.getString(8) == null ? null : PlatformRole.valueOf(rs.getString(8))))
                .optional();
    }

    /** A user's account with the personal data unmasked. */
    public Optional<dev.parley.server.accounts.PersonalData> personalData(String id) {
        return jdbc.sql("SELECT id, username, display_name, legal_name, email, phone, kind, created_at, erased_at"
                        + " FROM app_user WHERE id = ?")
                .param(id)
                .query((rs, n) -> new dev.parley.server.accounts.PersonalData(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        Actor.Kind.valueOf(rs.getString(7)),
                        rs.getTimestamp(8).toInstant(),
                        instant(rs.getTimestamp(9))))
                .optional();
    }

    /**
     * Erases a user's personal data: legal name, e-mail, phone and password gone, username and display name replaced by
     * the pseudonym, the team memberships ended; true when it was not erased before.
     */
    public boolean erase(String id, String pseudonym) {
        int changed = jdbc.sql("UPDATE app_user SET username = ?, display_name = ?, legal_name = NULL, email = NULL,"
                        + " phone = NULL, password_hash = NULL, erased_at = ?, updated_at = ? WHERE id = ?"
                        + " AND erased_at IS NULL")
                .params(pseudonym, pseudonym, now(), now(), id)
                .update();
        jdbc.sql("DELETE FROM team_member WHERE user_id = ?").param(id).update();
        users.invalidate(id);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    users.invalidate(id);
                }
            });
        }
        return changed > 0;
    }

    /** Whether the user's personal data was erased. */
    public boolean erased(String id) {
        return jdbc.sql("SELECT COUNT(*) FROM app_user WHERE id = ? AND erased_at IS NOT NULL")
                        .param(id)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public Optional<Credentials> credentials(String username) {
        return jdbc.sql("SELECT id, password_hash FROM app_user WHERE username = ?")
                .param(username)
                .query((rs, n) -> new Credentials(rs.getString(1), rs.getString(2)))
                .optional();
    }

    public Optional<String> passwordHash(String userId) {
        return jdbc.sql("SELECT password_hash FROM app_user WHERE id = ?")
                .param(userId)
                .query(String.class)
                .optional();
    }

    public void setPasswordHash(String userId, String hash) {
        jdbc.sql("UPDATE app_user SET password_hash = ?, updated_at = ? WHERE id = ?")
                .params(hash, now(), userId)
                .update();
    }

    public Map<String, ShopRole> memberships(String userId) {
        Map<String, ShopRole> roles = new HashMap<>();
        jdbc.sql("SELECT shop_id, role FROM team_member WHERE user_id = ?")
                .param(userId)
                .query((rs, n) -> roles.put(rs.getString(1), ShopRole.valueOf(rs.getString(2))))
                .list();
        return roles;
    }

    public Map<String, ShopRole> team(String shopId) {
        Map<String, ShopRole> roles = new LinkedHashMap<>();
        jdbc.sql("SELECT user_id, role FROM team_member WHERE shop_id = ? ORDER BY user_id")
                .param(shopId)
                .query((rs, n) -> roles.put(rs.getString(1), ShopRole.valueOf(rs.getString(2))))
                .list();
        return roles;
    }

    /** Creates or updates a shop; true when it was created. */
    public boolean upsertShop(String id, String name, ZoneId zone, @Nullable String region, String language) {
        Timestamp now = now();
        int updated = jdbc.sql(
                        "UPDATE shop SET name = ?, zone = ?, region = ?, language = ?, updated_at = ? WHERE id = ?")
                .params(name, zone.getId(), region, language, now, id)
                .update();
        boolean created = false;
        if (updated == 0) {
            jdbc.sql("INSERT INTO shop (id, name, zone, region, language, created_at, updated_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(id, name, zone.getId(), region, language, now, now)
                    .update();
            created = true;
        }
        invalidateShop(id);
        return created;
    }

    public void setRestriction(String shopId, MessagingRestriction restriction) {
        jdbc.sql("UPDATE shop SET messaging_restriction = ?, updated_at = ? WHERE id = ?")
                .params(restriction.name(), now(), shopId)
                .update();
        invalidateShop(shopId);
    }

    /** Sets the timed restrictions of enforcement actions (null: none). */
    public void setTimedRestrictions(String shopId, @Nullable Instant suspendedUntil, @Nullable Instant heldUntil) {
        jdbc.sql("UPDATE shop SET messaging_suspended_until = ?, messaging_held_until = ?, updated_at = ? WHERE id = ?")
                .params(
                        suspendedUntil == null ? null : Timestamp.from(suspendedUntil),
                        heldUntil == null ? null : Timestamp.from(heldUntil),
                        now(),
                        shopId)
                .update();
        invalidateShop(shopId);
    }

    /**
     * Drops the cached shop now and again once the transaction commits: a reader that loads the row in between would
     * otherwise keep the value from before the change cached.
     */
    private void invalidateShop(String shopId) {
        shops.invalidate(shopId);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    shops.invalidate(shopId);
                }
            });
        }
    }

    private static @Nullable Instant instant(@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    /** Creates or updates a user (password only when given) and replaces their shop roles; true when created. */
    public boolean upsertUser(UserRow row, @Nullable String passwordHash, Map<String, ShopRole> roles) {
        Timestamp now = now();
        String role = row.platformRole() == null ? null : row.platformRole().name();
        int updated = jdbc.sql("UPDATE app_user SET username = ?, display_name = ?, legal_name = ?, email = ?,"
                        + " phone = ?, kind = ?, platform_role = ?, updated_at = ? WHERE id = ?")
                .params(
                        row.username(),
                        row.displayName(),
                        row.legalName(),
                        row.email(),
                        row.phone(),
                        row.kind().name(),
                        role,
                        now,
                        row.id())
                .update();
        boolean created = updated == 0;
        if (created) {
            jdbc.sql("INSERT INTO app_user (id, username, display_name, legal_name, email, phone, kind, platform_role,"
                            + " password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            row.id(),
                            row.username(),
                            row.displayName(),
                            row.legalName(),
                            row.email(),
                            row.phone(),
                            row.kind().name(),
                            role,
                            passwordHash,
                            now,
                            now)
                    .update();
        } else if (passwordHash != null) {
            setPasswordHash(row.id(), passwordHash);
        }
        jdbc.sql("DELETE FROM team_member WHERE user_id = ?").param(row.id()).update();
        roles.forEach(
                (shopId, shopRole) -> jdbc.sql("INSERT INTO team_member (shop_id, user_id, role) VALUES (?, ?, ?)")
                        .params(shopId, row.id(), shopRole.name())
                        .update());
        users.invalidate(row.id());
        return created;
    }

    /** The shops, by name, at most {@code limit}. */
    public List<ShopInfo> shops(int limit) {
        return jdbc
                .sql("SELECT id FROM shop ORDER BY name, id LIMIT ?")
                .param(limit)
                .query(String.class)
                .list()
                .stream()
                .flatMap(id -> shop(id).stream())
                .toList();
    }

    /** The ids of users whose display handle contains {@code fragment} (case-insensitive), at most {@code limit}. */
    public List<String> userIdsByHandle(String fragment, int limit) {
        String like = "%"
                + fragment.toLowerCase(java.util.Locale.ROOT)
                        .replace("!", "!!")
                        .replace("%", "!%")
                        .replace("_", "!_")
                + "%";
        return jdbc.sql("SELECT id FROM app_user WHERE LOWER(display_name) LIKE ? ESCAPE '!' ORDER BY id LIMIT ?")
                .params(like, limit)
                .query(String.class)
                .list();
    }

    /** The id of the user with this username. */
    public Optional<UserRow> userByUsername(String username) {
        return credentials(username).flatMap(c -> userRow(c.userId()));
    }

    /** Creates a user without shop roles. */
    public void insertUser(UserRow row, @Nullable String passwordHash) {
        Timestamp now = now();
        jdbc.sql("INSERT INTO app_user (id, username, display_name, legal_name, email, phone, kind, platform_role,"
                        + " password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        row.id(),
                        row.username(),
                        row.displayName(),
                        row.legalName(),
                        row.email(),
                        row.phone(),
                        row.kind().name(),
                        row.platformRole() == null ? null : row.platformRole().name(),
                        passwordHash,
                        now,
                        now)
                .update();
        users.invalidate(row.id());
    }

    /** Gives {@code userId} the role {@code role} in {@code shopId}, adding them to the team if needed. */
    public void setMember(String shopId, String userId, ShopRole role) {
        int updated = jdbc.sql("UPDATE team_member SET role = ? WHERE shop_id = ? AND user_id = ?")
                .params(role.name(), shopId, userId)
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO team_member (shop_id, user_id, role) VALUES (?, ?, ?)")
                    .params(shopId, userId, role.name())
                    .update();
        }
    }

    /** Takes {@code userId} off the team of {@code shopId}; true when they were on it. */
    public boolean removeMember(String shopId, String userId) {
        return jdbc.sql("DELETE FROM team_member WHERE shop_id = ? AND user_id = ?")
                        .params(shopId, userId)
                        .update()
                > 0;
    }

    public boolean userExists(String id) {
        return jdbc.sql("SELECT COUNT(*) FROM app_user WHERE id = ?")
                        .param(id)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public boolean usernameTakenByOther(String username, String id) {
        return jdbc.sql("SELECT COUNT(*) FROM app_user WHERE username = ? AND id <> ?")
                        .params(username, id)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public List<String> existingShops(Collection<String> ids) {
        return ids.stream().filter(id -> shop(id).isPresent()).toList();
    }

    private Timestamp now() {
        return Timestamp.from(Instant.now(clock));
    }
}
