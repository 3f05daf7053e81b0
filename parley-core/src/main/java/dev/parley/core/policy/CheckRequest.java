package dev.parley.core.policy;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A seller message to judge, with the context a check can use.
 *
 * @param text the message text, empty when there is only an attachment
 * @param buyerInitiated whether the buyer wrote to the shop first (clause 3.2)
 * @param listing the product listing the conversation is about, if any
 * @param attachments files sent with the message
 * @param buyerText the buyer message being answered, if known
 * @param recentSellerTexts the seller's recent messages, for repetition
 * @param region ISO 3166 region for national phone formats, if known
 */
public record CheckRequest(
        String text,
        boolean buyerInitiated,
        @Nullable Listing listing,
        List<Attachment> attachments,
        @Nullable String buyerText,
        List<String> recentSellerTexts,
        @Nullable String region) {

    public CheckRequest {
        attachments = List.copyOf(attachments);
        recentSellerTexts = List.copyOf(recentSellerTexts);
    }

    /** A text alone, to a buyer who wrote first, with no other context. */
    public static CheckRequest ofText(String text) {
        return new CheckRequest(text, true, null, List.of(), null, List.of(), null);
    }

    /** This request with a listing. */
    public CheckRequest withListing(@Nullable Listing newListing) {
        return new CheckRequest(text, buyerInitiated, newListing, attachments, buyerText, recentSellerTexts, region);
    }
}
