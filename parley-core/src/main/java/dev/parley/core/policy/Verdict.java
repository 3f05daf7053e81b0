package dev.parley.core.policy;

import java.util.List;

/** The outcome of a check: the most severe action among the violations, the violations, and the policy version. */
public record Verdict(Action action, List<Violation> violations, String policyVersion) {

    public Verdict {
        violations = List.copyOf(violations);
    }

    /** A verdict with no findings. */
    public static Verdict allow(String policyVersion) {
        return new Verdict(Action.ALLOW, List.of(), policyVersion);
    }

    /** Whether some violation is of {@code rule}. */
    public boolean has(Rule rule) {
        return violations.stream().anyMatch(v -> v.rule() == rule);
    }
}
