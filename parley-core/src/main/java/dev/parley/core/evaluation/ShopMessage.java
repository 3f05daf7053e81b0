package dev.parley.core.evaluation;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One message of a shop's log as the evaluation reads it (evaluation.md, definitions 2 and 3).
 *
 * <p>{@code at} is the instant the server accepted the message (for a held message released later, the instant the
 * seller sent it); it is read to the millisecond, finer digits are dropped. {@code auto}, {@code placeholder} and
 * {@code delivered} matter only for seller messages, {@code excluded} only for buyer messages.
 *
 * @param conversation the conversation, identified within the shop
 * @param id the message id, unique within the shop
 * @param sender who wrote it
 * @param at when the server accepted it
 * @param auto an automatic seller reply
 * @param placeholder a seller message that is only a greeting, acknowledgement, "please wait" or emoji
 * @param delivered false for a blocked, held, rejected or retracted seller message
 * @param excluded a buyer message covered by a verified abuse or spam report
 */
public record ShopMessage(
        String conversation,
        String id,
        Sender sender,
        Instant at,
        boolean auto,
        boolean placeholder,
        boolean delivered,
        boolean excluded) {

    /** Checks the fields and drops the digits of {@code at} finer than a millisecond. */
    public ShopMessage {
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sender, "sender");
        at = at.truncatedTo(ChronoUnit.MILLIS);
    }

    /** A buyer message, counted unless excluded. */
    public static ShopMessage buyer(String conversation, String id, Instant at) {
        return new ShopMessage(conversation, id, Sender.BUYER, at, false, false, true, false);
    }

    /** A delivered seller message written by a person, not a placeholder: a qualifying reply. */
    public static ShopMessage seller(String conversation, String id, Instant at) {
        return new ShopMessage(conversation, id, Sender.SELLER, at, false, false, true, false);
    }

    /** A message of {@code sender} with the default flags (not automatic, not a placeholder, delivered, counted). */
    public static ShopMessage of(String conversation, String id, Sender sender, Instant at) {
        return new ShopMessage(conversation, id, sender, at, false, false, true, false);
    }

    /** This message marked as an automatic reply. */
    public ShopMessage asAuto() {
        return new ShopMessage(conversation, id, sender, at, true, placeholder, delivered, excluded);
    }

    /** This message marked as a placeholder. */
    public ShopMessage asPlaceholder() {
        return new ShopMessage(conversation, id, sender, at, auto, true, delivered, excluded);
    }

    /** This message marked as not delivered (blocked, held, rejected or retracted). */
    public ShopMessage undelivered() {
        return new ShopMessage(conversation, id, sender, at, auto, placeholder, false, excluded);
    }

    /** This message marked as covered by a verified report. */
    public ShopMessage asExcluded() {
        return new ShopMessage(conversation, id, sender, at, auto, placeholder, delivered, true);
    }

    /** Whether this is a qualifying reply: written by the seller's team, delivered, not automatic, no placeholder. */
    public boolean qualifyingReply() {
        return sender == Sender.SELLER && delivered && !auto && !placeholder;
    }
}
