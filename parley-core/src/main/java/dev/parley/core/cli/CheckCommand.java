package dev.parley.core.cli;

import dev.parley.core.policy.Attachment;
import dev.parley.core.policy.CheckRequest;
import dev.parley.core.policy.Listing;
import dev.parley.core.policy.PolicyChecker;
import dev.parley.core.policy.PolicyConfig;
import dev.parley.core.policy.PolicyConfigException;
import dev.parley.core.policy.Verdict;
import dev.parley.core.policy.Violation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code parley check [--policy FILE] [FILE]}: judges seller messages, one JSON object per line, and writes one verdict
 * line per non-blank input line, in order, flushed after each (the format of policy-rules.md).
 */
final class CheckCommand {
    static final long MAX_ATTACHMENT_BYTES = 25L * 1024 * 1024;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String USAGE = """
            usage: parley check [--policy FILE] [FILE]

            Judges seller messages against the message policy. Reads JSON Lines from FILE, or from standard
            input when FILE is absent or "-", and writes one verdict per non-blank input line to standard output:
              in:  {"id": "m-1", "text": "...", "buyer_initiated": true,
                    "listing": {"language": "en", "price": 19.99, "currency": "USD", "return_days": 30,
                                "free_return": true, "warranty_months": 12},
                    "attachments": [{"name": "photo.png", "path": "relative/to/the/input/file.png"}],
                    "buyer_text": "...", "recent_seller_texts": ["..."], "region": "US"}
              out: {"id": "m-1", "action": "BLOCK", "violations": [{"rule": "off_platform_contact",
                    "clause": "3.4", "kind": "phone", "action": "BLOCK", "start": 8, "end": 20,
                    "evidence": "..."}], "policy_version": "..."}
            An invalid line gets {"id": ..., "error": "..."} in its place.

            options:
              --policy FILE   use the operator's policy file (YAML; see default-policy.yaml) instead of the defaults
              --help          show this help

            exit status: 0 all lines judged, 2 some input was invalid (or bad usage), 1 an internal failure
            """;

    private CheckCommand() {}

    static int run(String[] args, InputStream stdin, PrintStream out, PrintStream err) {
        String policyFile = null;
        String inputFile = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                out.print(USAGE);
                out.flush();
                return ParleyCommands.OK;
            } else if (arg.equals("--policy")) {
                if (i + 1 >= args.length) {
                    err.println("parley check: --policy needs a file");
                    return ParleyCommands.BAD_INPUT;
                }
                policyFile = args[++i];
            } else if (arg.startsWith("--policy=")) {
                policyFile = arg.substring("--policy=".length());
            } else if (arg.startsWith("-") && !arg.equals("-")) {
                err.println("parley check: unknown option \"" + arg + "\" (see parley check --help)");
                return ParleyCommands.BAD_INPUT;
            } else if (inputFile == null) {
                inputFile = arg;
            } else {
                err.println("parley check: only one input file may be given");
                return ParleyCommands.BAD_INPUT;
            }
        }
        PolicyConfig config;
        try {
            config = policyFile == null ? PolicyConfig.defaults() : PolicyConfig.load(Path.of(policyFile));
        } catch (PolicyConfigException e) {
            err.println("parley check: invalid policy " + e.getMessage());
            return ParleyCommands.BAD_INPUT;
        }
        boolean stdinInput = inputFile == null || inputFile.equals("-");
        Path baseDir = stdinInput
                ? Path.of("").toAbsolutePath()
                : Path.of(inputFile).toAbsolutePath().getParent();
        try (Reader reader = stdinInput
                ? new InputStreamReader(stdin, StandardCharsets.UTF_8)
                : Files.newBufferedReader(Path.of(inputFile), StandardCharsets.UTF_8)) {
            return judgeLines(new BufferedReader(reader), baseDir, PolicyChecker.create(config), out, err);
        } catch (IOException e) {
            err.println(
                    "parley check: cannot read " + (stdinInput ? "standard input" : inputFile) + ": " + e.getMessage());
            return stdinInput ? ParleyCommands.INTERNAL_FAILURE : ParleyCommands.BAD_INPUT;
        }
    }

    private static int judgeLines(
            BufferedReader reader, Path baseDir, PolicyChecker checker, PrintStream out, PrintStream err)
            throws IOException {
        boolean invalid = false;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (line.isBlank()) {
                continue;
            }
            String result;
            Parsed parsed = parse(line, baseDir);
            if (parsed.error != null) {
                invalid = true;
                result = error(parsed.id, parsed.error);
            } else {
                Verdict verdict;
                try {
                    verdict = checker.check(parsed.request);
                } catch (RuntimeException e) {
                    err.println("parley check: internal failure on line with id " + parsed.id + ": " + e);
                    return ParleyCommands.INTERNAL_FAILURE;
                }
                result = verdict(parsed.id, verdict);
            }
            out.println(result);
            out.flush();
            if (out.checkError()) {
                err.println("parley check: cannot write to standard output");
                return ParleyCommands.INTERNAL_FAILURE;
            }
        }
        return invalid ? ParleyCommands.BAD_INPUT : ParleyCommands.OK;
    }

    /** A line read: a request, or an error with the id when it could be read. */
    private record Parsed(
            @Nullable String id,
            @Nullable CheckRequest request,
            @Nullable String error) {
        static Parsed error(@Nullable String id, String error) {
            return new Parsed(id, null, error);
        }
    }

    private static Parsed parse(String line, Path baseDir) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JacksonException e) {
            return Parsed.error(null, "not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            return Parsed.error(null, "not a JSON object");
        }
        JsonNode idNode = node.get("id");
        if (idNode == null || !idNode.isString()) {
            return Parsed.error(null, "\"id\" is required and must be a string");
        }
        String id = idNode.asString();
        try {
            String text = optionalString(node, "text", "");
            boolean buyerInitiated = true;
            JsonNode bi = node.get("buyer_initiated");
            if (bi != null && !bi.isNull()) {
                if (!bi.isBoolean()) {
                    throw new InvalidInput("\"buyer_initiated\" must be true or false");
                }
                buyerInitiated = bi.asBoolean();
            }
            Listing listing = listing(node.get("listing"));
            List<Attachment> attachments = attachments(node.get("attachments"), baseDir);
            String buyerText = optionalString(node, "buyer_text", null);
            List<String> recent = new ArrayList<>();
            JsonNode r = node.get("recent_seller_texts");
            if (r != null && !r.isNull()) {
                if (!r.isArray()) {
                    throw new InvalidInput("\"recent_seller_texts\" must be a list of strings");
                }
                for (JsonNode t : r) {
                    if (!t.isString()) {
                        throw new InvalidInput("\"recent_seller_texts\" must be a list of strings");
                    }
                    recent.add(t.asString());
                }
            }
            String region = optionalString(node, "region", null);
            if (region != null && !region.matches("[A-Za-z]{2}")) {
                throw new InvalidInput("\"region\" must be a two-letter ISO 3166 code");
            }
            return new Parsed(
                    id, new CheckRequest(text, buyerInitiated, listing, attachments, buyerText, recent, region), null);
        } catch (InvalidInput e) {
            return Parsed.error(id, e.getMessage());
        }
    }

    private static @Nullable Listing listing(@Nullable JsonNode node) throws InvalidInput {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw new InvalidInput("\"listing\" must be an object");
        }
        String language = optionalString(node, "language", null);
        String currency = optionalString(node, "currency", null);
        BigDecimal price = null;
        JsonNode p = node.get("price");
        if (p != null && !p.isNull()) {
            if (!p.isNumber()) {
                throw new InvalidInput("\"listing.price\" must be a number");
            }
            price = p.decimalValue();
        }
        Integer returnDays = optionalInt(node, "return_days");
        Integer warrantyMonths = optionalInt(node, "warranty_months");
        Boolean freeReturn = null;
        JsonNode f = node.get("free_return");
        if (f != null && !f.isNull()) {
            if (!f.isBoolean()) {
                throw new InvalidInput("\"listing.free_return\" must be true or false");
            }
            freeReturn = f.asBoolean();
        }
        return new Listing(language, price, currency, returnDays, freeReturn, warrantyMonths);
    }

    private static List<Attachment> attachments(@Nullable JsonNode node, Path baseDir) throws InvalidInput {
        List<Attachment> attachments = new ArrayList<>();
        if (node == null || node.isNull()) {
            return attachments;
        }
        if (!node.isArray()) {
            throw new InvalidInput("\"attachments\" must be a list");
        }
        int index = 0;
        for (JsonNode a : node) {
            index++;
            if (!a.isObject()
                    || !a.path("path").isString()
                    || a.path("path").asString().isBlank()) {
                throw new InvalidInput("attachment " + index + " needs a \"path\" string");
            }
            String pathText = a.path("path").asString();
            String name = a.path("name").isString() ? a.path("name").asString() : pathText;
            Path path = baseDir.resolve(pathText);
            try {
                if (!Files.isRegularFile(path)) {
                    throw new InvalidInput("cannot read attachment \"" + pathText + "\": no such file");
                }
                if (Files.size(path) > MAX_ATTACHMENT_BYTES) {
                    throw new InvalidInput("attachment \"" + pathText + "\" is larger than 25 MB");
                }
                attachments.add(new Attachment(name, Files.readAllBytes(path)));
            } catch (IOException | SecurityException e) {
                throw new InvalidInput("cannot read attachment \"" + pathText + "\": " + e.getMessage());
            }
        }
        return attachments;
    }

    private static @Nullable String optionalString(JsonNode node, String field, @Nullable String absent)
            throws InvalidInput {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return absent;
        }
        if (!v.isString()) {
            throw new InvalidInput("\"" + field + "\" must be a string");
        }
        return v.asString();
    }

    private static @Nullable Integer optionalInt(JsonNode node, String field) throws InvalidInput {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new InvalidInput("\"listing." + field + "\" must be a whole number");
        }
        return v.asInt();
    }

    static String verdict(String id, Verdict verdict) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", id);
        root.put("action", verdict.action().name());
        ArrayNode violations = root.putArray("violations");
        for (Violation v : verdict.violations()) {
            ObjectNode o = violations.addObject();
            o.put("rule", v.rule().id());
            o.put("clause", v.clause());
            if (v.kind() == null) {
                o.putNull("kind");
            } else {
                o.put("kind", v.kind());
            }
            o.put("action", v.action().name());
            if (v.located()) {
                o.put("start", v.start());
                o.put("end", v.end());
                o.put("evidence", v.evidence());
            }
        }
        root.put("policy_version", verdict.policyVersion());
        return JSON.writeValueAsString(root);
    }

    static String error(@Nullable String id, String message) {
        ObjectNode root = JSON.createObjectNode();
        if (id == null) {
            root.putNull("id");
        } else {
            root.put("id", id);
        }
        root.put("error", message);
        return JSON.writeValueAsString(root);
    }

    /** A line that is not valid input. */
    private static final class InvalidInput extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidInput(String message) {
            super(message);
        }
    }
}
