package dev.parley.server.cases;

import java.time.Instant;

/**
 * An enforcement action stopped: it ran its time ({@code lifted} false), or an appeal or a withdrawn cause lifted it
 * early.
 */
public record EnforcementActionEnded(
        String actionId, String shopId, EnforcementKind kind, boolean lifted, String reason, Instant endedAt) {}
