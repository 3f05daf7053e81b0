package dev.parley.server.messaging;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A verdict as stored on a seller message and shown in the API: the action, the violations in verdict order, and the
 * policy version.
 */
public record VerdictView(String action, List<ViolationView> violations, String policyVersion) {

    public VerdictView {
        violations = List.copyOf(violations);
    }

    /** The first violation whose action is {@code action}, if any. */
    public @Nullable ViolationView first(String action) {
        return violations.stream()
                .filter(v -> v.action().equals(action))
                .findFirst()
                .orElse(null);
    }

    /** One finding: rule id, clause, kind, the rule's action, and where it is in the text (null when not located). */
    public record ViolationView(
            String rule,
            String clause,
            @Nullable String kind,
            String action,
            @Nullable Integer start,
            @Nullable Integer end,
            @Nullable String evidence) {}
}
