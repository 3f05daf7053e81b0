package dev.parley.server.web;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.parley.server.messaging.VerdictView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectMapper;

/** A message as the API represents it to this viewer; {@code verdict} only for seller messages. */
@JsonIgnoreProperties(ignoreUnknown = true)
record MessageView(
        String id,
        String conversationId,
        String sender,
        @Nullable String senderId,
        @Nullable Boolean automatic,
        String text,
        List<Attachment> attachments,
        @Nullable Card card,
        Instant sentAt,
        String status,
        @Nullable VerdictView verdict,
        @Nullable Boolean placeholder) {

    /** An attached file. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Attachment(String id, String name, String contentType, long size) {}

    /** A product or order card. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Card(String type, String id) {}

    static MessageView of(Map<String, ?> representation, ObjectMapper json) {
        return json.convertValue(representation, MessageView.class);
    }

    /** The verdict's action, or ALLOW when there is none (a buyer's message). */
    public String action() {
        return verdict == null ? "ALLOW" : verdict.action();
    }

    /** Whether an API token acting for nobody sent it (an automatic reply). */
    public boolean isAutomatic() {
        return Boolean.TRUE.equals(automatic);
    }

    /** Whether the checker found it only acknowledges (it does not stop the reply clock). */
    public boolean isPlaceholder() {
        return Boolean.TRUE.equals(placeholder);
    }

    /** The violations of the verdict, if any. */
    public List<VerdictView.ViolationView> violations() {
        return verdict == null ? List.of() : verdict.violations();
    }
}
