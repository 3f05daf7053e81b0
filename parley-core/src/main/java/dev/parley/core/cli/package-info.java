/** The command-line entry points {@code check} and {@code evaluate}, running on the core alone. */
@NullMarked
package dev.parley.core.cli;

import org.jspecify.annotations.NullMarked;
