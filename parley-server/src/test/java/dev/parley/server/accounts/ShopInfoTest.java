package dev.parley.server.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** A shop's messaging restriction at a given instant: timed restrictions end exactly at their end instant. */
class ShopInfoTest {
    private static final Instant END = Instant.parse("2026-03-01T10:00:00Z");
    private static final ZoneId ZONE = ZoneId.of("Asia/Singapore");

    private static ShopInfo shop(MessagingRestriction untimed, Instant suspendedUntil, Instant heldUntil) {
        return new ShopInfo("s", "S", ZONE, "SG", "en", untimed, suspendedUntil, heldUntil);
    }

    @Test
    void aTimedHoldRestrictsUntilTheMillisecondBeforeItsEnd() {
        ShopInfo s = shop(MessagingRestriction.NONE, null, END);
        assertThat(s.restrictionAt(END.minusMillis(1))).isEqualTo(MessagingRestriction.HOLD_ALL);
        assertThat(s.restrictionAt(END)).isEqualTo(MessagingRestriction.NONE);
    }

    @Test
    void aSuspensionOutranksAHoldAndTheHoldRunsOnAfterIt() {
        ShopInfo s = shop(MessagingRestriction.NONE, END, END.plusSeconds(3600));
        assertThat(s.restrictionAt(END.minusSeconds(1))).isEqualTo(MessagingRestriction.SUSPENDED);
        assertThat(s.restrictionAt(END)).isEqualTo(MessagingRestriction.HOLD_ALL);
        assertThat(s.restrictionAt(END.plusSeconds(3600))).isEqualTo(MessagingRestriction.NONE);
    }

    @Test
    void anUntimedRestrictionHoldsWhateverTheTime() {
        assertThat(shop(MessagingRestriction.HOLD_ALL, null, null).restrictionAt(END))
                .isEqualTo(MessagingRestriction.HOLD_ALL);
        assertThat(shop(MessagingRestriction.SUSPENDED, null, END).restrictionAt(END.minusSeconds(1)))
                .isEqualTo(MessagingRestriction.SUSPENDED);
        assertThat(new ShopInfo("s", "S", ZONE, null, "en", MessagingRestriction.NONE).restrictionAt(END))
                .isEqualTo(MessagingRestriction.NONE);
    }
}
