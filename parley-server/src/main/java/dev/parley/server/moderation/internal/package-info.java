/** The implementation of the moderation module. */
@NullMarked
package dev.parley.server.moderation.internal;

import org.jspecify.annotations.NullMarked;
