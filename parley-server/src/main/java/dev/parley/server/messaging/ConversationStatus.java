package dev.parley.server.messaging;

/** The state of a conversation; a buyer's message reopens a closed one. */
public enum ConversationStatus {
    OPEN,
    ESCALATED,
    CLOSED
}
