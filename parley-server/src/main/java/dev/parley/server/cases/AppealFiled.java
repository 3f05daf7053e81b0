package dev.parley.server.cases;

import java.time.Instant;

/** A shop's admin or owner appealed an enforcement action (once per action). */
public record AppealFiled(String appealId, String actionId, String shopId, String filedBy, Instant filedAt) {}
