/** The message policy: normalisation, detectors, rules and verdicts (clauses 3.1-3.6, 4.1, 4.2). */
@NullMarked
package dev.parley.core.policy;

import org.jspecify.annotations.NullMarked;
