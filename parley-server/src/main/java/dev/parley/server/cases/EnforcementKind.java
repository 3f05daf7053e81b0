package dev.parley.server.cases;

import dev.parley.server.accounts.MessagingRestriction;

/** What an enforcement action does to a shop (clause 四.2): warn it, hold all its messages for review, or suspend it. */
public enum EnforcementKind {
    /** A notice to the shop; it restricts nothing and has no end. */
    WARNING(MessagingRestriction.NONE),
    /** Every message the shop sends is held for a reviewer ({@code enforcement_hold}) for a number of days. */
    HOLD_ALL(MessagingRestriction.HOLD_ALL),
    /** The shop cannot send ({@code 403 messaging_suspended}) for a number of days. */
    SUSPENSION(MessagingRestriction.SUSPENDED);

    private final MessagingRestriction restriction;

    EnforcementKind(MessagingRestriction restriction) {
        this.restriction = restriction;
    }

    /** What it does to the shop's messaging while it runs. */
    public MessagingRestriction restriction() {
        return restriction;
    }

    /** Whether it restricts messaging for a time (and so can be appealed while it runs). */
    public boolean restricts() {
        return restriction != MessagingRestriction.NONE;
    }
}
