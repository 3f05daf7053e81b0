/** The implementation of the accounts module. */
@NullMarked
package dev.parley.server.accounts.internal;

import org.jspecify.annotations.NullMarked;
