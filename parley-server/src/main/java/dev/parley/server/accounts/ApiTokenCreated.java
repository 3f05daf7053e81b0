package dev.parley.server.accounts;

import org.jspecify.annotations.Nullable;

/** A seller admin created an API token for the shop's own tools. */
public record ApiTokenCreated(
        String shopId, String tokenId, @Nullable String actingUserId, String createdBy) {}
