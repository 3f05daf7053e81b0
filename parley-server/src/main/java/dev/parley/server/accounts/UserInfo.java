package dev.parley.server.accounts;

import org.jspecify.annotations.Nullable;

/** A user as other modules may show them: the display handle only, never legal name or contact data. */
public record UserInfo(
        String id,
        String displayName,
        Actor.Kind kind,
        @Nullable PlatformRole platformRole) {}
