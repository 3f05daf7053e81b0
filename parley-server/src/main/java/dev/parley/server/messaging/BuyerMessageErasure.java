package dev.parley.server.messaging;

import dev.parley.server.messaging.internal.BuyerMessageEraser;
import java.util.Collection;
import org.springframework.stereotype.Service;

/**
 * Erases what a buyer wrote, for the buyer's erasure: the text of each of their messages is replaced with a redaction
 * marker and their files are deleted, except the files of messages frozen as evidence of an abuse report (the evidence
 * keeps its own copy of the texts). The messages themselves stay, with their senders and times, so that the shop's
 * evaluations do not change.
 */
@Service
public class BuyerMessageErasure {
    /** What a redacted message says instead of the buyer's text. */
    public static final String MARKER = "[removed at the buyer's request]";

    private final BuyerMessageEraser eraser;

    BuyerMessageErasure(BuyerMessageEraser eraser) {
        this.eraser = eraser;
    }

    /** How much was erased. */
    public record Result(int messages, int attachments) {}

    /** Redacts the buyer's messages and deletes their files except those of {@code evidenceMessageIds}. */
    public Result erase(String buyerId, Collection<String> evidenceMessageIds) {
        return eraser.erase(buyerId, evidenceMessageIds, MARKER);
    }
}
