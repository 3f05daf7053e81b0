package dev.parley.server.moderation.internal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One activated policy as stored: its order, version, origin, text (YAML) and who activated it when. */
record PolicyRecord(
        long seq,
        String version,
        String source,
        String text,
        String sha256,
        @Nullable String activatedBy,
        Instant activatedAt) {}
