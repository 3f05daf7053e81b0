package dev.parley.server.cases;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An enforcement action began on a shop (clause 四.2).
 *
 * @param cause {@code POINTS} (a threshold of active points), {@code RESPONSE_RATE} (an evaluation below the target) or
 *     {@code REVIEWER}
 * @param endsAt when it ends on its own; null for a warning
 */
public record EnforcementActionStarted(
        String actionId,
        String shopId,
        EnforcementKind kind,
        String cause,
        String reason,
        Instant startsAt,
        @Nullable Instant endsAt) {}
