package dev.parley.server.messaging.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Messaging settings ({@code parley.messaging.*}).
 *
 * @param replyWindow how long after the buyer's latest message the seller may write (72 hours, clauses 4.1, 4.2)
 * @param userRate messages per second one user (or API token) may send, sustained
 * @param userBurst messages one user may send at once before the rate applies
 * @param shopRate messages per second a shop's whole team may send, sustained
 * @param shopBurst messages a shop's team may send at once
 * @param maxAttachments attachments per message
 * @param deliveryLanes how many ordered lanes deliver real-time events (events of one conversation share a lane)
 * @param sendLanes how many lanes store sends (the sends of one conversation share a lane; each lane commits the sends
 *     waiting on it together, in one transaction)
 * @param sendBatch at most this many sends in one such transaction
 */
@ConfigurationProperties("parley.messaging")
public record MessagingSettings(
        @DefaultValue("72h") Duration replyWindow,
        @DefaultValue("10") double userRate,
        @DefaultValue("20") int userBurst,
        @DefaultValue("200") double shopRate,
        @DefaultValue("400") int shopBurst,
        @DefaultValue("10") int maxAttachments,
        @DefaultValue("32") int deliveryLanes,
        @DefaultValue("8") int sendLanes,
        @DefaultValue("32") int sendBatch) {}
