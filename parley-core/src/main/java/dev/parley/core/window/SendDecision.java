package dev.parley.core.window;

import java.time.Instant;

/** Whether a seller may write in a conversation now, and if not, which rule refuses it. */
public sealed interface SendDecision {

    /** Whether the send is allowed. */
    boolean allowed();

    /** The seller may write until {@code closesAt} (inclusive). */
    record Open(Instant closesAt) implements SendDecision {
        @Override
        public boolean allowed() {
            return true;
        }
    }

    /** The buyer never wrote: clause 3.2, rule {@code unsolicited_marketing}, kind {@code no_buyer_contact}. */
    record NoBuyerContact() implements SendDecision {
        /** The rule that refuses the send. */
        public static final String RULE = "unsolicited_marketing";
        /** The kind of finding. */
        public static final String KIND = "no_buyer_contact";
        /** The clause of the rules. */
        public static final String CLAUSE = "3.2";

        @Override
        public boolean allowed() {
            return false;
        }
    }

    /** The window closed at {@code closedAt}: clause 4.1, rule {@code reply_window_closed}. */
    record WindowClosed(Instant closedAt) implements SendDecision {
        /** The rule that refuses the send. */
        public static final String RULE = "reply_window_closed";
        /** The clause of the rules (also for after-sale messages, clause 4.2). */
        public static final String CLAUSE = "4.1";

        @Override
        public boolean allowed() {
            return false;
        }
    }
}
