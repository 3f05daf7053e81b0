package dev.parley.server.messaging;

import java.util.Locale;

/** Who wrote a message. */
public enum Sender {
    BUYER,
    SELLER,
    SYSTEM,
    PLATFORM;

    /** The name used in the API: {@code buyer}, {@code seller}, {@code system}, {@code platform}. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
