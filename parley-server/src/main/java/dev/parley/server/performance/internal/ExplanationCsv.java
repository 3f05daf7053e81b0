package dev.parley.server.performance.internal;

import dev.parley.core.evaluation.Evaluation;
import dev.parley.core.evaluation.Evaluation.MessageExplanation;
import dev.parley.core.evaluation.Evaluation.Skipped;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;
import tools.jackson.dataformat.csv.CsvWriteFeature;

/**
 * The per-message explanation of an evaluation as CSV (RFC 4180: CRLF line ends, fields quoted only when they
 * must be, with a header): the assessed messages, then the buyer
 * messages left out, each list by time then id. {@code outcome} is {@code responded}, {@code not_responded}, {@code
 * excluded} or {@code outside_hours}; the reply columns are empty unless responded.
 */
final class ExplanationCsv {
    private static final CsvMapper CSV =
            CsvMapper.builder().enable(CsvWriteFeature.STRICT_CHECK_FOR_QUOTING).build();
    private static final CsvSchema SCHEMA = CsvSchema.builder()
            .addColumn("messageId")
            .addColumn("conversationId")
            .addColumn("sentAt")
            .addColumn("outcome")
            .addColumn("replyId")
            .addColumn("replyAt")
            .addColumn("responseSeconds")
            .build()
            .withHeader()
            .withLineSeparator("\r\n");

    private ExplanationCsv() {}

    /** The CSV document of {@code e}'s explanation. */
    static String write(Evaluation e) {
        List<List<@Nullable String>> rows = new ArrayList<>();
        for (MessageExplanation m : e.messages()) {
            rows.add(java.util.Arrays.asList(
                    m.id(),
                    m.conversation(),
                    EvaluationJson.messageTime(m.at()),
                    m.responded() ? "responded" : "not_responded",
                    m.replyId(),
                    m.replyAt() == null ? null : EvaluationJson.messageTime(m.replyAt()),
                    m.responseSeconds() == null ? null : String.valueOf(m.responseSeconds())));
        }
        for (Skipped s : e.skipped()) {
            rows.add(java.util.Arrays.asList(
                    s.id(),
                    s.conversation(),
                    EvaluationJson.messageTime(s.at()),
                    s.reason().code(),
                    null,
                    null,
                    null));
        }
        return CSV.writer(SCHEMA).writeValueAsString(rows);
    }
}
