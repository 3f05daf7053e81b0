/** The implementation of the privacy module. */
@NullMarked
package dev.parley.server.privacy.internal;

import org.jspecify.annotations.NullMarked;
