package dev.parley.core.policy;

import java.util.List;

/** One content rule, judged on the concepts and figures the {@link ContentDetector} found once for every rule. */
interface ContentRule {

    /** Adds what this rule finds in {@code content} to {@code findings}. */
    void detect(Content content, List<Finding> findings);

    /** A message as the content rules see it: the request, its concepts and its figures. */
    record Content(Message message, ContentScan scan, List<Figures.Figure> figures, Lexicon<Concept> lexicon) {

        /** The request being judged. */
        CheckRequest request() {
            return message.request();
        }
    }
}
