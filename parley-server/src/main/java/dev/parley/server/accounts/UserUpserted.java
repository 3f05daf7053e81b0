package dev.parley.server.accounts;

/** The operator created or changed a user (and their roles). */
public record UserUpserted(String userId, boolean created) {}
