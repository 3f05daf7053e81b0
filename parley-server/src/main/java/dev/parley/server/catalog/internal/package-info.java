/** The implementation of the catalog module. */
@NullMarked
package dev.parley.server.catalog.internal;

import org.jspecify.annotations.NullMarked;
