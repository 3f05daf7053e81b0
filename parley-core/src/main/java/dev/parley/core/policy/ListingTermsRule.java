package dev.parley.core.policy;

import static dev.parley.core.policy.Concept.*;

import dev.parley.core.policy.ContentScan.Hit;
import dev.parley.core.policy.Figures.Figure;
import dev.parley.core.policy.Figures.Kind;
import dev.parley.core.policy.Figures.Unit;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Statements against the listing: misleading price, discount and warranty figures (clause 4.1) and after-sales terms
 * less favourable than the listing's (clause 4.2). A listing field that is absent is not judged.
 *
 * <ul>
 *   <li>a price: an amount in the listing's currency (or a bare number right after a price word) next to a price word
 *       or hint, and not next to a fee, a refund or a gift, that differs from the listing price;
 *   <li>a discount: a percentage or amount next to a discount word ("30% off", "giảm 50k", "八折"), or a personal
 *       discount promise; the listing states none, so any is outside it (a discount offered for a review is review
 *       manipulation, not a claim about the listing);
 *   <li>a warranty: the duration nearest a warranty word, "lifetime", or "no warranty", compared with the listing's
 *       months (shorter is also a downgrade); conditions that void the warranty are a downgrade;
 *   <li>returns: "no returns"/"no refunds"/"final sale", store credit instead of a refund, a return window shorter than
 *       the listing's, or the buyer paying return shipping when the listing says free returns.
 * </ul>
 */
final class ListingTermsRule implements ContentRule {
    private static final int PRICE_WINDOW = 30;

    @Override
    public void detect(Content content, List<Finding> findings) {
        Listing listing = content.request().listing();
        if (listing == null) {
            return;
        }
        ContentScan scan = content.scan();
        if (!scan.hasAny(
                PRICE,
                PRICE_HINT,
                DISCOUNT,
                DISCOUNT_OFFER,
                WARRANTY,
                NO_WARRANTY,
                VOID,
                RETURN,
                NO_RETURN,
                STORE_CREDIT,
                RETURN_SHIPPING,
                SHIPPING_FEE)) {
            return;
        }
        if (listing.price() != null) {
            prices(content, listing, findings);
        }
        discounts(content, findings);
        if (listing.warrantyMonths() != null) {
            warranty(content, listing.warrantyMonths(), findings);
        }
        if (listing.returnDays() != null) {
            returns(content, listing.returnDays(), findings);
        }
        if (Boolean.TRUE.equals(listing.freeReturn())) {
            returnShipping(scan, findings);
        }
    }

    private static void prices(Content content, Listing listing, List<Finding> findings) {
        ContentScan scan = content.scan();
        BigDecimal price = listing.price();
        for (Figure f : content.figures()) {
            Hit amount = new Hit(PRICE, f.start(), f.end());
            Optional<Hit> context;
            if (f.kind() == Kind.MONEY) {
                if (listing.currency() != null
                        && !f.currencies().isEmpty()
                        && !f.currencies().contains(listing.currency().toUpperCase(java.util.Locale.ROOT))) {
                    continue;
                }
                context = scan.nearAny(amount, PRICE_WINDOW, PRICE, PRICE_HINT, FEE, INCENTIVE, MONEY_BACK, REFUND);
            } else if (f.kind() == Kind.NUMBER) {
                context = scan.before(amount, PRICE, 8);
            } else {
                continue;
            }
            if (context.isEmpty()
                    || (context.get().concept() != PRICE && context.get().concept() != PRICE_HINT)
                    || scan.near(amount, DISCOUNT, 4).isPresent()) {
                continue;
            }
            if (differs(f.value(), price)) {
                findings.add(ContentScan.span(Rule.MISLEADING_CLAIM, null, context.get(), amount));
            }
        }
    }

    private static boolean differs(BigDecimal stated, BigDecimal listed) {
        double a = stated.doubleValue();
        double b = listed.doubleValue();
        return Math.abs(a - b) > Math.max(0.01, 0.005 * Math.max(a, b));
    }

    private static void discounts(Content content, List<Finding> findings) {
        ContentScan scan = content.scan();
        for (Figure f : content.figures()) {
            Hit figure = new Hit(DISCOUNT, f.start(), f.end());
            if (scan.before(figure, NEGATION, 15).isPresent()
                    || scan.nearAny(figure, 60, REVIEW, POSITIVE_REVIEW).isPresent()) {
                continue;
            }
            boolean discount = switch (f.kind()) {
                case PERCENT_OFF -> true;
                case PERCENT -> scan.near(figure, DISCOUNT, 12).isPresent();
                case MONEY, NUMBER ->
                    scan.near(figure, DISCOUNT, 3).isPresent() && f.value().signum() > 0;
                default -> false;
            };
            if (discount) {
                Hit word = scan.near(figure, DISCOUNT, 12).orElse(figure);
                findings.add(ContentScan.span(Rule.MISLEADING_CLAIM, null, figure, word));
            }
        }
        for (Hit offer : scan.of(DISCOUNT_OFFER)) {
            if (scan.before(offer, NEGATION, 12).isEmpty()) {
                findings.add(ContentScan.span(Rule.MISLEADING_CLAIM, null, offer));
            }
        }
    }

    private static void warranty(Content content, int listedMonths, List<Finding> findings) {
        ContentScan scan = content.scan();
        for (Hit w : scan.of(WARRANTY)) {
            Optional<Hit> lifetime = scan.near(w, LIFETIME, 20);
            if (lifetime.isPresent()) {
                findings.add(ContentScan.span(Rule.MISLEADING_CLAIM, null, w, lifetime.get()));
                continue;
            }
            Figure d = nearestDuration(content, w, 25, 30);
            if (d == null || d.unit() == Unit.HOUR) {
                continue;
            }
            Hit stated = new Hit(WARRANTY, d.start(), d.end());
            compareWarranty(
                    d.months(), listedMonths, ContentScan.span(Rule.MISLEADING_CLAIM, null, w, stated), findings);
        }
        for (Hit none : scan.of(NO_WARRANTY)) {
            compareWarranty(0, listedMonths, ContentScan.span(Rule.MISLEADING_CLAIM, null, none), findings);
        }
        if (listedMonths > 0) {
            for (Hit v : scan.of(VOID)) {
                scan.near(v, WARRANTY, 50)
                        .ifPresent(w -> findings.add(ContentScan.span(Rule.TERMS_DOWNGRADE, null, w, v)));
            }
        }
    }

    private static void compareWarranty(double months, int listedMonths, Finding at, List<Finding> findings) {
        if (Math.abs(months - listedMonths) < 0.5) {
            return;
        }
        findings.add(at);
        if (months < listedMonths) {
            findings.add(new Finding(Rule.TERMS_DOWNGRADE, null, at.start(), at.end()));
        }
    }

    private static void returns(Content content, int listedDays, List<Finding> findings) {
        ContentScan scan = content.scan();
        if (listedDays > 0) {
            for (Hit h : scan.of(NO_RETURN)) {
                if (scan.before(h, NEGATION, 4).isEmpty() && !onlyAfter(content, h, listedDays)) {
                    findings.add(ContentScan.span(Rule.TERMS_DOWNGRADE, null, h));
                }
            }
            for (Hit h : scan.of(STORE_CREDIT)) {
                findings.add(ContentScan.span(Rule.TERMS_DOWNGRADE, null, h));
            }
        }
        for (Hit r : scan.of(RETURN)) {
            Figure d = nearestDuration(content, r, 20, 45);
            if (d != null && d.days() < listedDays - 0.01) {
                findings.add(ContentScan.span(Rule.TERMS_DOWNGRADE, null, r, new Hit(RETURN, d.start(), d.end())));
            }
        }
    }

    /**
     * Whether a refusal of returns only closes a window at least as long as the listing's: "no returns after 30 days"
     * on a 30-day listing repeats it, while "no returns after 3 days" on that listing shortens it.
     */
    private static boolean onlyAfter(Content content, Hit refusal, int listedDays) {
        for (Hit after : content.scan().within(refusal, AFTER, 20)) {
            if (!sameSentence(content.scan().text(), refusal, after)) {
                continue;
            }
            for (Figure f : content.figuresBetween(after.end(), after.end() + 12)) {
                if (f.kind() == Kind.DURATION && f.start() - after.end() <= 3 && f.days() >= listedDays - 0.01) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean sameSentence(String text, Hit a, Hit b) {
        for (int k = Math.min(a.end(), b.end()); k < Math.max(a.start(), b.start()); k++) {
            char c = text.charAt(k);
            if (c == '.' || c == '!' || c == '?' || c == '\n' || c == '。' || c == '！' || c == '？') {
                return false;
            }
        }
        return true;
    }

    private static void returnShipping(ContentScan scan, List<Finding> findings) {
        for (Hit fee : scan.of(RETURN_SHIPPING)) {
            Optional<Hit> pays = scan.near(fee, BUYER_PAYS, 50);
            if (pays.isPresent() && scan.near(fee, FREE, 30).isEmpty()) {
                findings.add(ContentScan.span(Rule.TERMS_DOWNGRADE, null, fee, pays.get()));
            }
        }
        for (Hit fee : scan.of(SHIPPING_FEE)) {
            Optional<Hit> pays = scan.near(fee, BUYER_PAYS, 40);
            if (pays.isPresent()
                    && scan.near(fee, RETURN, 50).isPresent()
                    && scan.near(fee, FREE, 30).isEmpty()) {
                findings.add(ContentScan.span(Rule.TERMS_DOWNGRADE, null, fee, pays.get()));
            }
        }
    }

    /**
     * The duration nearest {@code anchor}, at most {@code before} characters before it or {@code after} characters
     * after it, with no timing word of something else (delivery, refund, processing) between them or just before the
     * anchor ("we process your return in 2 days"); null when there is none.
     */
    private static @Nullable Figure nearestDuration(Content content, Hit anchor, int before, int after) {
        if (content.scan().before(anchor, OTHER_TIMING, 12).isPresent()) {
            return null;
        }
        Figure best = null;
        int bestGap = Integer.MAX_VALUE;
        for (Figure f : content.figuresBetween(anchor.start() - before, anchor.end() + after)) {
            if (f.kind() != Kind.DURATION) {
                continue;
            }
            Hit d = new Hit(OTHER_TIMING, f.start(), f.end());
            int gap = d.gap(anchor);
            boolean inRange =
                    f.end() <= anchor.start() ? gap <= before : f.start() >= anchor.end() ? gap <= after : true;
            if (inRange && gap < bestGap && !content.scan().between(anchor, d, OTHER_TIMING)) {
                best = f;
                bestGap = gap;
            }
        }
        return best;
    }
}
