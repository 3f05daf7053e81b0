package dev.parley.server.accounts;

/** A seller admin revoked one of the shop's API tokens; it no longer reaches the shop (clause 3.7). */
public record ApiTokenRevoked(String shopId, String tokenId, String revokedBy) {}
