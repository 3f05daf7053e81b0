package dev.parley.server.accounts;

import dev.parley.server.accounts.internal.AccountStore;
import dev.parley.server.accounts.internal.Pseudonyms;
import dev.parley.server.accounts.internal.TokenService;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What other modules may ask of accounts: shops and users by id (cached), and the shop's messaging restriction. */
@Service
public class Accounts {
    private final AccountStore store;
    private final TokenService tokens;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    private final Pseudonyms pseudonyms;
    private final PasswordEncoder encoder;

    Accounts(
            AccountStore store,
            TokenService tokens,
            ApplicationEventPublisher events,
            Clock clock,
            Pseudonyms pseudonyms,
            PasswordEncoder encoder) {
        this.pseudonyms = pseudonyms;
        this.encoder = encoder;
        this.store = store;
        this.tokens = tokens;
        this.events = events;
        this.clock = clock;
    }

    /** The actor a bearer token stands for, if it is valid now. */
    public Optional<Actor> resolve(String token) {
        return tokens.resolve(token);
    }

    /**
     * Opens a session for the user with this username, whose password the caller has just checked: a session token as
     * {@code POST /api/v1/auth/token} gives (the pages keep it on the server, in the HTTP session).
     */
    public IssuedToken openSession(String username) {
        AccountStore.Credentials credentials = store.credentials(username)
                .orElseThrow(() -> new IllegalArgumentException("no user '" + username + "'"));
        TokenService.Issued issued = tokens.issueSession(credentials.userId());
        return new IssuedToken(issued.id(), issued.token(), issued.expiresAt());
    }

    /** A short-lived token that opens the WebSocket ({@code /ws}) for a signed-in user, and nothing else. */
    public IssuedToken socketToken(Actor actor) {
        if (actor.userId() == null || actor.isApiClient() || actor.socketOnly()) {
            throw new IllegalArgumentException("socket tokens are for signed-in users");
        }
        TokenService.Issued issued = tokens.issueSocket(actor.userId());
        return new IssuedToken(issued.id(), issued.token(), issued.expiresAt());
    }

    /** Revokes the token with this id (ends a session). */
    public void revoke(String tokenId) {
        tokens.revoke(tokenId);
    }

    /** The shops, by name, at most {@code limit}. */
    public List<ShopInfo> shops(int limit) {
        return store.shops(limit);
    }

    /** The ids of users whose display handle contains {@code fragment}, ignoring case, at most {@code limit}. */
    public List<String> userIdsByHandle(String fragment, int limit) {
        return store.userIdsByHandle(fragment, limit);
    }

    /** A buyer's personal data, masked as seller views show it (architecture.md: masked unless needed for an order). */
    public Optional<MaskedContact> maskedContact(String userId) {
        return store.userRow(userId).map(u -> MaskedContact.of(u.legalName(), u.email(), u.phone()));
    }

    /**
     * The e-mail address the platform writes to this user at, if they gave one: for the platform's own notices (the
     * cases module's outbox), never shown to a shop.
     */
    public Optional<String> noticeAddress(String userId) {
        return store.userRow(userId).map(AccountStore.UserRow::email).filter(e -> !e.isBlank());
    }

    /** A user's account with the personal data unmasked (callers audit the read: {@link AuditLog}). */
    public Optional<PersonalData> personalData(String userId) {
        return store.personalData(userId);
    }

    /** Whether {@code password} is the user's password now (false for an erased account or one without). */
    public boolean passwordMatches(String userId, String password) {
        String hash = store.passwordHash(userId).orElse(null);
        return hash != null && encoder.matches(password, hash);
    }

    /** The result of an erasure: the user's pseudonym, and whether this call erased them (false: done before). */
    public record Erasure(String userId, String pseudonym, boolean erasedNow) {}

    /**
     * Erases a user's personal data (legal name, e-mail, phone, password), replaces their username and display name
     * with a pseudonym derived from a keyed hash of their id, revokes every token: sign-in fails from then on. The id
     * stays, so that the compliance records keyed by it stay whole. Idempotent.
     */
    @Transactional
    public Erasure erase(String userId) {
        PersonalData data =
                store.personalData(userId).orElseThrow(() -> new IllegalArgumentException("no user '" + userId + "'"));
        String pseudonym = data.erasedAt() != null
                ? data.displayName()
                : pseudonyms.of(userId, data.kind() == Actor.Kind.BUYER ? "buyer" : "user");
        boolean now = store.erase(userId, pseudonym);
        tokens.revokeAll(userId);
        return new Erasure(userId, pseudonym, now);
    }

    /** The shop with this id. */
    public Optional<ShopInfo> shop(String shopId) {
        return store.shop(shopId);
    }

    /** The user with this id, as others may show them. */
    public Optional<UserInfo> user(String userId) {
        return store.user(userId);
    }

    /** The users with these ids that exist. */
    public Map<String, UserInfo> users(Collection<String> userIds) {
        return store.users(userIds);
    }

    /** The ids of the team members of {@code shopId} with their roles. */
    public Map<String, ShopRole> team(String shopId) {
        return store.team(shopId);
    }

    /** Sets a restriction of the shop's messaging without an end (until set back to {@code NONE}). */
    @Transactional
    public void restrictMessaging(String shopId, MessagingRestriction restriction) {
        store.setRestriction(shopId, restriction);
        events.publishEvent(new MessagingRestrictionChanged(shopId, restriction));
    }

    /**
     * Sets the timed restrictions of the shop's enforcement actions (for the cases module): messaging suspended until
     * {@code suspendedUntil}, every message held for review until {@code heldUntil} (null: none). Each lapses at its
     * instant on its own: {@link ShopInfo#restrictionAt} reads them at the moment of each send.
     */
    @Transactional
    public void scheduleMessagingRestrictions(
            String shopId, @Nullable Instant suspendedUntil, @Nullable Instant heldUntil) {
        store.setTimedRestrictions(shopId, suspendedUntil, heldUntil);
        store.shop(shopId)
                .ifPresent(shop -> events.publishEvent(
                        new MessagingRestrictionChanged(shopId, shop.restrictionAt(clock.instant()))));
    }
}
