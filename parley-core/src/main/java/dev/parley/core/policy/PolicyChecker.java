package dev.parley.core.policy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Judges seller messages against the rule catalogue; immutable and safe to share between threads. */
public final class PolicyChecker {
    private static final Comparator<Finding> ORDER = Comparator.comparing((Finding f) -> !f.located())
            .thenComparingInt(Finding::start)
            .thenComparingInt(Finding::end)
            .thenComparing(Finding::rule)
            .thenComparing(f -> Objects.requireNonNullElse(f.kind(), ""));

    private final PolicyConfig config;
    private final List<Detector> detectors;
    private final ContentDetector content;

    private PolicyChecker(PolicyConfig config, List<Detector> detectors, ContentDetector content) {
        this.config = config;
        this.detectors = List.copyOf(detectors);
        this.content = content;
    }

    /** A checker for {@code config}. */
    public static PolicyChecker create(PolicyConfig config) {
        OffPlatformContactDetector contact = new OffPlatformContactDetector(config);
        ContentDetector content = new ContentDetector(config);
        return new PolicyChecker(
                config,
                List.of(
                        contact,
                        new AttachmentDetector(contact),
                        new BuyerContactDetector(),
                        content,
                        new LanguageMismatchDetector()),
                content);
    }

    /** The policy this checker applies. */
    public PolicyConfig config() {
        return config;
    }

    /**
     * Whether {@code text} is advertising under this policy's lexicons: only advertising that repeats the seller's
     * recent messages is spam (clause 3.5), so a caller that looks the seller's history up can skip it otherwise.
     */
    public boolean advertising(String text) {
        return content.advertising(text);
    }

    /**
     * How many texts the language rule has handed to Lingua in this JVM since start (its costliest step; the rule calls
     * it only when cheaper signals cannot decide), so that benchmarks and metrics can report the share.
     */
    public static long linguaCalls() {
        return LanguageMismatchDetector.linguaCalls();
    }

    /** The verdict for {@code request}. */
    public Verdict check(CheckRequest request) {
        Message message = Message.of(request);
        List<Finding> findings = new ArrayList<>();
        for (Detector detector : detectors) {
            detector.detect(message, findings);
        }
        return verdictOf(request.text(), merge(findings));
    }

    private Verdict verdictOf(String text, List<Finding> findings) {
        Action action = Action.ALLOW;
        List<Violation> violations = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            Action ruleAction = config.actionFor(f.rule());
            action = action.max(ruleAction);
            violations.add(
                    f.located()
                            ? new Violation(
                                    f.rule(),
                                    f.kind(),
                                    ruleAction,
                                    f.start(),
                                    f.end(),
                                    text.substring(f.start(), f.end()))
                            : new Violation(f.rule(), f.kind(), ruleAction, null, null, null));
        }
        return new Verdict(action, violations, config.version());
    }

    /** Sorts findings and merges overlapping located findings of the same rule and kind, in one pass. */
    static List<Finding> merge(List<Finding> findings) {
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(ORDER);
        List<Finding> merged = new ArrayList<>(sorted.size());
        // the index in merged of the last finding of each rule and kind: sorted by start, only it can overlap
        Map<String, Integer> last = new HashMap<>();
        for (Finding f : sorted) {
            String key = f.rule().name() + "/" + f.kind() + "/" + f.located();
            Integer at = last.get(key);
            Finding m = at == null ? null : merged.get(at);
            if (m != null && sameRange(m, f)) {
                if (f.located()) {
                    merged.set(
                            at,
                            new Finding(
                                    f.rule(), f.kind(), Math.min(f.start(), m.start()), Math.max(f.end(), m.end())));
                }
            } else {
                last.put(key, merged.size());
                merged.add(f);
            }
        }
        merged.sort(ORDER);
        return merged;
    }

    private static boolean sameRange(Finding a, Finding b) {
        if (!a.located() || !b.located()) {
            return !a.located() && !b.located();
        }
        return a.start() < b.end() && b.start() < a.end();
    }
}
