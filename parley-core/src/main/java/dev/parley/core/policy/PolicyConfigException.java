package dev.parley.core.policy;

import java.util.List;

/** A policy file that cannot be used, with every problem found in it. */
public final class PolicyConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    /** An exception listing {@code problems} found in {@code source}. */
    public PolicyConfigException(String source, List<String> problems) {
        super(source + ": " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** The problems, one sentence each. */
    public List<String> problems() {
        return problems;
    }
}
