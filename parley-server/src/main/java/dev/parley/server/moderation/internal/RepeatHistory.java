package dev.parley.server.moderation.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.parley.core.policy.RepeatedText;
import dev.parley.server.messaging.SellerMessageLog;
import dev.parley.server.moderation.PolicySettings;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The seller history the checker sees for repetition across buyers (clause 3.5, "sent to many buyers"): the shop's
 * newest texts in the window that went to <em>other</em> buyers (delivered or held), kept only when copies of the text
 * being judged reached at least {@code parley.policy.repetition.buyers - 1} different other buyers, one text per buyer.
 * The core then decides whether the text is advertising (templates such as "thank you for your order" are not) and
 * whether it repeats them. Fingerprints of stored messages are kept per message id, so each is normalised once per
 * node.
 */
@Component
class RepeatHistory {
    private final SellerMessageLog log;
    private final PolicySettings.Repetition settings;
    private final PolicyMetrics metrics;
    private final Cache<String, RepeatedText> prints =
            Caffeine.newBuilder().maximumSize(50_000).build();

    RepeatHistory(SellerMessageLog log, PolicySettings settings, PolicyMetrics metrics) {
        this.log = log;
        this.settings = settings.repetition();
        this.metrics = metrics;
    }

    /**
     * The texts to give the checker as the seller's recent messages when it judges {@code text}, sent at {@code at} in
     * {@code conversationId} (null for a draft checked outside a conversation); {@code beforeId} excludes messages
     * stored at the same instant after a stored message being judged again.
     */
    List<String> recentFor(
            String shopId, @Nullable String conversationId, String text, Instant at, @Nullable String beforeId) {
        RepeatedText print = RepeatedText.of(text);
        if (!print.comparable()) {
            return List.of();
        }
        long start = System.nanoTime();
        try {
            List<SellerMessageLog.SentText> sent = log.sentToOtherBuyers(
                    shopId, conversationId, at.minus(settings.window()), at, beforeId, settings.maxTexts());
            Map<String, String> byBuyer = new LinkedHashMap<>();
            for (SellerMessageLog.SentText s : sent) {
                if (!byBuyer.containsKey(s.buyerId())
                        && print.repeats(prints.get(s.messageId(), id -> RepeatedText.of(s.text())))) {
                    byBuyer.put(s.buyerId(), s.text());
                }
            }
            return byBuyer.size() >= settings.buyers() - 1 ? List.copyOf(byBuyer.values()) : List.of();
        } finally {
            metrics.historyLookup(System.nanoTime() - start);
        }
    }
}
