package dev.parley.server.messaging;

/** Screens every seller message before delivery; the moderation module implements it with parley-core's checker. */
public interface MessageScreening {

    /** The verdict for {@code draft} and whether it is a placeholder; also remembers it as sent when {@code sent}. */
    Screening screen(SellerDraft draft, boolean sent);

    /** Whether {@code text} is only a greeting, acknowledgement, "please wait" or emoji (evaluation.md). */
    boolean isPlaceholder(String text);
}
