package dev.parley.server.cases;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A shop broke a rule with a message: blocked by the checker, rejected by a reviewer, or confirmed from a buyer's report
 * or by a reviewer. Its points count until {@code expiresAt}.
 *
 * @param source {@code BLOCKED}, {@code REJECTED}, {@code BUYER_REPORT} or {@code REVIEWER}
 * @param activePoints the shop's active points with this violation
 */
public record ViolationRecorded(
        String violationId,
        String shopId,
        String messageId,
        String rule,
        String clause,
        @Nullable String kind,
        String source,
        int points,
        int activePoints,
        Instant occurredAt,
        Instant expiresAt) {}
