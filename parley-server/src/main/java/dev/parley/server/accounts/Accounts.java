package dev.parley.server.accounts;

import dev.parley.server.accounts.internal.AccountStore;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What other modules may ask of accounts: shops and users by id (cached), and the shop's messaging restriction. */
@Service
public class Accounts {
    private final AccountStore store;
    private final ApplicationEventPublisher events;

    Accounts(AccountStore store, ApplicationEventPublisher events) {
        this.store = store;
        this.events = events;
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

    /** Sets what an enforcement action does to the shop's messaging (for the cases module). */
    @Transactional
    public void restrictMessaging(String shopId, MessagingRestriction restriction) {
        store.setRestriction(shopId, restriction);
        events.publishEvent(new MessagingRestrictionChanged(shopId, restriction));
    }
}
