/**
 * Web: the server-rendered pages of every role (Thymeleaf templates, htmx, a little plain JavaScript for the
 * WebSocket): buyers' product pages and conversations, the agents' inbox with the checker's verdict as they type, quick
 * replies, the seller admins' team and API tokens, and the platform staff's pages. It uses the other modules' public
 * services with the signed-in user's {@link dev.parley.server.accounts.Actor}, so a page may do exactly what the API
 * lets that user do; nothing depends on this module.
 */
@NullMarked
package dev.parley.server.web;

import org.jspecify.annotations.NullMarked;
