package dev.parley.server.messaging;

import org.jspecify.annotations.Nullable;

/** A conversation's status, assignee or arbitrator changed. */
public record ConversationChanged(
        String conversationId,
        String shopId,
        ConversationStatus status,
        @Nullable String assigneeId,
        @Nullable String arbitratorId,
        String changedBy) {}
