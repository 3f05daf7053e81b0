package dev.parley.server.catalog;

/** The operator created or changed a product listing. */
public record ProductUpserted(String shopId, String productId, boolean created) {}
