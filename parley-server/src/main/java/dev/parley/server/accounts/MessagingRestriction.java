package dev.parley.server.accounts;

/**
 * What an enforcement action does to a shop's messaging (clause 四.2): nothing, suspend it ({@code 403
 * messaging_suspended}), or hold every message for review ({@code enforcement_hold}).
 */
public enum MessagingRestriction {
    NONE,
    SUSPENDED,
    HOLD_ALL
}
