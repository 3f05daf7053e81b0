package dev.parley.core.policy;

/** A file sent with a message: its name as given (never trusted for the type) and its bytes. */
public record Attachment(String name, byte[] bytes) {}
