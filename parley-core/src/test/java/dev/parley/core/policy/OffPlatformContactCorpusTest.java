package dev.parley.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.core.support.SharedCorpus;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The off-platform contact rule (and attachment malware) over the dev corpus: recall and precision of
 * {@code off_platform_contact}, and the share of clean messages this rule alone would hold or block. The whole-checker
 * table over every rule is {@code PolicyCorpusTest}.
 */
class OffPlatformContactCorpusTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static CheckRequest request(JsonNode item, Path corpus) throws IOException {
        JsonNode l = item.get("listing");
        Listing listing = l == null || l.isNull()
                ? null
                : new Listing(
                        text(l, "language"),
                        l.hasNonNull("price") ? new BigDecimal(l.get("price").asString()) : null,
                        text(l, "currency"),
                        l.hasNonNull("return_days") ? l.get("return_days").asInt() : null,
                        l.hasNonNull("free_return") ? l.get("free_return").asBoolean() : null,
                        l.hasNonNull("warranty_months")
                                ? l.get("warranty_months").asInt()
                                : null);
        List<Attachment> attachments = new ArrayList<>();
        if (item.hasNonNull("attachments")) {
            for (JsonNode a : item.get("attachments")) {
                attachments.add(new Attachment(
                        a.path("name").asString(""),
                        Files.readAllBytes(corpus.resolve(a.get("path").asString()))));
            }
        }
        return new CheckRequest(
                item.path("text").asString(""),
                item.path("buyer_initiated").asBoolean(true),
                listing,
                attachments,
                null,
                List.of(),
                null);
    }

    private static @Nullable String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asString() : null;
    }

    @Test
    void offPlatformContactRecallAndPrecisionOnTheDevCorpus() throws IOException {
        Path corpus = SharedCorpus.dir();
        PolicyChecker checker = PolicyChecker.create(PolicyConfig.defaults());
        int truePositives = 0;
        int expected = 0;
        int flagged = 0;
        int clean = 0;
        int cleanBlockedOrHeld = 0;
        int malwareExpected = 0;
        int malwareFound = 0;
        List<String> misses = new ArrayList<>();
        List<String> falseAlarms = new ArrayList<>();
        for (String line : Files.readAllLines(corpus.resolve("policy-dev.jsonl"), StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode item = JSON.readTree(line);
            JsonNode expect = item.get("expect");
            boolean wants = expect.get("rules").toString().contains("\"off_platform_contact\"");
            Verdict verdict = checker.check(request(item, corpus));
            boolean got = verdict.has(Rule.OFF_PLATFORM_CONTACT);
            expected += wants ? 1 : 0;
            flagged += got ? 1 : 0;
            truePositives += wants && got ? 1 : 0;
            if (wants && !got) {
                misses.add(item.get("id").asString());
            }
            if (!wants && got) {
                falseAlarms.add(item.get("id").asString() + " " + verdict.violations());
            }
            if (expect.get("rules").isEmpty()) {
                clean++;
                boolean ours = verdict.violations().stream()
                        .anyMatch(v -> v.rule() == Rule.OFF_PLATFORM_CONTACT || "malware".equals(v.kind()));
                cleanBlockedOrHeld += ours ? 1 : 0;
            }
            if (expect.get("kinds").toString().contains("\"malware\"")) {
                malwareExpected++;
                malwareFound += verdict.violations().stream().anyMatch(v -> "malware".equals(v.kind())) ? 1 : 0;
            }
        }
        double recall = truePositives / (double) expected;
        double precision = flagged == 0 ? 1 : truePositives / (double) flagged;
        double cleanShare = cleanBlockedOrHeld / (double) clean;
        System.out.printf(
                "off_platform_contact: recall %.3f (%d/%d), precision %.3f (%d/%d); clean BLOCK/HOLD by this rule"
                        + " %.3f (%d/%d); malware %d/%d%n",
                recall,
                truePositives,
                expected,
                precision,
                truePositives,
                flagged,
                cleanShare,
                cleanBlockedOrHeld,
                clean,
                malwareFound,
                malwareExpected);
        assertThat(recall).as("recall; missed %s", misses).isGreaterThanOrEqualTo(0.95);
        assertThat(cleanShare).as("clean messages flagged: %s", falseAlarms).isLessThanOrEqualTo(0.01);
        assertThat(precision).as("false alarms: %s", falseAlarms).isGreaterThanOrEqualTo(0.95);
        assertThat(malwareFound).isEqualTo(malwareExpected);
    }
}
