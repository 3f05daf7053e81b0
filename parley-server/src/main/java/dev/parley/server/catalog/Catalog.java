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

    /** The shipping address of an order, if the marketplace gave one (personal data: audit every disclosure). */
    public Optional<ShippingAddress> shippingAddress(String orderId) {
        return store.shippingAddress(orderId);
    }

    /** The orders of a buyer, newest first, with their shipping addresses (for the buyer's own export). */
    public List<BuyerOrder> ordersOf(String buyerId) {
        return store.ordersOf(buyerId).stream()
                .map(o -> new BuyerOrder(o, store.shippingAddress(o.id()).orElse(null)))
                .toList();
    }

    /** An order of a buyer with its shipping address. */
    public record BuyerOrder(
            Order order, @org.jspecify.annotations.Nullable ShippingAddress shippingAddress) {}

    /** Removes the shipping addresses of every order of a buyer (erasure); the number of orders changed. */
    public int eraseShippingAddresses(String buyerId) {
        return store.eraseShippingAddresses(buyerId);
    }

    /** The order with this id. */
    public Optional<Order> order(String orderId) {
        return store.order(orderId);
    }
}
