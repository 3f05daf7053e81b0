package dev.parley.server.performance.internal;

import dev.parley.core.evaluation.Evaluation;
import dev.parley.core.evaluation.Evaluation.MessageExplanation;
import dev.parley.core.evaluation.Evaluation.Skipped;
import dev.parley.core.evaluation.EvaluationSettings;
import dev.parley.core.evaluation.Evaluator;
import dev.parley.core.evaluation.Sender;
import dev.parley.core.evaluation.ShopMessage;
import dev.parley.server.messaging.MessageLog;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.springframework.stereotype.Component;

/** Reads a shop's message log into the core's evaluator (evaluation.md, "Definitions"). */
@Component
public class EvaluationComputer {
    private final MessageLog log;

    EvaluationComputer(MessageLog log) {
        this.log = log;
    }

    /**
     * The explained evaluation of the period {@code (periodStart, evaluatedAt]} as of {@code evaluatedAt}: from the
     * messages accepted at or before it, with what is known now of their delivery and exclusion.
     */
    public Evaluation period(
            String shopId, Instant periodStart, Instant evaluatedAt, ZoneId zone, EvaluationSettings settings) {
        List<ShopMessage> messages = messages(shopId, periodStart.minus(settings.window()), evaluatedAt);
        return Evaluator.of(zone, settings).evaluatePeriod(messages, periodStart, evaluatedAt);
    }

    /** The figures so far of the period open at {@code now}. */
    public Evaluation current(String shopId, Instant now, ZoneId zone, EvaluationSettings settings) {
        Evaluator evaluator = Evaluator.of(zone, settings);
        Instant start = evaluator.calendar().atOrBefore(now);
        return evaluator.currentPeriod(messages(shopId, start.minus(settings.window()), now), now);
    }

    private List<ShopMessage> messages(String shopId, Instant after, Instant until) {
        List<ShopMessage> messages = new ArrayList<>();
        log.forEach(
                shopId,
                after,
                until,
                m -> messages.add(new ShopMessage(
                        m.conversationId(),
                        m.messageId(),
                        Sender.valueOf(m.sender().name()),
                        m.sentAt(),
                        m.automatic(),
                        m.placeholder(),
                        m.delivered(),
                        m.excluded())));
        return messages;
    }

    /** A digest of everything an evaluation says (figures and explanation), to tell whether a recomputation differs. */
    public static String fingerprint(Evaluation e) {
        StringBuilder s = new StringBuilder(256)
                .append(e.evaluatedAt().toInstant())
                .append('|')
                .append(e.periodStart().toInstant())
                .append('|')
                .append(e.policyVersion())
                .append('|')
                .append(e.status())
                .append('|')
                .append(e.reason())
                .append('|')
                .append(e.assessed())
                .append('|')
                .append(e.responded())
                .append('|')
                .append(e.responseRate())
                .append('|')
                .append(e.meanResponseSeconds())
                .append('|')
                .append(e.medianResponseSeconds())
                .append('|')
                .append(e.p90ResponseSeconds());
        for (MessageExplanation m : e.messages()) {
            s.append("\nA|")
                    .append(m.id())
                    .append('|')
                    .append(m.conversation())
                    .append('|')
                    .append(m.at())
                    .append('|')
                    .append(m.replyId())
                    .append('|')
                    .append(m.replyAt())
                    .append('|')
                    .append(m.responded());
        }
        for (Skipped m : e.skipped()) {
            s.append("\nS|")
                    .append(m.id())
                    .append('|')
                    .append(m.conversation())
                    .append('|')
                    .append(m.at())
                    .append('|')
                    .append(m.reason());
        }
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(s.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e1) {
            throw new IllegalStateException("SHA-256 is missing", e1);
        }
    }
}
