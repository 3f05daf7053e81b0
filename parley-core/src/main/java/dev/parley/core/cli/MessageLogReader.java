package dev.parley.core.cli;

import dev.parley.core.evaluation.Sender;
import dev.parley.core.evaluation.ShopMessage;
import java.io.IOException;
import java.io.InputStream;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads the message log of {@code parley evaluate}: JSON Lines in any order, every line checked, grouped by shop. Blank
 * lines and unknown fields are ignored; anything else wrong is {@link BadInput} naming the first line with a problem.
 */
final class MessageLogReader {
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    private final ObjectMapper mapper;

    MessageLogReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Whether {@code t} lies in the years 0001 to 9999 (UTC), the times this command accepts. */
    static boolean inRange(Instant t) {
        return !t.isBefore(EARLIEST) && !t.isAfter(LATEST);
    }

    /** Every shop's messages, by shop id. */
    SortedMap<String, List<ShopMessage>> read(InputStream input) throws BadInput, IOException {
        ByteLines lines = new ByteLines(input);
        Map<String, ShopBuffer> shops = new HashMap<>();
        BadInput lineProblem = null;
        int lineNumber = 0;
        while (lines.next()) {
            lineNumber++;
            if (lineNumber == 1) {
                lines.skipByteOrderMark();
            }
            if (lines.blank()) {
                continue;
            }
            if (!lines.validUtf8()) {
                lineProblem = new BadInput(lineNumber, "not valid UTF-8");
                break;
            }
            try {
                parseLine(lines, lineNumber, shops);
            } catch (BadInput e) {
                lineProblem = e;
                break;
            }
        }
        BadInput duplicate = null;
        for (ShopBuffer shop : shops.values()) {
            BadInput d = shop.firstDuplicate();
            if (d != null && (duplicate == null || d.line() < duplicate.line())) {
                duplicate = d;
            }
        }
        if (duplicate != null && (lineProblem == null || duplicate.line() < lineProblem.line())) {
            throw duplicate;
        }
        if (lineProblem != null) {
            throw lineProblem;
        }
        SortedMap<String, List<ShopMessage>> result = new TreeMap<>();
        shops.forEach((shop, buffer) -> result.put(shop, buffer.messages));
        return result;
    }

    private void parseLine(ByteLines line, int lineNumber, Map<String, ShopBuffer> shops) throws BadInput {
        String shop = null;
        String conversation = null;
        String id = null;
        Sender sender = null;
        Instant at = null;
        boolean auto = false;
        boolean placeholder = false;
        boolean delivered = true;
        boolean excluded = false;
        int seen = 0;
        try (JsonParser p = mapper.tokenStreamFactory()
                .createParser(ObjectReadContext.empty(), line.buffer(), line.offset(), line.length())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new BadInput(lineNumber, "not a JSON object");
            }
            JsonToken token;
            while ((token = p.nextToken()) != JsonToken.END_OBJECT) {
                if (token != JsonToken.PROPERTY_NAME) {
                    throw new BadInput(lineNumber, "not valid JSON");
                }
                String name = p.currentName();
                JsonToken value = p.nextToken();
                int bit = Field.bit(name);
                if (bit != 0) {
                    if ((seen & bit) != 0) {
                        throw new BadInput(lineNumber, "field \"" + name + "\" given twice");
                    }
                    seen |= bit;
                }
                switch (name) {
                    case "shop" -> shop = string(p, value, name, lineNumber);
                    case "conversation" -> conversation = string(p, value, name, lineNumber);
                    case "id" -> id = string(p, value, name, lineNumber);
                    case "sender" -> sender = sender(string(p, value, name, lineNumber), lineNumber);
                    case "at" -> at = time(string(p, value, name, lineNumber), lineNumber);
                    case "auto" -> auto = bool(p, value, name, lineNumber);
                    case "placeholder" -> placeholder = bool(p, value, name, lineNumber);
                    case "delivered" -> delivered = bool(p, value, name, lineNumber);
                    case "excluded" -> excluded = bool(p, value, name, lineNumber);
                    default -> p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                throw new BadInput(lineNumber, "more than one JSON value on the line");
            }
        } catch (JacksonException e) {
            throw new BadInput(lineNumber, "not valid JSON (" + firstLine(e.getOriginalMessage()) + ")");
        }
        for (Field f : Field.values()) {
            if ((seen & f.bit) == 0 && f.required) {
                throw new BadInput(lineNumber, "missing field \"" + f.json + "\"");
            }
        }
        ShopBuffer buffer = shops.computeIfAbsent(shop, s -> new ShopBuffer(s));
        buffer.add(
                new ShopMessage(
                        buffer.conversation(conversation), id, sender, at, auto, placeholder, delivered, excluded),
                lineNumber);
    }

    private static String string(JsonParser p, JsonToken value, String name, int lineNumber) throws BadInput {
        if (value != JsonToken.VALUE_STRING) {
            throw new BadInput(lineNumber, "field \"" + name + "\" must be a string, not " + describe(p, value));
        }
        return p.getString();
    }

    private static boolean bool(JsonParser p, JsonToken value, String name, int lineNumber) throws BadInput {
        if (value == JsonToken.VALUE_TRUE) {
            return true;
        }
        if (value == JsonToken.VALUE_FALSE) {
            return false;
        }
        throw new BadInput(lineNumber, "field \"" + name + "\" must be true or false, not " + describe(p, value));
    }

    private static Sender sender(String value, int lineNumber) throws BadInput {
        return switch (value) {
            case "buyer" -> Sender.BUYER;
            case "seller" -> Sender.SELLER;
            case "system" -> Sender.SYSTEM;
            case "platform" -> Sender.PLATFORM;
            default -> throw new BadInput(lineNumber, "unknown sender " + quote(value));
        };
    }

    private static Instant time(String value, int lineNumber) throws BadInput {
        Instant t;
        try {
            t = OffsetTimes.parse(value);
        } catch (DateTimeException e) {
            if (parsesWithoutOffset(value)) {
                throw new BadInput(lineNumber, "time " + quote(value) + " has no offset");
            }
            throw new BadInput(lineNumber, "time " + quote(value) + " does not parse");
        }
        if (!inRange(t)) {
            throw new BadInput(lineNumber, "time " + quote(value) + " is outside the years 0001 to 9999");
        }
        return t;
    }

    private static boolean parsesWithoutOffset(String value) {
        try {
            LocalDateTime.parse(value);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static String describe(JsonParser p, JsonToken value) {
        return switch (value) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_NULL -> "null";
            case VALUE_STRING -> quote(p.getString());
            default -> p.getText();
        };
    }

    private static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        value.codePoints().limit(80).forEach(cp -> {
            if (cp == '"' || cp == '\\') {
                out.append('\\').appendCodePoint(cp);
            } else if (cp < 0x20) {
                out.append(String.format("\\u%04x", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        if (value.codePointCount(0, value.length()) > 80) {
            out.append("...");
        }
        return out.append('"').toString();
    }

    private static String firstLine(@Nullable String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    /** The fields this command reads, with a bit each to notice a missing or repeated one. */
    private enum Field {
        SHOP("shop", true),
        CONVERSATION("conversation", true),
        ID("id", true),
        SENDER("sender", true),
        AT("at", true),
        AUTO("auto", false),
        PLACEHOLDER("placeholder", false),
        DELIVERED("delivered", false),
        EXCLUDED("excluded", false);

        private final String json;
        private final boolean required;
        private final int bit;

        Field(String json, boolean required) {
            this.json = json;
            this.required = required;
            this.bit = 1 << ordinal();
        }

        static int bit(String name) {
            for (Field f : values()) {
                if (f.json.equals(name)) {
                    return f.bit;
                }
            }
            return 0;
        }
    }

    /** One shop's messages with the line each came from, to name the line of a repeated id. */
    private static final class ShopBuffer {
        private final String shop;
        private final List<ShopMessage> messages = new ArrayList<>();
        private final Map<String, String> conversations = new HashMap<>();
        private int[] lines = new int[16];

        ShopBuffer(String shop) {
            this.shop = shop;
        }

        String conversation(String name) {
            return conversations.computeIfAbsent(name, c -> c);
        }

        void add(ShopMessage message, int line) {
            int i = messages.size();
            if (i == lines.length) {
                lines = Arrays.copyOf(lines, i * 2);
            }
            lines[i] = line;
            messages.add(message);
        }

        /** The earliest line repeating an id of an earlier line, or null. */
        @Nullable
        BadInput firstDuplicate() {
            String[] ids = new String[messages.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = messages.get(i).id();
            }
            Arrays.sort(ids);
            boolean any = false;
            for (int k = 1; k < ids.length && !any; k++) {
                any = ids[k].equals(ids[k - 1]);
            }
            if (!any) {
                return null;
            }
            // rare: find the earliest line whose id an earlier line already had
            Map<String, Integer> firstLine = new HashMap<>();
            int repeatLine = Integer.MAX_VALUE;
            String repeated = null;
            for (int i = 0; i < messages.size(); i++) {
                Integer earlier = firstLine.putIfAbsent(messages.get(i).id(), lines[i]);
                if (earlier != null && lines[i] < repeatLine) {
                    repeatLine = lines[i];
                    repeated = messages.get(i).id();
                }
            }
            return new BadInput(
                    repeatLine,
                    "duplicate id " + quote(Objects.requireNonNull(repeated)) + " in shop " + quote(shop)
                            + " (first on line " + firstLine.get(repeated) + ")");
        }
    }
}
