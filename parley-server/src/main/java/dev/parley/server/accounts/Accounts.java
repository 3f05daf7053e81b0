package dev.parley.server.accounts;

import dev.parley.server.accounts.internal.AccountStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What other modules may ask of accounts: shops and users by id (cached), and the shop's messaging restriction. */
@Service
public class Accounts {
    private final AccountStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Accounts(AccountStore store, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.events = events;
        this.clock = clock;
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
