/** The load generator: buyers and agents over HTTP and WebSocket against a running server. */
@NullMarked
package dev.parley.bench.load;

import org.jspecify.annotations.NullMarked;
