package dev.parley.server.messaging;

import java.time.Instant;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A search over all stored messages, for reviewers: every criterion is optional; results are ordered by send time
 * (newest first unless {@code oldestFirst}) and resume after {@code after}.
 *
 * @param rule a rule id that some violation of the message's verdict names
 * @param action the verdict's action ({@code ALLOW}, {@code WARN}, {@code HOLD}, {@code BLOCK})
 * @param from sent at or after this instant
 * @param to sent before this instant
 */
public record MessageQuery(
        @Nullable String shopId,
        @Nullable String conversationId,
        @Nullable String rule,
        @Nullable String action,
        @Nullable MessageStatus status,
        @Nullable Sender sender,
        @Nullable Instant from,
        @Nullable Instant to,
        boolean oldestFirst,
        @Nullable Position after,
        int limit) {
    private static final Pattern RULE = Pattern.compile("[a-z][a-z_]{0,63}");

    public MessageQuery {
        if (rule != null && !RULE.matcher(rule).matches()) {
            throw new IllegalArgumentException("not a rule id: " + rule);
        }
        if (action != null && !action.matches("ALLOW|WARN|HOLD|BLOCK")) {
            throw new IllegalArgumentException("not an action: " + action);
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
    }

    /** The place of a message in the order of a search: its send time and id. */
    public record Position(Instant sentAt, String id) {}
}
