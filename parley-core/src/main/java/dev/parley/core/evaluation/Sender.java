package dev.parley.core.evaluation;

/** Who wrote a message: the buyer, a person on the seller's team, or the system or platform (which never reply). */
public enum Sender {
    BUYER,
    SELLER,
    SYSTEM,
    PLATFORM
}
