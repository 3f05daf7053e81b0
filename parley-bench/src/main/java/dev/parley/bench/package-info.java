/** JMH benchmarks of the core and generators of input for them and for the commands. */
@NullMarked
package dev.parley.bench;

import org.jspecify.annotations.NullMarked;
