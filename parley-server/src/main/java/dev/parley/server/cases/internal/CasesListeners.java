package dev.parley.server.cases.internal;

import dev.parley.core.policy.Rule;
import dev.parley.server.messaging.MessageBlocked;
import dev.parley.server.messaging.MessageHeld;
import dev.parley.server.messaging.MessageRejected;
import dev.parley.server.messaging.MessageReleased;
import dev.parley.server.messaging.MessageRetracted;
import dev.parley.server.messaging.VerdictView;
import dev.parley.server.performance.EvaluationCompleted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * What cases does when messages are blocked, held, released, rejected or retracted, and when an evaluation is stored:
 * after the commit that caused it, in a transaction of its own, recorded in the event publication registry.
 */
@Component
class CasesListeners {
    private static final Logger log = LoggerFactory.getLogger(CasesListeners.class);

    private final Enforcement enforcement;
    private final ReviewQueue queue;
    private final Contests contests;

    CasesListeners(Enforcement enforcement, ReviewQueue queue, Contests contests) {
        this.enforcement = enforcement;
        this.queue = queue;
        this.contests = contests;
    }

    /** Every blocked message records a violation of the first BLOCK finding of its verdict. */
    @ApplicationModuleListener
    void on(MessageBlocked e) {
        if (Rule.byId(e.rule()).isEmpty()) {
            log.warn(
                    "message {} was blocked for '{}', not a catalogue rule; no violation recorded",
                    e.messageId(),
                    e.rule());
            return;
        }
        if (contests.overturned(e.messageId())) {
            return;
        }
        VerdictView.ViolationView first = e.verdict().first("BLOCK");
        enforcement.record(new Enforcement.NewViolation(
                e.shopId(),
                e.messageId(),
                e.conversationId(),
                e.rule(),
                e.kind(),
                "BLOCKED",
                first == null ? null : first.evidence(),
                first == null ? null : first.start(),
                first == null ? null : first.end(),
                null,
                e.sentAt(),
                "checker"));
    }

    /** A message held by an enforcement action skipped the checker; the reviewer gets the checker's verdict now. */
    @ApplicationModuleListener
    void on(MessageHeld e) {
        if (!ReviewQueue.ENFORCEMENT.equals(e.verdict().policyVersion())) {
            return;
        }
        queue.recheckQuietly(e.messageId());
    }

    @ApplicationModuleListener
    void on(MessageReleased e) {
        queue.recordOutside(e.messageId(), DecisionStore.RELEASED, e.reviewerId(), e.releasedAt());
    }

    @ApplicationModuleListener
    void on(MessageRejected e) {
        queue.recordOutside(e.messageId(), DecisionStore.REJECTED, e.reviewerId(), e.rejectedAt());
    }

    @ApplicationModuleListener
    void on(MessageRetracted e) {
        queue.recordOutside(e.messageId(), DecisionStore.RETRACTED, e.retractedBy(), e.retractedAt());
    }

    /** An evaluation below the response-rate target starts an action; a revision that meets it lifts it. */
    @ApplicationModuleListener
    void on(EvaluationCompleted e) {
        enforcement.onEvaluation(e);
    }
}
