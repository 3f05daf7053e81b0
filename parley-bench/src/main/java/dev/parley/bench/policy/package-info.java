/** JMH benchmarks of the message policy checker. */
@NullMarked
package dev.parley.bench.policy;

import org.jspecify.annotations.NullMarked;
