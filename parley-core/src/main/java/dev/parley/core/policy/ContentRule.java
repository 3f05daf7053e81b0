package dev.parley.core.policy;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One content rule, judged on the concepts and figures the {@link ContentDetector} found once for every rule. */
interface ContentRule {

    /** Adds what this rule finds in {@code content} to {@code findings}. */
    void detect(Content content, List<Finding> findings);

    /** A message as the content rules see it: the request, its concepts, and its figures, parsed on first use. */
    final class Content {
        private final Message message;
        private final ContentScan scan;
        private final Lexicon<Concept> lexicon;
        private @Nullable List<Figures.Figure> figures;

        Content(Message message, ContentScan scan, Lexicon<Concept> lexicon) {
            this.message = message;
            this.scan = scan;
            this.lexicon = lexicon;
        }

        /** The message being judged. */
        Message message() {
            return message;
        }

        /** The concepts found in the message. */
        ContentScan scan() {
            return scan;
        }

        /** The lexicon the message was scanned with, for scanning other texts alike. */
        Lexicon<Concept> lexicon() {
            return lexicon;
        }

        /** The request being judged. */
        CheckRequest request() {
            return message.request();
        }

        /** The figures of the message (amounts, percentages, durations), parsed once on first use. */
        List<Figures.Figure> figures() {
            if (figures == null) {
                figures = Figures.of(message.normalized());
            }
            return figures;
        }
    }
}
