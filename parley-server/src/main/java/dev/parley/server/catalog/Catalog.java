package dev.parley.server.catalog;

import dev.parley.server.catalog.internal.CatalogStore;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** What other modules may ask of the catalog: products (cached) and orders by id. */
@Service
public class Catalog {
    private final CatalogStore store;

    Catalog(CatalogStore store) {
        this.store = store;
    }

    /** The product with this id. */
    public Optional<Product> product(String productId) {
        return store.product(productId);
    }

    /** The order with this id. */
    public Optional<Order> order(String orderId) {
        return store.order(orderId);
    }
}
