package dev.parley.server.moderation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.parley.server.messaging.SellerMessageLog;
import dev.parley.server.moderation.PolicySettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RepeatHistoryTest {
    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private static final String AD = "Big weekend sale on every hoodie, follow our shop for new arrivals!";

    private final SellerMessageLog log = mock(SellerMessageLog.class);
    private final RepeatHistory history = new RepeatHistory(
            log,
            new PolicySettings(
                    null,
                    Duration.ofSeconds(2),
                    new PolicySettings.Repetition(Duration.ofHours(24), 3, 200),
                    new PolicySettings.DryRun(90, 20_000, 500, Duration.ofSeconds(60))),
            new PolicyMetrics(new SimpleMeterRegistry()));

    private void sent(SellerMessageLog.SentText... texts) {
        when(log.sentToOtherBuyers(eq("shop"), eq("conv"), any(), any(), isNull(), anyInt()))
                .thenReturn(List.of(texts));
    }

    private static SellerMessageLog.SentText text(String id, String buyer, String text) {
        return new SellerMessageLog.SentText(id, "c-" + buyer, buyer, text, NOW.minusSeconds(60));
    }

    @Test
    void copiesToTwoOtherBuyersAreShownOnePerBuyer() {
        sent(
                text("m1", "b1", AD),
                text("m2", "b1", AD.replace("hoodie", "jacket")),
                text("m3", "b2", AD.toUpperCase()),
                text("m4", "b3", "Thank you for your order!"));
        assertThat(history.recentFor("shop", "conv", AD, NOW, null)).containsExactly(AD, AD.toUpperCase());
    }

    @Test
    void copiesToOneOtherBuyerAreNotManyBuyers() {
        sent(text("m1", "b1", AD), text("m2", "b1", AD), text("m3", "b2", "Your parcel ships tomorrow."));
        assertThat(history.recentFor("shop", "conv", AD, NOW, null)).isEmpty();
    }

    @Test
    void theWindowAndTheBoundsAreAskedOfTheLog() {
        sent();
        history.recentFor("shop", "conv", AD, NOW, null);
        verify(log).sentToOtherBuyers("shop", "conv", NOW.minus(Duration.ofHours(24)), NOW, null, 200);
    }

    @Test
    void aTextTooShortToCompareLooksNothingUp() {
        assertThat(history.recentFor("shop", "conv", "ok!", NOW, null)).isEmpty();
        verify(log, never()).sentToOtherBuyers(any(), any(), any(), any(), any(), anyInt());
    }
}
