/**
 * Moderation: runs parley-core's checker on every seller message before delivery (as the messaging module's {@link
 * dev.parley.server.messaging.MessageScreening}), with the active policy shared by every node (stored activations,
 * {@link dev.parley.server.moderation.PolicyActivated}), answers draft checks, and gives operators the policy's
 * validation, reload, history and dry runs ({@code /api/v1/policy/*}). Settings: {@link
 * dev.parley.server.moderation.PolicySettings}.
 */
@NullMarked
package dev.parley.server.moderation;

import org.jspecify.annotations.NullMarked;
