package dev.parley.server.performance;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An evaluation of a shop's response figures was stored (section three of the rules): the first one for an instant
 * ({@code revision} 1) or a new revision after a verified report or a released held reply.
 *
 * @param status {@code EVALUATED} or {@code NOT_EVALUATED}
 * @param responseRate the rate in [0, 1], null when not evaluated
 */
public record EvaluationCompleted(
        String shopId,
        Instant evaluatedAt,
        int revision,
        String status,
        int assessed,
        int responded,
        @Nullable Double responseRate,
        String policyVersion) {}
