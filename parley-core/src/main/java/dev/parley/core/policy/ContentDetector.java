package dev.parley.core.policy;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The content rules (abuse 3.3, promotion 3.2, prohibited use 3.5, review manipulation 3.6, misleading claims 4.1 and
 * terms downgrades 4.2): one pass of the concept lexicon per message, and one pass of the figure parser when a rule
 * needs figures, shared by every rule.
 */
final class ContentDetector implements Detector {
    private final Lexicon<Concept> lexicon;
    private final List<ContentRule> rules;

    ContentDetector(PolicyConfig config) {
        this.lexicon = ContentLexicon.forConfig(config);
        this.rules = List.of(
                new AbuseRule(),
                new ReviewRule(),
                new PromotionRule(),
                new ProhibitedUseRule(),
                new ListingTermsRule());
    }

    /** Whether {@code text} is advertising: what makes a repeated message spam (clause 3.5). */
    boolean advertising(String text) {
        return !text.isEmpty() && Repetition.advertising(ContentScan.of(text, lexicon));
    }

    @Override
    public void detect(Message message, List<Finding> findings) {
        judge(message, findings);
    }

    /** Adds the findings of every content rule to {@code findings}; returns the concepts found (null if no text). */
    @Nullable
    ContentScan judge(Message message, List<Finding> findings) {
        if (message.text().isEmpty()) {
            return null;
        }
        ContentScan scan = ContentScan.of(ContentText.of(message.normalized()), lexicon);
        ContentRule.Content content = new ContentRule.Content(message, scan, lexicon);
        for (ContentRule rule : rules) {
            rule.detect(content, findings);
        }
        return scan;
    }
}
