package dev.parley.bench.policy;

import dev.parley.core.policy.CheckRequest;
import dev.parley.core.policy.Listing;
import dev.parley.core.policy.PolicyChecker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The dev corpus messages as text-only check requests (the text pipeline; attachments are left out). */
final class DevCorpus {
    private DevCorpus() {}

    /** The corpus file: {@code -Dparley.corpus=DIR}, else a parent's {@code shared/corpus}, else /work/shared. */
    static Path file() {
        String property = System.getProperty("parley.corpus");
        if (property != null) {
            return Path.of(property).resolve("policy-dev.jsonl");
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared/corpus/policy-dev.jsonl");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return Path.of("/work/shared/corpus/policy-dev.jsonl");
    }

    /** The messages of {@code messages} that {@code checker} judges without calling Lingua. */
    static List<CheckRequest> withoutLingua(PolicyChecker checker, List<CheckRequest> messages) {
        List<CheckRequest> out = new ArrayList<>();
        for (CheckRequest m : messages) {
            long before = PolicyChecker.linguaCalls();
            checker.check(m);
            if (PolicyChecker.linguaCalls() == before) {
                out.add(m);
            }
        }
        return out;
    }

    static List<CheckRequest> requests() {
        JsonMapper json = JsonMapper.builder().build();
        List<CheckRequest> requests = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file(), StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode item = json.readTree(line);
                JsonNode l = item.get("listing");
                Listing listing = l == null || l.isNull()
                        ? null
                        : new Listing(
                                l.hasNonNull("language") ? l.get("language").asString() : null,
                                l.hasNonNull("price")
                                        ? new BigDecimal(l.get("price").asString())
                                        : null,
                                l.hasNonNull("currency") ? l.get("currency").asString() : null,
                                l.hasNonNull("return_days")
                                        ? l.get("return_days").asInt()
                                        : null,
                                l.hasNonNull("free_return")
                                        ? l.get("free_return").asBoolean()
                                        : null,
                                l.hasNonNull("warranty_months")
                                        ? l.get("warranty_months").asInt()
                                        : null);
                requests.add(new CheckRequest(
                        item.path("text").asString(""),
                        item.path("buyer_initiated").asBoolean(true),
                        listing,
                        List.of(),
                        null,
                        List.of(),
                        null));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return requests;
    }
}
