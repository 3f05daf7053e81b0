package dev.parley.core.policy;

import org.jspecify.annotations.Nullable;

/**
 * One finding of a rule: its kind, the action configured for the rule, and where it is in the original text.
 *
 * <p>{@code start}/{@code end} are UTF-16 offsets into the original text ({@code end} exclusive) and {@code evidence}
 * is exactly that substring; all three are null for a finding not located in the text (an attachment, no buyer
 * contact).
 */
public record Violation(
        Rule rule,
        @Nullable String kind,
        Action action,
        @Nullable Integer start,
        @Nullable Integer end,
        @Nullable String evidence) {

    /** Whether this finding points into the text. */
    public boolean located() {
        return start != null;
    }

    /** The clause of the rule, such as {@code 3.4}. */
    public String clause() {
        return rule.clause();
    }
}
