package dev.parley.server.catalog.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.parley.server.catalog.Order;
import dev.parley.server.catalog.Product;
import dev.parley.server.catalog.ShippingAddress;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Products and orders in the database; products are cached (evicted on change, and after 30 s for other nodes). */
@Component
public class CatalogStore {
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Cache<String, Optional<Product>> products = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterWrite(Duration.ofSeconds(30))
            .build();

    CatalogStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<Product> product(String id) {
        return products.get(
                id,
                key -> jdbc.sql("SELECT id, shop_id, title, language, price, currency, return_days,"
                                + " free_returns, warranty_months FROM product WHERE id = ?")
                        .param(key)
                        .query((rs, n) -> new Product(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                plain(rs.getBigDecimal(5)),
                                rs.getString(6),
                                (Integer) rs.getObject(7, Integer.class),
                                (Boolean) rs.getObject(8, Boolean.class),
                                (Integer) rs.getObject(9, Integer.class)))
                        .optional());
    }

    /** The amount without trailing zeros and never in exponent form (890, not 8.9E+2). */
    private static @Nullable BigDecimal plain(@Nullable BigDecimal amount) {
        if (amount == null) {
            return null;
        }
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** The products of a shop by title, at most {@code limit}. */
    public List<Product> products(String shopId, int limit) {
        return jdbc
                .sql("SELECT id FROM product WHERE shop_id = ? ORDER BY title, id LIMIT ?")
                .params(shopId, limit)
                .query(String.class)
                .list()
                .stream()
                .flatMap(id -> product(id).stream())
                .toList();
    }

    public Optional<Order> order(String id) {
        List<Order.Line> lines = jdbc.sql(
                        "SELECT product_id, quantity FROM order_line WHERE order_id = ? ORDER BY line_no")
                .param(id)
                .query((rs, n) -> new Order.Line(rs.getString(1), rs.getInt(2)))
                .list();
        return jdbc.sql("SELECT id, shop_id, buyer_id, status, placed_at FROM customer_order WHERE id = ?")
                .param(id)
                .query((rs, n) -> new Order(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant(),
                        lines))
                .optional();
    }

    /** The shipping address of an order, if it has one. */
    public Optional<ShippingAddress> shippingAddress(String orderId) {
        return jdbc.sql(
                        "SELECT ship_name, ship_line1, ship_line2, ship_city, ship_postal_code, ship_country, ship_phone"
                                + " FROM customer_order WHERE id = ? AND ship_line1 IS NOT NULL")
                .param(orderId)
                .query((rs, n) -> new ShippingAddress(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7)))
                .optional();
    }

    /** Sets (or with null clears) the shipping address of an order. */
    public void setShippingAddress(String orderId, @Nullable ShippingAddress a) {
        jdbc.sql("UPDATE customer_order SET ship_name = ?, ship_line1 = ?, ship_line2 = ?, ship_city = ?,"
                        + " ship_postal_code = ?, ship_country = ?, ship_phone = ? WHERE id = ?")
                .params(
                        a == null ? null : a.name(),
                        a == null ? null : a.line1(),
                        a == null ? null : a.line2(),
                        a == null ? null : a.city(),
                        a == null ? null : a.postalCode(),
                        a == null ? null : a.country(),
                        a == null ? null : a.phone(),
                        orderId)
                .update();
    }

    /** The orders of a buyer, newest first. */
    public List<Order> ordersOf(String buyerId) {
        return jdbc
                .sql("SELECT id FROM customer_order WHERE buyer_id = ? ORDER BY placed_at DESC, id")
                .param(buyerId)
                .query(String.class)
                .list()
                .stream()
                .flatMap(id -> order(id).stream())
                .toList();
    }

    /** Clears the shipping addresses of a buyer's orders. */
    public int eraseShippingAddresses(String buyerId) {
        return jdbc.sql("UPDATE customer_order SET ship_name = NULL, ship_line1 = NULL, ship_line2 = NULL,"
                        + " ship_city = NULL, ship_postal_code = NULL, ship_country = NULL, ship_phone = NULL,"
                        + " updated_at = ? WHERE buyer_id = ? AND (ship_line1 IS NOT NULL OR ship_name IS NOT NULL)")
                .params(Timestamp.from(Instant.now(clock)), buyerId)
                .update();
    }

    /** Creates or updates a product; true when created. */
    public boolean upsertProduct(Product p) {
        Timestamp now = Timestamp.from(Instant.now(clock));
        int updated = jdbc.sql("UPDATE product SET shop_id = ?, title = ?, language = ?, price = ?, currency = ?,"
                        + " return_days = ?, free_returns = ?, warranty_months = ?, updated_at = ? WHERE id = ?")
                .params(
                        p.shopId(),
                        p.title(),
                        p.language(),
                        p.price(),
                        p.currency(),
                        p.returnDays(),
                        p.freeReturns(),
                        p.warrantyMonths(),
                        now,
                        p.id())
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO product (id, shop_id, title, language, price, currency, return_days, free_returns,"
                            + " warranty_months, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            p.id(),
                            p.shopId(),
                            p.title(),
                            p.language(),
                            p.price(),
                            p.currency(),
                            p.returnDays(),
                            p.freeReturns(),
                            p.warrantyMonths(),
                            now)
                    .update();
        }
        products.invalidate(p.id());
        return updated == 0;
    }

    /** Creates or updates an order and replaces its lines; true when created. */
    public boolean upsertOrder(Order o) {
        Timestamp now = Timestamp.from(Instant.now(clock));
        int updated = jdbc.sql("UPDATE customer_order SET shop_id = ?, buyer_id = ?, status = ?, placed_at = ?,"
                        + " updated_at = ? WHERE id = ?")
                .params(o.shopId(), o.buyerId(), o.status(), Timestamp.from(o.placedAt()), now, o.id())
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO customer_order (id, shop_id, buyer_id, status, placed_at, updated_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?)")
                    .params(o.id(), o.shopId(), o.buyerId(), o.status(), Timestamp.from(o.placedAt()), now)
                    .update();
        }
        jdbc.sql("DELETE FROM order_line WHERE order_id = ?").param(o.id()).update();
        int lineNo = 0;
        for (Order.Line line : o.lines()) {
            jdbc.sql("INSERT INTO order_line (order_id, line_no, shop_id, product_id, quantity) VALUES (?, ?, ?, ?, ?)")
                    .params(o.id(), ++lineNo, o.shopId(), line.productId(), line.quantity())
                    .update();
        }
        return updated == 0;
    }
}
