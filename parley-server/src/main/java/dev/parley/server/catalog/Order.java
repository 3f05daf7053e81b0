package dev.parley.server.catalog;

import java.time.Instant;
import java.util.List;

/** An order of a buyer at a shop. */
public record Order(String id, String shopId, String buyerId, String status, Instant placedAt, List<Line> lines) {

    public Order {
        lines = List.copyOf(lines);
    }

    /** One product of an order and how many. */
    public record Line(String productId, int quantity) {}
}
