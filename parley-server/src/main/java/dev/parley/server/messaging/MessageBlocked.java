package dev.parley.server.messaging;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A seller message was refused ({@code BLOCK}) and kept for audit and appeals; it is never shown to the buyer. */
public record MessageBlocked(
        String messageId,
        String conversationId,
        String shopId,
        @Nullable String senderId,
        String rule,
        @Nullable String kind,
        String clause,
        VerdictView verdict,
        Instant sentAt) {}
