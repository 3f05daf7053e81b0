package dev.parley.server.accounts;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A user's account with their personal data unmasked: only for the user themselves (export), for audited staff reads,
 * and for the privacy module.
 *
 * @param erasedAt when the personal data was erased (null: never)
 */
public record PersonalData(
        String id,
        String username,
        String displayName,
        @Nullable String legalName,
        @Nullable String email,
        @Nullable String phone,
        Actor.Kind kind,
        Instant createdAt,
        @Nullable Instant erasedAt) {}
