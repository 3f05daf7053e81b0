package dev.parley.server.cases.internal;

import dev.parley.core.policy.Rule;
import dev.parley.server.cases.EnforcementKind;
import dev.parley.server.messaging.MessageRecord;
import dev.parley.server.messaging.MessageStatus;
import dev.parley.server.messaging.VerdictView;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** The JSON shapes of the cases API (camelCase, as in api.md). */
final class CaseViews {
    private CaseViews() {}

    /** A message as reviewers (and, for its own shop, the team) see it. */
    record MessageView(
            String id,
            String shopId,
            String conversationId,
            String sender,
            @Nullable String senderId,
            boolean automatic,
            String text,
            List<MessageRecord.Attachment> attachments,
            MessageRecord.@Nullable Card card,
            String status,
            @Nullable VerdictView verdict,
            Instant sentAt,
            @Nullable Instant deliveredAt,
            @Nullable Review review,
            @Nullable String excludedBy,
            @Nullable Instant excludedAt) {

        static MessageView of(MessageRecord m, boolean staff) {
            Review review = m.reviewedAt() == null
                    ? null
                    : new Review(
                            m.status() == MessageStatus.REJECTED ? "REJECTED" : "RELEASED",
                            m.reviewNote(),
                            staff ? m.reviewedBy() : null,
                            m.reviewedAt());
            return new MessageView(
                    m.id(),
                    m.shopId(),
                    m.conversationId(),
                    m.sender().apiName(),
                    m.senderId(),
                    m.automatic(),
                    m.text(),
                    m.attachments(),
                    m.card(),
                    m.status().name(),
                    m.verdict(),
                    m.sentAt(),
                    m.deliveredAt(),
                    review,
                    m.excludedBy(),
                    m.excludedAt());
        }
    }

    /** A reviewer's decision on a held message. */
    record Review(
            String decision,
            @Nullable String reason,
            @Nullable String reviewerId,
            Instant reviewedAt) {}

    /**
     * A held message in the review queue: why it is held, by whom ({@code checker} or {@code enforcement}), how long it
     * has waited, and for an enforcement hold what the checker says of it.
     */
    record HeldItem(
            MessageView message,
            List<String> rules,
            String heldBy,
            Instant waitingSince,
            long waitingSeconds,
            @Nullable VerdictView checkerVerdict) {}

    /**
     * One verdict or decision a message received, oldest first: the verdict when sent ({@code checker} or {@code
     * enforcement}), a new check, a reviewer's release, rejection or violation, a contest's outcome.
     */
    record VerdictEntry(
            String source,
            String decision,
            @Nullable String action,
            @Nullable VerdictView verdict,
            @Nullable String reason,
            @Nullable String by,
            Instant at) {}

    /** Every verdict and decision a message received. */
    record VerdictHistory(
            String messageId, String shopId, String conversationId, String status, List<VerdictEntry> items) {}

    /** An abuse report; {@code evidence} only when one report is asked for. */
    record ReportView(
            String id,
            String shopId,
            String conversationId,
            String buyerId,
            String category,
            @Nullable String note,
            List<String> messageIds,
            String status,
            String reportedBy,
            Instant reportedAt,
            @Nullable Instant decidedAt,
            @Nullable String decidedBy,
            @Nullable String decisionNote,
            String evidenceSha256,
            @Nullable Long waitingSeconds,
            @Nullable JsonNode evidence) {}

    /** A violation, with the statement of its rule's clause. */
    record ViolationView(
            String id,
            String shopId,
            String messageId,
            String conversationId,
            String rule,
            String clause,
            @Nullable String kind,
            String statement,
            String source,
            @Nullable String evidence,
            @Nullable Integer start,
            @Nullable Integer end,
            @Nullable String note,
            int points,
            String status,
            Instant occurredAt,
            Instant recordedAt,
            Instant expiresAt,
            @Nullable Instant withdrawnAt,
            @Nullable String withdrawnReason) {

        static ViolationView of(StandingStore.ViolationRow v, Instant now) {
            String status = v.withdrawnAt() != null ? "WITHDRAWN" : now.isBefore(v.expiresAt()) ? "ACTIVE" : "EXPIRED";
            return new ViolationView(
                    v.id(),
                    v.shopId(),
                    v.messageId(),
                    v.conversationId(),
                    v.rule(),
                    v.clause(),
                    v.kind(),
                    Rule.byId(v.rule()).map(Rule::statement).orElse(""),
                    v.source(),
                    v.evidence(),
                    v.evidenceStart(),
                    v.evidenceEnd(),
                    v.note(),
                    v.points(),
                    status,
                    v.occurredAt(),
                    v.recordedAt(),
                    v.expiresAt(),
                    v.withdrawnAt(),
                    v.withdrawnReason());
        }
    }

    /**
     * An enforcement action: {@code status} is {@code ACTIVE}, {@code ENDED}, {@code LIFTED}, or {@code ISSUED} for a
     * warning; {@code appealable} while it restricts messaging and was not appealed.
     */
    record ActionView(
            String id,
            String shopId,
            EnforcementKind kind,
            String status,
            String cause,
            String reason,
            @Nullable Integer points,
            @Nullable Integer threshold,
            @Nullable Instant evaluatedAt,
            @Nullable Double responseRate,
            Instant startsAt,
            @Nullable Instant endsAt,
            @Nullable Instant liftedAt,
            @Nullable String liftedReason,
            boolean appealable,
            @Nullable AppealView appeal,
            List<String> violationIds) {}

    /** An appeal of an enforcement action. */
    record AppealView(
            String id,
            String actionId,
            String shopId,
            String statement,
            String filedBy,
            Instant filedAt,
            String status,
            @Nullable Instant decidedAt,
            @Nullable String decidedBy,
            @Nullable String decisionNote,
            @Nullable Long waitingSeconds) {}

    /** A contest of a verdict. */
    record ContestView(
            String id,
            String shopId,
            String messageId,
            String conversationId,
            String statement,
            String filedBy,
            Instant filedAt,
            String status,
            @Nullable String expectedAction,
            @Nullable Instant decidedAt,
            @Nullable String decidedBy,
            @Nullable String decisionNote,
            @Nullable Long waitingSeconds,
            @Nullable MessageView message) {}

    /** A buyer's report of a seller message. */
    record BuyerReportView(
            String id,
            String shopId,
            String conversationId,
            String messageId,
            String buyerId,
            String reason,
            @Nullable String rule,
            String status,
            Instant filedAt,
            @Nullable Instant decidedAt,
            @Nullable String decisionNote,
            @Nullable String violationId,
            @Nullable Long waitingSeconds,
            @Nullable MessageView message) {}

    /** How long one queue waits: items waiting, and since when the oldest. */
    record QueueWait(String queue, long waiting, @Nullable Instant oldestSince, long oldestWaitingSeconds) {}

    /** The waiting times of every review queue. */
    record QueueWaits(Instant at, List<QueueWait> queues) {}

    /** A threshold of active points and the action it starts. */
    record ThresholdView(
            int points, EnforcementKind action, @Nullable Long durationHours) {}

    /** Where a shop stands: its active points, the restriction now, the thresholds, and the actions running. */
    record Standing(
            String shopId,
            int activePoints,
            String restriction,
            @Nullable Instant restrictedUntil,
            long pointsExpireAfterDays,
            List<ThresholdView> thresholds,
            @Nullable ThresholdView nextThreshold,
            double responseRateTarget,
            List<ActionView> runningActions) {}

    /** Seconds from {@code since} to {@code now}, never negative. */
    static long seconds(Instant since, Instant now) {
        return Math.max(0, Duration.between(since, now).getSeconds());
    }
}
