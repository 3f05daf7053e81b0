package dev.parley.server.cases;

import java.time.Instant;

/** A buyer reported a seller message that reached them; a reviewer will decide. */
public record BuyerReportFiled(String reportId, String shopId, String messageId, String buyerId, Instant filedAt) {}
