package dev.parley.server.performance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.core.evaluation.Evaluation;
import dev.parley.core.evaluation.Evaluation.MessageExplanation;
import dev.parley.core.evaluation.Evaluation.SkipReason;
import dev.parley.core.evaluation.Evaluation.Skipped;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExplanationCsvTest {
    private static final ZoneId SGT = ZoneId.of("Asia/Singapore");

    private static Evaluation explained(List<MessageExplanation> messages, List<Skipped> skipped) {
        return new Evaluation(
                Instant.parse("2026-11-15T16:00:00Z").atZone(SGT),
                Instant.parse("2026-10-31T16:00:00Z").atZone(SGT),
                "default",
                Evaluation.Status.NOT_EVALUATED,
                Evaluation.Reason.TOO_FEW_MESSAGES,
                messages.size(),
                (int) messages.stream().filter(MessageExplanation::responded).count(),
                null,
                null,
                null,
                null,
                messages,
                skipped);
    }

    @Test
    void writesAHeaderThenAssessedThenSkippedRowsWithEmptyReplyColumnsUnlessResponded() {
        Instant at = Instant.parse("2026-11-03T09:15:02.120Z");
        String csv = ExplanationCsv.write(explained(
                List.of(
                        new MessageExplanation("m-1", "c-1", at, "r-1", at.plusMillis(1500), 1.5, true),
                        new MessageExplanation("m-2", "c-1", at.plusSeconds(1), null, null, null, false)),
                List.of(new Skipped("m-3", "c-2", at.plusSeconds(2), SkipReason.OUTSIDE_HOURS))));
        assertThat(csv)
                .isEqualTo("messageId,conversationId,sentAt,outcome,replyId,replyAt,responseSeconds\r\n"
                        + "m-1,c-1,2026-11-03T09:15:02.120Z,responded,r-1,2026-11-03T09:15:03.620Z,1.5\r\n"
                        + "m-2,c-1,2026-11-03T09:15:03.120Z,not_responded,,,\r\n"
                        + "m-3,c-2,2026-11-03T09:15:04.120Z,outside_hours,,,\r\n");
    }

    @Test
    void quotesFieldsWithCommasQuotesAndLineBreaksAndDoublesTheirQuotes() {
        Instant at = Instant.parse("2026-11-03T09:15:02Z");
        String csv = ExplanationCsv.write(explained(
                List.of(),
                List.of(
                        new Skipped("id,with,commas", "say \"hi\"", at, SkipReason.EXCLUDED),
                        new Skipped("two\nlines", "plain", at.plusSeconds(1), SkipReason.EXCLUDED))));
        assertThat(csv.split("\r\n", -1))
                .containsExactly(
                        "messageId,conversationId,sentAt,outcome,replyId,replyAt,responseSeconds",
                        "\"id,with,commas\",\"say \"\"hi\"\"\",2026-11-03T09:15:02.000Z,excluded,,,",
                        "\"two\nlines\",plain,2026-11-03T09:15:03.000Z,excluded,,,",
                        "");
    }

    @Test
    void anEmptyExplanationIsJustTheHeader() {
        assertThat(ExplanationCsv.write(explained(List.of(), List.of())))
                .isEqualTo("messageId,conversationId,sentAt,outcome,replyId,replyAt,responseSeconds\r\n");
    }
}
