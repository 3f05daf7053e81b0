package dev.parley.server.cases.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Request bodies of the cases API; every member is checked by the service, which names what is wrong. */
final class Bodies {
    private Bodies() {}

    /** An optional note to a decision. */
    record Note(@Nullable String note) {}

    /** The reason for a refusal, which the other side is told. */
    record Reason(@Nullable String reason) {}

    /** A rejection of a held message: the reason the seller is told, and the rule it breaks (by default the held one). */
    record Rejection(
            @Nullable String reason,
            @Nullable String rule,
            @Nullable String kind) {}

    /** An appeal of an enforcement action. */
    record Appeal(@Nullable String statement) {}

    /** A contest of the verdict on a message. */
    record Contest(@Nullable String messageId, @Nullable String statement) {}

    /** A decision that overturns a verdict: what the message should have got ({@code ALLOW} or {@code WARN}). */
    record Overturn(
            @Nullable String expectedAction, @Nullable String note) {}

    /** An abuse report of buyer messages in one conversation. */
    record AbuseReport(
            @Nullable String conversationId,
            @Nullable List<String> messageIds,
            @Nullable String category,
            @Nullable String note) {}

    /** A buyer's report of a seller message. */
    record BuyerReport(
            @Nullable String messageId,
            @Nullable String reason,
            @Nullable String rule) {}

    /** A violation a reviewer records (from a buyer's report, or of a message they found). */
    record Violation(
            @Nullable String messageId,
            @Nullable String rule,
            @Nullable String kind,
            @Nullable String note) {}

    /** An enforcement action a reviewer starts. */
    record Action(
            @Nullable String shopId,
            @Nullable String kind,
            @Nullable Integer days,
            @Nullable String reason) {}
}
