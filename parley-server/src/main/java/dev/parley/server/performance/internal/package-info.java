/** How the performance module computes, schedules, stores and serves evaluations. */
@NullMarked
package dev.parley.server.performance.internal;

import org.jspecify.annotations.NullMarked;
