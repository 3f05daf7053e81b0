package dev.parley.core.policy;

import org.jspecify.annotations.Nullable;

/** A detector's raw finding: a rule and kind, located by original offsets, or unlocated when start is negative. */
record Finding(Rule rule, @Nullable String kind, int start, int end) {

    /** A finding not located in the text. */
    static Finding unlocated(Rule rule, @Nullable String kind) {
        return new Finding(rule, kind, -1, -1);
    }

    boolean located() {
        return start >= 0;
    }
}
