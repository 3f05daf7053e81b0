package dev.parley.server.cases;

import java.time.Instant;
import java.util.List;

/**
 * A reviewer verified an abuse report (clause 4.3): the buyer messages it covers are left out of the shop's performance
 * evaluations from now on ({@code excludedMessageIds} are those newly excluded).
 */
public record AbuseReportVerified(
        String reportId,
        String shopId,
        String conversationId,
        String buyerId,
        List<String> messageIds,
        List<String> excludedMessageIds,
        String category,
        String verifiedBy,
        Instant verifiedAt) {

    public AbuseReportVerified {
        messageIds = List.copyOf(messageIds);
        excludedMessageIds = List.copyOf(excludedMessageIds);
    }
}
