package dev.parley.server.accounts;

import dev.parley.server.accounts.internal.AccountStore;
import dev.parley.server.accounts.internal.TokenService;
import dev.parley.server.shared.ProblemException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A shop's team as its members manage it (api.md's roles table): every member reads the team; admins manage agents;
 * the owner manages admins and agents; nobody manages the owner here (the operator's integration API does), and nobody
 * changes their own role. Another shop is {@code 404}; a member without the right is {@code 403}.
 */
@Service
public class Teams {
    private static final String ID = "[A-Za-z0-9][A-Za-z0-9._:-]{0,63}";
    private final SecureRandom random = new SecureRandom();
    private final AccountStore store;
    private final TokenService tokens;
    private final PasswordEncoder encoder;
    private final ApplicationEventPublisher events;

    Teams(AccountStore store, TokenService tokens, PasswordEncoder encoder, ApplicationEventPublisher events) {
        this.store = store;
        this.tokens = tokens;
        this.encoder = encoder;
        this.events = events;
    }

    /** A team member: id, display handle, role. */
    public record Member(String userId, String displayName, ShopRole role) {}

    /**
     * The result of an invitation.
     *
     * @param temporaryPassword for a new account, the password to hand over once (the member changes it with {@code
     *     POST /api/v1/auth/password}); null when an existing seller account joined
     */
    public record Invited(Member member, @Nullable String temporaryPassword) {}

    /** The team of {@code shopId}, owners first, then admins, then agents. */
    public List<Member> members(Actor actor, String shopId) {
        if (store.shop(shopId).isEmpty()
                || !(actor.isStaff() || actor.roleIn(shopId).isPresent())) {
            throw notFound(shopId);
        }
        return store.team(shopId).entrySet().stream()
                .map(e -> member(e.getKey(), e.getValue()))
                .sorted(Comparator.comparing((Member m) -> -m.role().ordinal()).thenComparing(Member::displayName))
                .toList();
    }

    /** Whether {@code actor} may add, remove or give the role {@code role} in {@code shopId}. */
    public boolean mayManage(Actor actor, String shopId, ShopRole role) {
        if (actor.isApiClient() || actor.socketOnly()) {
            return false;
        }
        ShopRole own = actor.roleIn(shopId).orElse(null);
        if (own == null) {
            return false;
        }
        return switch (role) {
            case AGENT -> own.atLeast(ShopRole.ADMIN);
            case ADMIN -> own == ShopRole.OWNER;
            case OWNER -> false;
        };
    }

    /**
     * Adds a member: an existing seller account joins with its username, or a new seller account is made with a
     * temporary password (until the outbox can e-mail an invitation).
     */
    @Transactional
    public Invited invite(Actor actor, String shopId, String username, @Nullable String displayName, ShopRole role) {
        requireManage(actor, shopId, role);
        if (!username.matches(ID)) {
            throw ProblemException.invalid("username: letters, digits and . _ : - only, at most 64");
        }
        String password = null;
        AccountStore.UserRow user = store.userByUsername(username).orElse(null);
        if (user == null) {
            if (store.userExists(username)) {
                throw conflict("the id '" + username + "' is taken");
            }
            String name = displayName == null || displayName.isBlank() ? username : displayName.strip();
            if (name.length() > 100) {
                throw ProblemException.invalid("displayName: at most 100 characters");
            }
            byte[] bytes = new byte[12];
            random.nextBytes(bytes);
            password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            user = new AccountStore.UserRow(username, username, name, null, null, null, Actor.Kind.SELLER, null);
            store.insertUser(user, encoder.encode(password));
        } else if (user.kind() != Actor.Kind.SELLER) {
            throw conflict("'" + username + "' is not a seller account; buyers and platform staff cannot join a team");
        } else if (store.team(shopId).containsKey(user.id())) {
            throw conflict("'" + username + "' is already on the team");
        }
        store.setMember(shopId, user.id(), role);
        tokens.evictAll();
        events.publishEvent(new TeamMemberChanged(shopId, user.id(), role, null, actor.senderKey()));
        return new Invited(member(user.id(), role), password);
    }

    /** Gives a member another role. */
    @Transactional
    public Member changeRole(Actor actor, String shopId, String userId, ShopRole role) {
        ShopRole previous = existing(actor, shopId, userId);
        requireManage(actor, shopId, previous);
        requireManage(actor, shopId, role);
        if (previous != role) {
            store.setMember(shopId, userId, role);
            tokens.evictAll();
            events.publishEvent(new TeamMemberChanged(shopId, userId, role, previous, actor.senderKey()));
        }
        return member(userId, role);
    }

    /** Takes a member off the team; their API tokens acting for them stop working with it. */
    @Transactional
    public void remove(Actor actor, String shopId, String userId) {
        ShopRole previous = existing(actor, shopId, userId);
        requireManage(actor, shopId, previous);
        store.removeMember(shopId, userId);
        tokens.evictAll();
        events.publishEvent(new TeamMemberChanged(shopId, userId, null, previous, actor.senderKey()));
    }

    private ShopRole existing(Actor actor, String shopId, String userId) {
        requireMember(actor, shopId);
        if (userId.equals(actor.userId())) {
            throw ProblemException.forbidden("nobody changes their own role or removes themselves");
        }
        Map<String, ShopRole> team = store.team(shopId);
        ShopRole role = team.get(userId);
        if (role == null) {
            throw ProblemException.notFound("no member '" + userId + "' in this shop's team");
        }
        return role;
    }

    private void requireMember(Actor actor, String shopId) {
        if (store.shop(shopId).isEmpty() || actor.roleIn(shopId).isEmpty()) {
            throw notFound(shopId);
        }
        if (actor.isApiClient()) {
            throw ProblemException.forbidden("an API token does not manage the team");
        }
    }

    private void requireManage(Actor actor, String shopId, ShopRole role) {
        requireMember(actor, shopId);
        if (!mayManage(actor, shopId, role)) {
            throw ProblemException.forbidden(
                    switch (role) {
                        case AGENT -> "only the shop's admins and owner manage agents";
                        case ADMIN -> "only the shop's owner manages admins";
                        case OWNER -> "the owner is set by the marketplace (the operator's integration API)";
                    });
        }
    }

    private Member member(String userId, ShopRole role) {
        return new Member(userId, store.user(userId).map(UserInfo::displayName).orElse(userId), role);
    }

    private static ProblemException notFound(String shopId) {
        return ProblemException.notFound("no shop '" + shopId + "'");
    }

    private static ProblemException conflict(String detail) {
        return new ProblemException(409, "conflict", "Conflict", detail);
    }
}
