package dev.parley.core.policy;

import static dev.parley.core.policy.Concept.*;

import dev.parley.core.policy.ContentScan.Hit;
import java.util.ArrayList;
import java.util.List;

/**
 * Unsolicited promotion (clause 3.2, kind {@code promotion}): sales, coupons, new arrivals, livestreams, "follow our
 * shop", "check out our other products". A strong cue counts alone, weak cues ("sale", "voucher") only two together, a
 * negated cue ("no promo right now") not at all. When the buyer's message is known and asked about discounts, offers or
 * other products, the promotion answers it and is not a finding; without it the seller's text is judged alone.
 */
final class PromotionRule implements ContentRule {
    private static final Rule RULE = Rule.UNSOLICITED_MARKETING;

    @Override
    public void detect(Content content, List<Finding> findings) {
        List<Finding> found = promotions(content.scan());
        if (found.isEmpty() || answersBuyer(content)) {
            return;
        }
        findings.addAll(found);
    }

    /** The promotional cues of {@code scan}, whatever the buyer asked. */
    static List<Finding> promotions(ContentScan scan) {
        List<Finding> found = new ArrayList<>();
        for (Hit h : scan.of(PROMO)) {
            if (!negated(scan, h) && !reviewReward(scan, h)) {
                found.add(ContentScan.span(RULE, "promotion", h));
            }
        }
        List<Hit> weak = new ArrayList<>();
        for (Hit h : scan.of(PROMO_WEAK)) {
            if (!negated(scan, h)
                    && !reviewReward(scan, h)
                    && (weak.isEmpty() || weak.getLast().end() <= h.start())) {
                weak.add(h);
            }
        }
        if (weak.size() >= 2) {
            found.add(ContentScan.span(RULE, "promotion", weak.getFirst(), weak.getLast()));
        }
        return found;
    }

    /** Whether the cue is a reward offered for a review ("10% off your next order" for five stars): clause 3.6. */
    private static boolean reviewReward(ContentScan scan, Hit h) {
        return scan.nearAny(h, 40, REVIEW, REVIEW_WORD, POSITIVE_REVIEW, NEGATIVE_REVIEW)
                .isPresent();
    }

    /** Whether a negation precedes {@code h}, other than one inside a promotional phrase ("don't miss"). */
    private static boolean negated(ContentScan scan, Hit h) {
        return scan.before(h, NEGATION, 12)
                .filter(neg -> scan.within(neg, PROMO, 0).stream().allMatch(p -> p == h))
                .isPresent();
    }

    private static boolean answersBuyer(Content content) {
        String buyer = content.request().buyerText();
        if (buyer == null || buyer.isBlank()) {
            return false;
        }
        ContentScan asked = ContentScan.of(buyer, content.lexicon());
        return asked.hasAny(PROMO, PROMO_WEAK, PROMO_QUERY, DISCOUNT);
    }
}
