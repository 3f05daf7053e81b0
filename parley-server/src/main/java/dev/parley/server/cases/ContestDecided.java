package dev.parley.server.cases;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A reviewer decided a contest: when {@code overturned}, the message's violations and their points are withdrawn and the
 * message joins the checker's regression set with {@code expectedAction}.
 */
public record ContestDecided(
        String contestId,
        String shopId,
        String messageId,
        boolean overturned,
        @Nullable String expectedAction,
        String decidedBy,
        Instant decidedAt) {}
