package dev.parley.server.accounts;

import org.jspecify.annotations.Nullable;

/**
 * A shop's team changed: a member was added, given another role, or removed.
 *
 * @param role the member's role now, null when removed
 * @param previousRole the role before, null when added
 * @param by the user who made the change
 */
public record TeamMemberChanged(
        String shopId,
        String userId,
        @Nullable ShopRole role,
        @Nullable ShopRole previousRole,
        String by) {}
