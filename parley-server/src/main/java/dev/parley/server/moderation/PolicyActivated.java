package dev.parley.server.moderation;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An operator activated a message policy: from now on every node judges seller messages with it.
 *
 * @param seq the activation's number (the active policy has the highest)
 * @param version the policy version stamped on the verdicts it gives
 * @param source where the text came from: {@code file:<path>}, {@code built-in} or {@code api}
 * @param activatedBy the operator, null when a node seeded the first policy at start
 */
public record PolicyActivated(
        long seq, String version, String source, @Nullable String activatedBy, Instant activatedAt) {}
