package dev.parley.server.performance;

import dev.parley.core.evaluation.Evaluation;
import java.time.Instant;

/**
 * One stored revision of a shop's evaluation at an instant.
 *
 * @param evaluation the figures, in the shop's zone of that period, with the explanation when asked for
 * @param revision 1 for the evaluation computed on schedule, then one more per change
 * @param latestRevision the newest revision at the same instant
 * @param cause {@code scheduled}, {@code report:<reportId>} or {@code released:<messageId>}
 * @param computedAt when this revision was computed
 */
public record ShopEvaluation(
        String shopId, Evaluation evaluation, int revision, int latestRevision, String cause, Instant computedAt) {}
