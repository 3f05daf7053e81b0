package dev.parley.core.policy;

/** What happens to a message: delivered, delivered with a warning, held for review, or refused. */
public enum Action {
    ALLOW,
    WARN,
    HOLD,
    BLOCK;

    /** The more severe of this action and {@code other} (BLOCK > HOLD > WARN > ALLOW). */
    public Action max(Action other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
