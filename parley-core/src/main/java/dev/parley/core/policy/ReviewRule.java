package dev.parley.core.policy;

import static dev.parley.core.policy.Concept.*;

import dev.parley.core.policy.ContentScan.Hit;
import java.util.List;
import java.util.Optional;

/**
 * Review manipulation (clause 3.6), found as concepts together within a window: something of value near a review
 * ({@code incentive}); a top rating asked for, or the review's wording dictated (in quotes, or "write that…")
 * ({@code positive_request});
 * deleting or changing a review ({@code removal_request}). Money paid back counts as an incentive only with an amount or
 * a promise ("I'll refund $3"), not a refund already made ("refund is done"). A neutral invitation to give feedback
 * names no rating, no reward and no wording, and is allowed; thanks for a review already given are not a request.
 */
final class ReviewRule implements ContentRule {
    private static final Rule RULE = Rule.REVIEW_MANIPULATION;
    private static final int WINDOW = 60;
    private static final String QUOTES = "'\"“”‘’「」『』«»„";

    @Override
    public void detect(Content content, List<Finding> findings) {
        ContentScan scan = content.scan();
        if (!scan.hasAny(REVIEW, REVIEW_WORD, POSITIVE_REVIEW, NEGATIVE_REVIEW)) {
            return;
        }
        boolean incentive = false;
        for (Hit review : reviews(scan)) {
            Optional<Hit> reward = incentiveNear(content, review);
            if (reward.isPresent()) {
                incentive = true;
                findings.add(ContentScan.span(RULE, "incentive", review, reward.get()));
            }
        }
        for (Hit top : scan.of(POSITIVE_REVIEW)) {
            if (scan.before(top, THANKS, 30).isPresent()) {
                continue;
            }
            Optional<Hit> ask = scan.near(top, REQUEST, 40);
            if (ask.isPresent()) {
                findings.add(ContentScan.span(RULE, "positive_request", top, ask.get()));
            } else if (incentive) {
                findings.add(ContentScan.span(RULE, "positive_request", top));
            }
        }
        for (Hit dictate : scan.of(DICTATE)) {
            Optional<Hit> review = scan.nearAny(dictate, 50, REVIEW, REVIEW_WORD, POSITIVE_REVIEW);
            int quote = quoteAfter(scan.text(), dictate.end(), 30);
            if (review.isPresent() && quote >= 0) {
                findings.add(ContentScan.span(
                        RULE, "positive_request", review.get(), dictate, new Hit(DICTATE, quote, quote + 1)));
            }
        }
        for (Hit dictate : scan.of(DICTATE_THAT)) {
            scan.nearAny(dictate, 50, REVIEW, REVIEW_WORD, POSITIVE_REVIEW)
                    .ifPresent(review -> findings.add(ContentScan.span(RULE, "positive_request", review, dictate)));
        }
        for (Hit remove : scan.of(REMOVE)) {
            Optional<Hit> review = scan.nearAny(remove, 30, REVIEW, NEGATIVE_REVIEW, POSITIVE_REVIEW);
            if (review.isPresent()
                    && scan.before(remove, THANKS, 30).isEmpty()
                    && scan.before(remove, NEGATION, 10).isEmpty()) {
                findings.add(ContentScan.span(RULE, "removal_request", remove, review.get()));
            }
        }
    }

    private static List<Hit> reviews(ContentScan scan) {
        return scan.hits().stream()
                .filter(h -> h.concept() == REVIEW || h.concept() == POSITIVE_REVIEW || h.concept() == NEGATIVE_REVIEW)
                .toList();
    }

    /** Something of value offered near {@code review}: a gift or discount, or money back with an amount or promise. */
    private static Optional<Hit> incentiveNear(Content content, Hit review) {
        ContentScan scan = content.scan();
        for (Hit reward : scan.of(INCENTIVE)) {
            if (reward.gap(review) <= WINDOW && scan.before(reward, NEGATION, 6).isEmpty()) {
                return Optional.of(reward);
            }
        }
        for (Hit back : scan.of(MONEY_BACK)) {
            if (back.gap(review) > WINDOW) {
                continue;
            }
            boolean amount =
                    content.figures().stream().anyMatch(f -> f.kind() == Figures.Kind.MONEY && gap(f, back) <= 15);
            boolean promise = scan.before(back, FIRST_FUTURE, 25).isPresent();
            if (amount || promise) {
                return Optional.of(back);
            }
        }
        return Optional.empty();
    }

    private static int gap(Figures.Figure f, Hit h) {
        return Math.max(0, Math.max(f.start(), h.start()) - Math.min(f.end(), h.end()));
    }

    /** The offset of a quotation mark opening within {@code window} characters after {@code from}, or -1. */
    private static int quoteAfter(String text, int from, int window) {
        int to = Math.min(text.length(), from + window);
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (QUOTES.indexOf(c) >= 0 && (c != '\'' || i == 0 || !Character.isLetter(text.charAt(i - 1)))) {
                return i;
            }
        }
        return -1;
    }
}
