package dev.parley.server.cases;

import java.time.Instant;
import java.util.List;

/** A shop's team reported buyer messages of one conversation as abusive (clause 4.3); a reviewer will decide. */
public record AbuseReportFiled(
        String reportId,
        String shopId,
        String conversationId,
        String buyerId,
        List<String> messageIds,
        String category,
        String reportedBy,
        Instant reportedAt) {

    public AbuseReportFiled {
        messageIds = List.copyOf(messageIds);
    }
}
