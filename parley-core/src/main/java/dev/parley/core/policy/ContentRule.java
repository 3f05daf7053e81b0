package dev.parley.core.policy;

import java.util.ArrayList;
import java.util.Comparator;
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

        /** The figures of the message (amounts, percentages, durations) by start offset, parsed once on first use. */
        List<Figures.Figure> figures() {
            if (figures == null) {
                List<Figures.Figure> parsed = new ArrayList<>(Figures.of(message.normalized()));
                parsed.sort(Comparator.comparingInt(Figures.Figure::start));
                figures = parsed;
            }
            return figures;
        }

        /** The figures that overlap the original range {@code [from, to)}, found by binary search. */
        List<Figures.Figure> figuresBetween(int from, int to) {
            List<Figures.Figure> all = figures();
            int lo = 0;
            int hi = all.size();
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (all.get(mid).start() < from - Figures.MAX_LENGTH) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            List<Figures.Figure> out = new ArrayList<>(2);
            for (int i = lo; i < all.size() && all.get(i).start() < to; i++) {
                if (all.get(i).end() > from) {
                    out.add(all.get(i));
                }
            }
            return out;
        }
    }
}
