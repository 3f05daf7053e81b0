package dev.parley.core.policy;

import java.util.List;

/** One family of checks over a message; implementations are immutable and thread-safe. */
interface Detector {

    /** Adds what this detector finds in {@code message} to {@code findings}. */
    void detect(Message message, List<Finding> findings);
}
