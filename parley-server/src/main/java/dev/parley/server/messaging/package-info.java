/**
 * Messaging: conversations between a buyer and a shop's team, messages (stored before they are acknowledged, never
 * edited), idempotent sends, the reply window, attachments and cards, rate limits, read state, and real-time delivery
 * over the {@code /ws} WebSocket. Seller messages are screened through {@link
 * dev.parley.server.messaging.MessageScreening} (implemented by the moderation module) before delivery. Other modules
 * build on the events ({@link dev.parley.server.messaging.MessageSubmitted}, {@link
 * dev.parley.server.messaging.MessageDelivered}, {@link dev.parley.server.messaging.MessageHeld}, …) and on {@link
 * dev.parley.server.messaging.Conversations} and {@link dev.parley.server.messaging.HeldMessages}.
 */
@NullMarked
package dev.parley.server.messaging;

import org.jspecify.annotations.NullMarked;
