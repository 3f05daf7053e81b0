/** The implementation of the messaging module. */
@NullMarked
package dev.parley.server.messaging.internal;

import org.jspecify.annotations.NullMarked;
