package dev.parley.server.messaging.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When an unread reply becomes a {@link dev.parley.server.messaging.ReplyUnread} notice ({@code
 * parley.messaging.reply-notice.*}).
 *
 * @param after how long a reply stays unread before the buyer is notified (30 minutes by default)
 * @param checkEvery how often due notices are looked for (1 minute by default)
 */
@ConfigurationProperties("parley.messaging.reply-notice")
public record ReplyNoticeSettings(
        @DefaultValue("30m") Duration after,
        @DefaultValue("1m") Duration checkEvery) {}
