package dev.parley.core.evaluation;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** Shorthands for writing shop logs in tests: local wall-clock times of one zone. */
final class ShopLogs {
    private final ZoneId zone;

    ShopLogs(ZoneId zone) {
        this.zone = zone;
    }

    /** The instant of local time {@code localDateTime} ({@code 2026-11-03T09:15:02.120}), earlier offset in an overlap. */
    Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }

    ShopMessage buyer(String id, String localDateTime) {
        return ShopMessage.buyer("c-1", id, at(localDateTime));
    }

    ShopMessage seller(String id, String localDateTime) {
        return ShopMessage.seller("c-1", id, at(localDateTime));
    }
}
