package dev.parley.server.accounts.internal;

import dev.parley.server.accounts.Actor;
import dev.parley.server.accounts.PlatformRole;
import dev.parley.server.accounts.ShopRole;
import dev.parley.server.shared.DatabaseEnvironment;
import java.time.ZoneId;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** The demo shops and users of the API guide (every password {@code demo}), added once: a restart adds nothing. */
@Component
@Order(10)
class DemoAccounts implements ApplicationRunner {
    private final DatabaseEnvironment environment;
    private final AccountStore store;
    private final PasswordEncoder encoder;
    private final TransactionTemplate tx;

    DemoAccounts(DatabaseEnvironment environment, AccountStore store, PasswordEncoder encoder, TransactionTemplate tx) {
        this.environment = environment;
        this.store = store;
        this.encoder = encoder;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!environment.loadDemo()) {
            return;
        }
        tx.executeWithoutResult(status -> {
            if (store.shop("demo-shop").isEmpty()) {
                store.upsertShop("demo-shop", "Demo Outfitters", ZoneId.of("Asia/Singapore"), "SG", "en");
            }
            if (store.shop("other-shop").isEmpty()) {
                store.upsertShop("other-shop", "茶房 Teahouse", ZoneId.of("Asia/Taipei"), "TW", "zh-Hant");
            }
            String hash = null;
            for (String[] user : new String[][] {
                {"buyer1", "Buyer One", "buyer1@example.com", "+65 8123 4567"},
                {"buyer2", "Buyer Two", "buyer2@example.com", "+886 912 345 678"},
                {"owner1"},
                {"admin1"},
                {"agent1"},
                {"admin2"},
                {"agent2"},
                {"reviewer1"},
                {"arbitrator1"},
                {"operator1"}
            }) {
                if (store.userExists(user[0])) {
                    continue;
                }
                if (hash == null) {
                    hash = encoder.encode("demo");
                }
                add(user, hash);
            }
        });
    }

    private void add(String[] user, String hash) {
        String id = user[0];
        Map<String, ShopRole> roles = switch (id) {
            case "owner1" -> Map.of("demo-shop", ShopRole.OWNER);
            case "admin1" -> Map.of("demo-shop", ShopRole.ADMIN);
            case "agent1" -> Map.of("demo-shop", ShopRole.AGENT);
            case "admin2" -> Map.of("other-shop", ShopRole.ADMIN);
            case "agent2" -> Map.of("other-shop", ShopRole.AGENT);
            default -> Map.of();
        };
        @Nullable
        PlatformRole platformRole = switch (id) {
            case "reviewer1" -> PlatformRole.REVIEWER;
            case "arbitrator1" -> PlatformRole.ARBITRATOR;
            case "operator1" -> PlatformRole.OPERATOR;
            default -> null;
        };
        Actor.Kind kind =
                platformRole != null ? Actor.Kind.STAFF : roles.isEmpty() ? Actor.Kind.BUYER : Actor.Kind.SELLER;
        String displayName = id;
        store.upsertUser(
                new AccountStore.UserRow(
                        id,
                        id,
                        displayName,
                        user.length > 1 ? user[1] : null,
                        user.length > 2 ? user[2] : null,
                        user.length > 3 ? user[3] : null,
                        kind,
                        platformRole),
                hash,
                roles);
    }
}
