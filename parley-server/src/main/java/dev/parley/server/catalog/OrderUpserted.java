package dev.parley.server.catalog;

/** The operator created or changed an order. */
public record OrderUpserted(String shopId, String orderId, String buyerId, boolean created) {}
