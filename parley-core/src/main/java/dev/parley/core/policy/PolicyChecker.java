package dev.parley.core.policy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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

    private PolicyChecker(PolicyConfig config, List<Detector> detectors) {
        this.config = config;
        this.detectors = List.copyOf(detectors);
    }

    /** A checker for {@code config}. */
    public static PolicyChecker create(PolicyConfig config) {
        OffPlatformContactDetector contact = new OffPlatformContactDetector(config);
        return new PolicyChecker(
                config, List.of(contact, new AttachmentDetector(contact), new BuyerContactDetector()));
    }

    /** The policy this checker applies. */
    public PolicyConfig config() {
        return config;
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

    /** Sorts findings and merges overlapping located findings of the same rule and kind. */
    static List<Finding> merge(List<Finding> findings) {
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(ORDER);
        List<Finding> merged = new ArrayList<>(sorted.size());
        for (Finding f : sorted) {
            Finding overlapping = null;
            for (int i = merged.size() - 1; i >= 0; i--) {
                Finding m = merged.get(i);
                if (m.rule() == f.rule() && Objects.equals(m.kind(), f.kind()) && sameRange(m, f)) {
                    overlapping = m;
                    merged.remove(i);
                    break;
                }
            }
            if (overlapping == null) {
                merged.add(f);
            } else if (f.located()) {
                merged.add(new Finding(
                        f.rule(),
                        f.kind(),
                        Math.min(f.start(), overlapping.start()),
                        Math.max(f.end(), overlapping.end())));
            } else {
                merged.add(overlapping);
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
