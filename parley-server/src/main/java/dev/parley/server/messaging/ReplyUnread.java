package dev.parley.server.messaging;

import java.time.Instant;

/**
 * A shop's reply has stayed unread by the buyer for {@code parley.messaging.reply-notice.after} (30 minutes by
 * default): the buyer has left, and the outbox should e-mail them that the shop answered. Published once per unread
 * stretch, by one node of the cluster.
 *
 * @param since when the first reply the buyer has not read was delivered
 * @param unreadCount how many messages to the buyer are unread
 */
public record ReplyUnread(String conversationId, String shopId, String buyerId, Instant since, long unreadCount) {}
