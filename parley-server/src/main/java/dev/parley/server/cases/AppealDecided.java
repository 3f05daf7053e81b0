package dev.parley.server.cases;

import java.time.Instant;

/** A reviewer decided an appeal: {@code granted} lifts the action and its restriction. */
public record AppealDecided(
        String appealId, String actionId, String shopId, boolean granted, String decidedBy, Instant decidedAt) {}
