package dev.parley.server.catalog;

import dev.parley.server.catalog.internal.CatalogStore;
import java.util.List;
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

    /** The products of a shop by title, at most {@code limit}. */
    public List<Product> products(String shopId, int limit) {
        return store.products(shopId, limit);
    }

    /** The order with this id. */
    public Optional<Order> order(String orderId) {
        return store.order(orderId);
    }
}
