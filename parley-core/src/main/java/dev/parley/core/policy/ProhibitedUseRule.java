package dev.parley.core.policy;

import static dev.parley.core.policy.Concept.*;

import dev.parley.core.policy.ContentScan.Hit;
import java.util.List;
import java.util.Optional;

/**
 * Prohibited use of messaging (clause 3.5), except malware: a rival seller named next to an accusation
 * ({@code defamation}); a secret asked for (password, one-time code, card security code, PIN) unless the text warns
 * against sharing it ({@code phishing}); fake orders, fake invoices, counterfeits offered by the seller, customs
 * under-declaration, prescription drugs without prescription, drugs and firearms ({@code illegal}); advertising repeated within the message or across the
 * seller's recent messages ({@code spam}, see {@link Repetition}).
 */
final class ProhibitedUseRule implements ContentRule {
    private static final Rule RULE = Rule.PROHIBITED_USE;

    @Override
    public void detect(Content content, List<Finding> findings) {
        ContentScan scan = content.scan();
        for (Hit accusation : scan.of(ACCUSATION)) {
            scan.nearAny(accusation, 60, OTHER_SELLER, DONT_BUY)
                    .ifPresent(rival -> findings.add(ContentScan.span(RULE, "defamation", rival, accusation)));
        }
        for (Hit secret : scan.of(SECRET)) {
            Optional<Hit> ask = scan.near(secret, ASK, 40);
            if (ask.isPresent() && scan.near(secret, SAFETY_WARNING, 80).isEmpty()) {
                findings.add(ContentScan.span(RULE, "phishing", ask.get(), secret));
            }
        }
        illegal(scan, findings);
        Repetition.find(content, findings);
    }

    private static void illegal(ContentScan scan, List<Finding> findings) {
        for (Hit h : scan.of(ILLEGAL)) {
            if (scan.before(h, NEGATION, 10).isEmpty()) {
                findings.add(ContentScan.span(RULE, "illegal", h));
            }
        }
        for (Hit fake : scan.of(COUNTERFEIT)) {
            if (scan.before(fake, NEGATION, 10).isEmpty()
                    && scan.nearAny(fake, 60, OTHER_SELLER, DONT_BUY).isEmpty()) {
                findings.add(ContentScan.span(RULE, "illegal", fake));
            }
        }
        for (Hit boost : scan.of(BOOST_SALES)) {
            scan.near(boost, REFUND, 80)
                    .ifPresent(refund -> findings.add(ContentScan.span(RULE, "illegal", refund, boost)));
        }
        for (Hit evade : scan.of(EVADE)) {
            scan.near(evade, CUSTOMS, 60)
                    .ifPresent(customs -> findings.add(ContentScan.span(RULE, "illegal", evade, customs)));
        }
        for (Hit noRx : scan.of(NO_PRESCRIPTION)) {
            scan.near(noRx, DRUG, 40).ifPresent(drug -> findings.add(ContentScan.span(RULE, "illegal", drug, noRx)));
        }
    }
}
