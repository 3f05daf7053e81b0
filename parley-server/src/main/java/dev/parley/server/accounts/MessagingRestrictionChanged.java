package dev.parley.server.accounts;

/** An enforcement action changed what a shop's messaging may do (clause 四.2). */
public record MessagingRestrictionChanged(String shopId, MessagingRestriction restriction) {}
