package dev.parley.server.moderation.internal;

import dev.parley.core.policy.PolicyChecker;
import dev.parley.core.policy.PolicyConfig;

/** A policy text that parsed and validated, with its digest and the immutable checker built from it. */
record CompiledPolicy(String text, String sha256, PolicyConfig config, PolicyChecker checker) {

    /** The version stamped on the verdicts it gives. */
    String version() {
        return config.version();
    }
}
