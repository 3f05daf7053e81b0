package dev.parley.server.accounts.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Account settings ({@code parley.accounts.*}).
 *
 * @param sessionTtl how long a sign-in token lasts (12 hours by default)
 * @param tokenCacheTtl how long a node trusts a resolved token before looking it up again; a revocation made on
 *     another node takes effect within this time (30 seconds by default)
 * @param minPasswordLength the shortest new password a user may choose
 * @param socketTokenTtl how long a socket token lasts: the short-lived token a signed-in page uses to open the
 *     WebSocket, which opens nothing else (10 minutes by default; the page asks for a new one when it expires)
 * @param pseudonymKey the secret key of the pseudonyms given to erased users ({@code buyer-} and the first hex digits
 *     of HMAC-SHA256(key, user id)); empty by default: a random key is made once and kept in the database
 */
@ConfigurationProperties("parley.accounts")
public record AccountsSettings(
        @DefaultValue("12h") Duration sessionTtl,
        @DefaultValue("30s") Duration tokenCacheTtl,
        @DefaultValue("8") int minPasswordLength,
        @DefaultValue("10m") Duration socketTokenTtl,
        @DefaultValue("") String pseudonymKey) {}
