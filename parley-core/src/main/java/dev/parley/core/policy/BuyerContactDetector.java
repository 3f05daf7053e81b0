package dev.parley.core.policy;

import java.util.List;

/** A message to a buyer who never wrote to the shop (clause 3.2, kind {@code no_buyer_contact}). */
final class BuyerContactDetector implements Detector {

    @Override
    public void detect(Message message, List<Finding> findings) {
        if (!message.request().buyerInitiated()) {
            findings.add(Finding.unlocated(Rule.UNSOLICITED_MARKETING, "no_buyer_contact"));
        }
    }
}
