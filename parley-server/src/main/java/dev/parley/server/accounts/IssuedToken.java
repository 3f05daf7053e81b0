package dev.parley.server.accounts;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A token just issued: its public id, the secret itself (shown once, only its hash is kept), and when it expires.
 *
 * @param expiresAt null for an API token without expiry
 */
public record IssuedToken(String id, String token, @Nullable Instant expiresAt) {}
