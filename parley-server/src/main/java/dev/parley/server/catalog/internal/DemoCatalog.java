package dev.parley.server.catalog.internal;

import dev.parley.server.catalog.Order;
import dev.parley.server.catalog.Product;
import dev.parley.server.shared.DatabaseEnvironment;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** The demo products and order of the API guide, added once (after the demo accounts). */
@Component
@org.springframework.core.annotation.Order(20)
class DemoCatalog implements ApplicationRunner {
    private final DatabaseEnvironment environment;
    private final CatalogStore store;
    private final TransactionTemplate tx;

    DemoCatalog(DatabaseEnvironment environment, CatalogStore store, TransactionTemplate tx) {
        this.environment = environment;
        this.store = store;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!environment.loadDemo()) {
            return;
        }
        tx.executeWithoutResult(status -> {
            add(new Product(
                    "demo-hoodie", "demo-shop", "Demo hoodie", "en", new BigDecimal("29.90"), "SGD", 30, true, 0));
            add(new Product(
                    "demo-kettle", "demo-shop", "Demo kettle", "en", new BigDecimal("59.00"), "SGD", 15, false, 12));
            add(new Product(
                    "other-teapot", "other-shop", "茶壺 Teapot", "zh-Hant", new BigDecimal("890"), "TWD", 7, true, 6));
            if (store.order("demo-order-1").isEmpty()) {
                store.upsertOrder(new Order(
                        "demo-order-1",
                        "demo-shop",
                        "buyer1",
                        "DELIVERED",
                        Instant.parse("2026-11-01T04:00:00Z"),
                        List.of(new Order.Line("demo-kettle", 1))));
            }
        });
    }

    private void add(Product product) {
        if (store.product(product.id()).isEmpty()) {
            store.upsertProduct(product);
        }
    }
}
