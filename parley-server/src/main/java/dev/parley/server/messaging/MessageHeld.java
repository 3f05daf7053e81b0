package dev.parley.server.messaging;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A seller message was stored but not delivered, waiting for a platform reviewer: the checker said {@code HOLD}, or an
 * enforcement action holds all the shop's messages ({@code enforcement_hold}).
 *
 * @param rules the rule ids whose action was HOLD, in verdict order
 */
public record MessageHeld(
        String messageId,
        String conversationId,
        String shopId,
        @Nullable String senderId,
        List<String> rules,
        VerdictView verdict,
        Instant sentAt) {}
