package dev.parley.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.core.support.SharedCorpus;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String stdin, String... args) {
        String[] full = new String[args.length + 1];
        full[0] = "check";
        System.arraycopy(args, 0, full, 1, args.length);
        return ParleyCommands.run(
                full,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String[] lines() {
        String text = out.toString(StandardCharsets.UTF_8);
        return text.isEmpty() ? new String[0] : text.split("\n");
    }

    @Test
    void writesOneVerdictPerLineInTheCatalogueFormat() {
        int status = run("""
                {"id": "m-1", "text": "add me on W h a t s A p p", "listing": {"currency": "USD"}}

                {"id": "m-2", "text": "Thanks, it ships today", "buyer_initiated": true, "extra": 1}
                {"id": "m-3", "buyer_initiated": false}
                """);
        assertThat(status).isZero();
        assertThat(lines())
                .containsExactly(
                        "{\"id\":\"m-1\",\"action\":\"BLOCK\",\"violations\":[{\"rule\":\"off_platform_contact\","
                                + "\"clause\":\"3.4\",\"kind\":\"im_account\",\"action\":\"BLOCK\",\"start\":10,"
                                + "\"end\":25,\"evidence\":\"W h a t s A p p\"}],\"policy_version\":\"2026-11-28.1\"}",
                        "{\"id\":\"m-2\",\"action\":\"ALLOW\",\"violations\":[],\"policy_version\":\"2026-11-28.1\"}",
                        "{\"id\":\"m-3\",\"action\":\"BLOCK\",\"violations\":[{\"rule\":\"unsolicited_marketing\","
                                + "\"clause\":\"3.2\",\"kind\":\"no_buyer_contact\",\"action\":\"BLOCK\"}],"
                                + "\"policy_version\":\"2026-11-28.1\"}");
    }

    @Test
    void invalidLinesGetAnErrorLineInPlaceAndExitTwo() {
        int status = run("""
                not json
                [1, 2]
                {"id": 7, "text": "x"}
                {"text": "no id"}
                {"id": "a", "text": 5}
                {"id": "b", "buyer_initiated": "yes"}
                {"id": "c", "listing": {"price": "cheap"}}
                {"id": "d", "attachments": [{"name": "x.png", "path": "no/such/file.png"}]}
                {"id": "e", "text": "fine"}
                """);
        assertThat(status).isEqualTo(2);
        String[] lines = lines();
        assertThat(lines).hasSize(9);
        assertThat(lines[0]).startsWith("{\"id\":null,\"error\":\"not valid JSON");
        assertThat(lines[1]).isEqualTo("{\"id\":null,\"error\":\"not a JSON object\"}");
        assertThat(lines[2]).isEqualTo("{\"id\":null,\"error\":\"\\\"id\\\" is required and must be a string\"}");
        assertThat(lines[3]).startsWith("{\"id\":null,");
        assertThat(lines[4]).isEqualTo("{\"id\":\"a\",\"error\":\"\\\"text\\\" must be a string\"}");
        assertThat(lines[5]).startsWith("{\"id\":\"b\",\"error\":");
        assertThat(lines[6]).startsWith("{\"id\":\"c\",\"error\":");
        assertThat(lines[7]).startsWith("{\"id\":\"d\",\"error\":\"cannot read attachment");
        assertThat(lines[8]).startsWith("{\"id\":\"e\",\"action\":\"ALLOW\"");
    }

    @Test
    void attachmentPathsResolveAgainstTheInputFileDirectory(@TempDir Path dir) throws IOException {
        Path images = Files.createDirectories(dir.resolve("images"));
        Files.copy(SharedCorpus.dir().resolve("images/IMG_4229.png"), images.resolve("invoice.png"));
        Path input = dir.resolve("in.jsonl");
        Files.writeString(
                input,
                "{\"id\": \"i\", \"text\": \"Your invoice\", \"attachments\": "
                        + "[{\"name\": \"invoice.png\", \"path\": \"images/invoice.png\"}]}\n");
        int status = run("", input.toString());
        assertThat(status).isZero();
        assertThat(lines())
                .containsExactly(
                        "{\"id\":\"i\",\"action\":\"HOLD\",\"violations\":[{\"rule\":\"prohibited_use\","
                                + "\"clause\":\"3.5\",\"kind\":\"malware\",\"action\":\"HOLD\"}],\"policy_version\":\"2026-11-28.1\"}");
    }

    @Test
    void anOperatorPolicyFileSetsActionsAndVersion(@TempDir Path dir) throws IOException {
        Path policy = dir.resolve("p.yaml");
        Files.writeString(policy, "version: ops-1\nactions: {off_platform_contact: WARN}\n");
        int status =
                run("{\"id\": \"p\", \"text\": \"mail me at a.b@gmail.com\"}\n", "--policy", policy.toString(), "-");
        assertThat(status).isZero();
        assertThat(lines()[0]).contains("\"action\":\"WARN\"").endsWith("\"policy_version\":\"ops-1\"}");
    }

    @Test
    void aBadPolicyFileOrUsageIsExitTwoWithAMessageOnStandardError(@TempDir Path dir) throws IOException {
        Path policy = dir.resolve("p.yaml");
        Files.writeString(policy, "version: x\nactions: {nope: BLOCK}\n");
        assertThat(run("", "--policy", policy.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown rule id \"nope\"");
        assertThat(out.size()).isZero();
        assertThat(run("", "--frobnicate")).isEqualTo(2);
        assertThat(run("", dir.resolve("missing.jsonl").toString())).isEqualTo(2);
    }

    @Test
    void helpIsPrintedWithStatusZero() {
        assertThat(run("", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("usage: parley check")
                .contains("--policy");
    }
}
