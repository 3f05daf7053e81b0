package dev.parley.server.cases;

import java.time.Instant;

/** A reviewer rejected an abuse report: the messages keep counting; the shop is told why. */
public record AbuseReportRejected(
        String reportId, String shopId, String reason, String rejectedBy, Instant rejectedAt) {}
