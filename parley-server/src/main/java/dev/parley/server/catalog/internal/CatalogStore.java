package dev.parley.server.catalog.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.parley.server.catalog.Order;
import dev.parley.server.catalog.Product;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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
                                rs.getBigDecimal(5) == null
                                        ? null
                                        : rs.getBigDecimal(5).stripTrailingZeros(),
                                rs.getString(6),
                                (Integer) rs.getObject(7, Integer.class),
                                (Boolean) rs.getObject(8, Boolean.class),
                                (Integer) rs.getObject(9, Integer.class)))
                        .optional());
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
