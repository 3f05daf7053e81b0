package dev.parley.server.cases;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A reviewer confirmed a buyer's report with a violation ({@code violationId}), or dismissed it. */
public record BuyerReportDecided(
        String reportId,
        String shopId,
        String messageId,
        boolean confirmed,
        @Nullable String violationId,
        String decidedBy,
        Instant decidedAt) {}
