package dev.parley.server.messaging;

/** Where a message stands: only {@code DELIVERED} messages are ever shown to the buyer. */
public enum MessageStatus {
    DELIVERED,
    HELD,
    BLOCKED,
    REJECTED,
    RETRACTED
}
