package dev.parley.server.accounts;

import java.util.Locale;
import java.util.Optional;

/** A role of the platform's own staff. */
public enum PlatformRole {
    REVIEWER,
    ARBITRATOR,
    OPERATOR;

    /** The name used in the API: {@code reviewer}, {@code arbitrator}, {@code operator}. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role with this API name. */
    public static Optional<PlatformRole> parse(String name) {
        for (PlatformRole role : values()) {
            if (role.apiName().equalsIgnoreCase(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
