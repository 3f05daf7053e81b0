/**
 * Moderation: runs parley-core's checker on every seller message before delivery (as the messaging module's {@link
 * dev.parley.server.messaging.MessageScreening}), answers draft checks, and will hold the review queue of held
 * messages (which it decides through {@link dev.parley.server.messaging.HeldMessages}).
 */
@NullMarked
package dev.parley.server.moderation;

import org.jspecify.annotations.NullMarked;
