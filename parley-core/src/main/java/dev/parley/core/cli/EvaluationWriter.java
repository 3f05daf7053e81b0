package dev.parley.core.cli;

import dev.parley.core.evaluation.Evaluation;
import dev.parley.core.evaluation.Evaluation.MessageExplanation;
import dev.parley.core.evaluation.Evaluation.Skipped;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;

/** Writes evaluations as the JSON lines of {@code parley evaluate}, with the field names and formats of the spec. */
final class EvaluationWriter {
    private static final DateTimeFormatter ZONED = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");
    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final JsonGenerator out;
    private final boolean explain;

    EvaluationWriter(JsonGenerator out, boolean explain) {
        this.out = out;
        this.explain = explain;
    }

    /** Writes one line: {@code shop}'s evaluation {@code e}. */
    void write(String shop, Evaluation e) {
        out.writeStartObject();
        out.writeStringProperty("shop", shop);
        out.writeStringProperty("evaluated_at", ZONED.format(e.evaluatedAt()));
        out.writeStringProperty("period_start", ZONED.format(e.periodStart()));
        out.writeStringProperty("status", e.status().name());
        out.writeName("reason");
        if (e.reason() == null) {
            out.writeNull();
        } else {
            out.writeString(e.reason().code());
        }
        out.writeNumberProperty("assessed", e.assessed());
        out.writeNumberProperty("responded", e.responded());
        number("response_rate", e.responseRate());
        number("mean_response_seconds", e.meanResponseSeconds());
        number("median_response_seconds", e.medianResponseSeconds());
        number("p90_response_seconds", e.p90ResponseSeconds());
        if (explain) {
            out.writeArrayPropertyStart("messages");
            for (MessageExplanation m : e.messages()) {
                out.writeStartObject();
                out.writeStringProperty("id", m.id());
                out.writeStringProperty("at", UTC.format(m.at()));
                nullableString("reply_id", m.replyId());
                nullableString("reply_at", m.replyAt() == null ? null : UTC.format(m.replyAt()));
                number("response_seconds", m.responseSeconds());
                out.writeBooleanProperty("responded", m.responded());
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeArrayPropertyStart("skipped");
            for (Skipped s : e.skipped()) {
                out.writeStartObject();
                out.writeStringProperty("id", s.id());
                out.writeStringProperty("reason", s.reason().code());
                out.writeEndObject();
            }
            out.writeEndArray();
        }
        out.writeEndObject();
        out.writeRaw('\n');
    }

    private void number(String name, @Nullable Double value) {
        out.writeName(name);
        if (value == null) {
            out.writeNull();
        } else {
            out.writeNumber(value);
        }
    }

    private void nullableString(String name, @Nullable String value) {
        out.writeName(name);
        if (value == null) {
            out.writeNull();
        } else {
            out.writeString(value);
        }
    }
}
