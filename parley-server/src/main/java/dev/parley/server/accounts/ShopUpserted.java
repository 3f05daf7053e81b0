package dev.parley.server.accounts;

/** The operator created or changed a shop. */
public record ShopUpserted(String shopId, boolean created) {}
