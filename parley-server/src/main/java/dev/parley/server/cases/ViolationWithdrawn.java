package dev.parley.server.cases;

import java.time.Instant;

/** A violation no longer counts: a reviewer overturned the verdict it came from. */
public record ViolationWithdrawn(
        String violationId, String shopId, String messageId, String rule, String reason, Instant withdrawnAt) {}
