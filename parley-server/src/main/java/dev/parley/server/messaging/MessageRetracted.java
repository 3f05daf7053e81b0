package dev.parley.server.messaging;

import java.time.Instant;

/** A team member withdrew a held message before review. */
public record MessageRetracted(
        String messageId, String conversationId, String shopId, String retractedBy, Instant retractedAt) {}
