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
 */
@ConfigurationProperties("parley.accounts")
public record AccountsSettings(
        @DefaultValue("12h") Duration sessionTtl,
        @DefaultValue("30s") Duration tokenCacheTtl,
        @DefaultValue("8") int minPasswordLength) {}
