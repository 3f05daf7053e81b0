/** The cases module's services, stores, listeners and HTTP controllers. */
@NullMarked
package dev.parley.server.cases.internal;

import org.jspecify.annotations.NullMarked;
