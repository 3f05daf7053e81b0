package dev.parley.server.accounts;

import java.util.Locale;
import java.util.Optional;

/** A team member's role in a shop; each role may do all that the roles below it may. */
public enum ShopRole {
    AGENT,
    ADMIN,
    OWNER;

    /** Whether this role may do what {@code other} may. */
    public boolean atLeast(ShopRole other) {
        return ordinal() >= other.ordinal();
    }

    /** The name used in the API: {@code owner}, {@code admin}, {@code agent}. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role with this API name. */
    public static Optional<ShopRole> parse(String name) {
        for (ShopRole role : values()) {
            if (role.apiName().equalsIgnoreCase(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
