package dev.parley.server.messaging.internal;

import dev.parley.server.shared.ProblemException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Reads a message body by hand, so that a send is judged in the order the API fixes, and says what is wrong. */
final class DraftParser {

    private DraftParser() {}

    /** A card: a product or an order shown in the conversation. */
    record Card(String type, String id) {}

    /** A parsed message: text (empty when absent), attachment ids, card, client message id, and a hash of the body. */
    record Draft(
            String text,
            List<String> attachmentIds,
            @Nullable Card card,
            @Nullable String clientMessageId,
            String hash) {}

    static JsonNode tree(ObjectMapper json, byte[] body) {
        if (body.length == 0) {
            throw ProblemException.invalid("the request body is empty; send a JSON object");
        }
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (JacksonException e) {
            throw ProblemException.invalid("the request body is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw ProblemException.invalid("the request body must be a JSON object");
        }
        return node;
    }

    /** The client message id when the body carries a usable one (validated fully later). */
    static @Nullable String clientMessageId(JsonNode node) {
        JsonNode id = node.get("clientMessageId");
        if (id != null
                && id.isString()
                && !id.stringValue().isEmpty()
                && id.stringValue().length() <= 64) {
            return id.stringValue();
        }
        return null;
    }

    static Draft draft(JsonNode node, int maxText, int maxAttachments, boolean textRequired) {
        List<String> errors = new ArrayList<>();
        String text = "";
        JsonNode t = node.get("text");
        if (t != null && !t.isNull()) {
            if (!t.isString()) {
                errors.add("text: must be a string");
            } else {
                text = t.stringValue();
                if (text.length() > maxText) {
                    errors.add("text: at most " + maxText + " characters (this one has " + text.length() + ")");
                }
                if (text.indexOf('\u0000') >= 0) {
                    errors.add("text: must not contain NUL characters");
                }
            }
        }
        List<String> attachmentIds = new ArrayList<>();
        JsonNode a = node.get("attachmentIds");
        if (a != null && !a.isNull()) {
            if (!a.isArray()) {
                errors.add("attachmentIds: must be an array of attachment ids");
            } else {
                for (JsonNode id : a) {
                    if (!id.isString()
                            || id.stringValue().isBlank()
                            || id.stringValue().length() > 40) {
                        errors.add("attachmentIds: each must be an attachment id (a string)");
                        break;
                    }
                    attachmentIds.add(id.stringValue());
                }
                attachmentIds = List.copyOf(new LinkedHashSet<>(attachmentIds));
                if (attachmentIds.size() > maxAttachments) {
                    errors.add("attachmentIds: at most " + maxAttachments + " attachments");
                }
            }
        }
        Card card = null;
        JsonNode c = node.get("card");
        if (c != null && !c.isNull()) {
            JsonNode type = c.get("type");
            JsonNode id = c.get("id");
            if (!c.isObject()
                    || type == null
                    || !type.isString()
                    || !(type.stringValue().equals("product")
                            || type.stringValue().equals("order"))
                    || id == null
                    || !id.isString()
                    || id.stringValue().isBlank()
                    || id.stringValue().length() > 64) {
                errors.add("card: must be {\"type\": \"product\" | \"order\", \"id\": \"…\"}");
            } else {
                card = new Card(type.stringValue(), id.stringValue());
            }
        }
        String clientMessageId = null;
        JsonNode cm = node.get("clientMessageId");
        if (cm != null && !cm.isNull()) {
            if (!cm.isString() || cm.stringValue().isEmpty() || cm.stringValue().length() > 64) {
                errors.add("clientMessageId: must be a string of 1 to 64 characters");
            } else {
                clientMessageId = cm.stringValue();
            }
        }
        if (errors.isEmpty()) {
            if (textRequired && text.isBlank() && card == null && attachmentIds.isEmpty()) {
                errors.add("text: a message needs text, an attachment or a card");
            } else if (text.isBlank() && attachmentIds.isEmpty() && card == null) {
                errors.add("a message needs text, attachmentIds or a card");
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(String.join("; ", errors), errors);
        }
        return new Draft(text, attachmentIds, card, clientMessageId, hash(text, attachmentIds, card));
    }

    static @Nullable String optionalId(JsonNode node, String field, List<String> errors) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isString() || v.stringValue().isBlank() || v.stringValue().length() > 64) {
            errors.add(field + ": must be an id (a string of at most 64 characters)");
            return null;
        }
        return v.stringValue();
    }

    private static String hash(String text, List<String> attachmentIds, @Nullable Card card) {
        String canonical = Map.of(
                        "t",
                        text,
                        "a",
                        String.join("\u0001", attachmentIds),
                        "c",
                        card == null ? "" : card.type() + "\u0001" + card.id())
                .entrySet()
                .stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "\u0002" + e.getValue())
                .reduce("", (x, y) -> x + "\u0003" + y);
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
