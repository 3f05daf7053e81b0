/**
 * Accounts: buyers, shops, team members and their roles, platform staff, sign-in, session and shop API tokens, and the
 * operator's integration API for shops and users. Other modules use {@link dev.parley.server.accounts.Accounts} and
 * {@link dev.parley.server.accounts.Actor}.
 */
@NullMarked
package dev.parley.server.accounts;

import org.jspecify.annotations.NullMarked;
