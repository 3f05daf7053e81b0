package dev.parley.server.messaging;

/** Screens every seller message before delivery; the moderation module implements it with parley-core's checker. */
public interface MessageScreening {

    /**
     * The verdict for {@code draft} and whether it is a placeholder; {@code sent} tells a message being sent from a
     * draft only checked. The seller's history (repetition across buyers) is read from the stored messages.
     */
    Screening screen(SellerDraft draft, boolean sent);

    /** Whether {@code text} is only a greeting, acknowledgement, "please wait" or emoji (evaluation.md). */
    boolean isPlaceholder(String text);
}
