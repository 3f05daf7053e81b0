package dev.parley.server.performance.internal;

import dev.parley.core.evaluation.Evaluation;
import dev.parley.core.evaluation.Evaluation.MessageExplanation;
import dev.parley.core.evaluation.Evaluation.Skipped;
import dev.parley.server.performance.CurrentPeriod;
import dev.parley.server.performance.ShopEvaluation;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The API's representation of evaluations: camelCase members, instants of the period in the shop's zone ({@code
 * uuuu-MM-dd'T'HH:mm:ssxxx}), message times in UTC with three decimals, as evaluation.md writes them.
 */
final class EvaluationJson {
    /** How evaluation and period instants are written. */
    static final DateTimeFormatter INSTANT_IN_ZONE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");
    /** How message times are written. */
    static final DateTimeFormatter MESSAGE_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private EvaluationJson() {}

    /** A stored evaluation, with its explanation when {@code explained}. */
    static Map<String, @Nullable Object> stored(ShopEvaluation s, boolean explained) {
        Map<String, @Nullable Object> json = figures(s.shopId(), s.evaluation());
        json.put("revision", s.revision());
        json.put("latestRevision", s.latestRevision());
        json.put("cause", s.cause());
        json.put("computedAt", s.computedAt().toString());
        if (explained) {
            explanation(json, s.evaluation());
        }
        return json;
    }

    /** The figures so far of the open period, explained. */
    static Map<String, @Nullable Object> current(CurrentPeriod c) {
        Map<String, @Nullable Object> json = figures(c.shopId(), c.figures());
        json.put("asOf", c.asOf().toString());
        explanation(json, c.figures());
        return json;
    }

    private static Map<String, @Nullable Object> figures(String shopId, Evaluation e) {
        Map<String, @Nullable Object> json = new LinkedHashMap<>();
        json.put("shopId", shopId);
        json.put("evaluatedAt", inZone(e.evaluatedAt()));
        json.put("periodStart", inZone(e.periodStart()));
        json.put("zone", e.evaluatedAt().getZone().getId());
        json.put("status", e.status().name());
        json.put("reason", e.reason() == null ? null : e.reason().code());
        json.put("assessed", e.assessed());
        json.put("responded", e.responded());
        json.put("responseRate", e.responseRate());
        json.put("meanResponseSeconds", e.meanResponseSeconds());
        json.put("medianResponseSeconds", e.medianResponseSeconds());
        json.put("p90ResponseSeconds", e.p90ResponseSeconds());
        json.put("policyVersion", e.policyVersion());
        return json;
    }

    private static void explanation(Map<String, @Nullable Object> json, Evaluation e) {
        List<Map<String, @Nullable Object>> messages =
                e.messages().stream().map(EvaluationJson::message).toList();
        List<Map<String, @Nullable Object>> skipped =
                e.skipped().stream().map(EvaluationJson::skipped).toList();
        json.put("messages", messages);
        json.put("skipped", skipped);
    }

    private static Map<String, @Nullable Object> message(MessageExplanation m) {
        Map<String, @Nullable Object> json = new LinkedHashMap<>();
        json.put("id", m.id());
        json.put("conversationId", m.conversation());
        json.put("at", messageTime(m.at()));
        json.put("replyId", m.replyId());
        json.put("replyAt", m.replyAt() == null ? null : messageTime(m.replyAt()));
        json.put("responseSeconds", m.responseSeconds());
        json.put("responded", m.responded());
        return json;
    }

    private static Map<String, @Nullable Object> skipped(Skipped s) {
        Map<String, @Nullable Object> json = new LinkedHashMap<>();
        json.put("id", s.id());
        json.put("conversationId", s.conversation());
        json.put("at", messageTime(s.at()));
        json.put("reason", s.reason().code());
        return json;
    }

    static String inZone(ZonedDateTime t) {
        return INSTANT_IN_ZONE.format(t);
    }

    static String messageTime(Instant t) {
        return MESSAGE_TIME.format(t);
    }
}
