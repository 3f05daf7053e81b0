package dev.parley.server.messaging.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.parley.server.shared.ProblemException;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Token buckets per user (or API token) and per shop team, on this node: a send over the limit is {@code 429
 * rate_limited} with {@code Retry-After} in whole seconds.
 */
@Component
class RateLimiter {
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(500_000)
            .expireAfterAccess(Duration.ofMinutes(10))
            .build();
    private final MessagingSettings settings;

    RateLimiter(MessagingSettings settings) {
        this.settings = settings;
    }

    /** Takes one send from the user's bucket and, for a team member, from the shop's; throws 429 when either is dry. */
    void acquire(String senderKey, String shopId, boolean team) {
        Bucket user = buckets.get("u:" + senderKey, k -> new Bucket(settings.userRate(), settings.userBurst()));
        Bucket shop =
                team ? buckets.get("s:" + shopId, k -> new Bucket(settings.shopRate(), settings.shopBurst())) : null;
        long now = System.nanoTime();
        long userWait = user.waitNanos(now);
        long shopWait = shop == null ? 0 : shop.waitNanos(now);
        if (userWait > 0 || shopWait > 0) {
            long seconds = Math.max(1, (long) Math.ceil(Math.max(userWait, shopWait) / 1e9));
            throw new ProblemException(
                            429,
                            "rate_limited",
                            "Too many messages",
                            userWait > 0
                                    ? "this sender is over " + settings.userRate() + " messages per second"
                                    : "this shop's team is over " + settings.shopRate() + " messages per second")
                    .header("Retry-After", Long.toString(seconds));
        }
        user.take(now);
        if (shop != null) {
            shop.take(now);
        }
    }

    private static final class Bucket {
        private final double perNano;
        private final double capacity;
        private double tokens;
        private long at;

        Bucket(double perSecond, int burst) {
            this.perNano = perSecond / 1e9;
            this.capacity = Math.max(1, burst);
            this.tokens = capacity;
            this.at = System.nanoTime();
        }

        synchronized long waitNanos(long now) {
            refill(now);
            return tokens >= 1 ? 0 : (long) ((1 - tokens) / perNano);
        }

        synchronized void take(long now) {
            refill(now);
            tokens -= 1;
        }

        private void refill(long now) {
            tokens = Math.min(capacity, tokens + (now - at) * perNano);
            at = now;
        }
    }
}
