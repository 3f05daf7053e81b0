package dev.parley.server.performance.internal;

import dev.parley.server.accounts.Accounts;
import dev.parley.server.accounts.ShopInfo;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The time zones each shop has had (table {@code evaluation_zone}), each from the moment the server learnt of it. A
 * period is read in the zone in force at its start, so a change of zone takes effect at the next evaluation instant.
 */
@Component
public class ZoneHistory {
    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final Clock clock;

    ZoneHistory(JdbcClient jdbc, Accounts accounts, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** Records the shop's zone as in force from now on when it differs from the last one recorded. */
    public void sync(String shopId) {
        Optional<ShopInfo> shop = accounts.shop(shopId);
        if (shop.isEmpty()) {
            return;
        }
        String zone = shop.get().zone().getId();
        Optional<String> last = jdbc.sql(
                        "SELECT zone FROM evaluation_zone WHERE shop_id = ? ORDER BY since DESC, id DESC LIMIT 1")
                .param(shopId)
                .query(String.class)
                .optional();
        if (last.isEmpty() || !last.get().equals(zone)) {
            jdbc.sql("INSERT INTO evaluation_zone (shop_id, zone, since) VALUES (?, ?, ?)")
                    .params(shopId, zone, Timestamp.from(clock.instant()))
                    .update();
        }
    }

    /**
     * The shop's zone at {@code t}: the last one recorded at or before it, else the first one recorded (the server
     * knows nothing older), else its zone now. Reads only.
     */
    public ZoneId at(String shopId, Instant t) {
        Optional<String> zone = jdbc.sql("SELECT zone FROM evaluation_zone WHERE shop_id = ? AND since <= ?"
                        + " ORDER BY since DESC, id DESC LIMIT 1")
                .params(shopId, Timestamp.from(t))
                .query(String.class)
                .optional()
                .or(() -> jdbc.sql("SELECT zone FROM evaluation_zone WHERE shop_id = ? ORDER BY since, id LIMIT 1")
                        .param(shopId)
                        .query(String.class)
                        .optional());
        if (zone.isPresent()) {
            return ZoneId.of(zone.get());
        }
        return accounts.shop(shopId)
                .map(ShopInfo::zone)
                .orElseThrow(() -> new IllegalStateException("no shop '" + shopId + "'"));
    }
}
