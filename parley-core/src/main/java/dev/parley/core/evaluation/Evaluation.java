package dev.parley.core.evaluation;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A shop's response figures for the period {@code (periodStart, evaluatedAt]} (evaluation.md, definitions 7 to 10),
 * with the message-by-message explanation when it was asked for.
 *
 * <p>With {@link Status#NOT_EVALUATED} the counts are reported and the rate and times are null; with
 * {@link Status#EVALUATED} the rate is set and the times are null only when no message was responded. Times are in
 * seconds, whole milliseconds; the mean is unrounded.
 *
 * @param evaluatedAt the evaluation instant {@code E}, in the shop's zone
 * @param periodStart the previous evaluation instant, in the shop's zone
 * @param policyVersion the version of the settings the figures were computed with
 * @param status whether the period had enough assessed messages
 * @param reason why it was not evaluated, or null
 * @param assessed {@code N}, the eligible buyer messages assessed at {@code E}
 * @param responded {@code R}, those of them that were responded
 * @param responseRate {@code R / N}
 * @param meanResponseSeconds the mean response time
 * @param medianResponseSeconds the nearest-rank 50th percentile
 * @param p90ResponseSeconds the nearest-rank 90th percentile
 * @param messages the assessed messages, by time then id (empty unless explained)
 * @param skipped the buyer messages sent in the period and left out, by time then id (empty unless explained)
 */
public record Evaluation(
        ZonedDateTime evaluatedAt,
        ZonedDateTime periodStart,
        String policyVersion,
        Status status,
        @Nullable Reason reason,
        int assessed,
        int responded,
        @Nullable Double responseRate,
        @Nullable Double meanResponseSeconds,
        @Nullable Double medianResponseSeconds,
        @Nullable Double p90ResponseSeconds,
        List<MessageExplanation> messages,
        List<Skipped> skipped) {

    /** Keeps unmodifiable copies of the lists. */
    public Evaluation {
        Objects.requireNonNull(evaluatedAt, "evaluatedAt");
        Objects.requireNonNull(periodStart, "periodStart");
        Objects.requireNonNull(status, "status");
        messages = List.copyOf(messages);
        skipped = List.copyOf(skipped);
    }

    /** Whether the period had enough assessed messages to be evaluated. */
    public enum Status {
        EVALUATED,
        NOT_EVALUATED
    }

    /** Why a period was not evaluated. */
    public enum Reason {
        /** Fewer assessed messages than the minimum (definition 8). */
        TOO_FEW_MESSAGES("too_few_messages");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        /** The reason as the output writes it. */
        public String code() {
            return code;
        }
    }

    /**
     * One assessed buyer message: its reply, response time and whether it was responded. The reply fields are null
     * unless it was responded, even when a late reply exists.
     *
     * @param id the buyer message's id
     * @param conversation its conversation
     * @param at when it was sent
     * @param replyId the reply's id
     * @param replyAt when the reply was sent
     * @param responseSeconds {@code replyAt - at} in seconds
     * @param responded whether a qualifying reply came within the window
     */
    public record MessageExplanation(
            String id,
            String conversation,
            Instant at,
            @Nullable String replyId,
            @Nullable Instant replyAt,
            @Nullable Double responseSeconds,
            boolean responded) {}

    /**
     * A buyer message sent in the period and left out of the figures.
     *
     * @param id the buyer message's id
     * @param conversation its conversation
     * @param at when it was sent
     * @param reason why it was left out
     */
    public record Skipped(String id, String conversation, Instant at, SkipReason reason) {}

    /** Why a buyer message was left out: a verified report covers it, else it was sent outside the counted hours. */
    public enum SkipReason {
        EXCLUDED("excluded"),
        OUTSIDE_HOURS("outside_hours");

        private final String code;

        SkipReason(String code) {
            this.code = code;
        }

        /** The reason as the output writes it. */
        public String code() {
            return code;
        }
    }
}
