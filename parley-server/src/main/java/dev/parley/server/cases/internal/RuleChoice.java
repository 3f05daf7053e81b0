package dev.parley.server.cases.internal;

import dev.parley.core.policy.Rule;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Checks a rule (and kind) a reviewer or buyer names against the catalogue. */
final class RuleChoice {
    private RuleChoice() {}

    /** Adds to {@code errors} what is wrong with {@code rule} and {@code kind}. */
    static void check(@Nullable String rule, @Nullable String kind, boolean required, List<String> errors) {
        if (rule == null || rule.isBlank()) {
            if (required) {
                errors.add("rule: required, one of " + ReviewQueue.ruleIds());
            } else if (kind != null) {
                errors.add("kind: only together with rule");
            }
            return;
        }
        Rule r = Rule.byId(rule).orElse(null);
        if (r == null) {
            errors.add("rule: no rule '" + rule + "'; one of " + ReviewQueue.ruleIds());
        } else if (kind != null && !r.kinds().contains(kind)) {
            errors.add("kind: rule " + rule + " has " + (r.kinds().isEmpty() ? "no kinds" : "the kinds " + r.kinds()));
        }
    }
}
