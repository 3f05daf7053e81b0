/** Fixtures shared by the core's tests. */
@NullMarked
package dev.parley.core.support;

import org.jspecify.annotations.NullMarked;
