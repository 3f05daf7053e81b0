package dev.parley.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EvaluateCommandTest {
    private static final String[] BANGKOK = {
        "evaluate", "--zone", "Asia/Bangkok", "--as-of", "2026-12-01T00:00:00+07:00"
    };
    private static final String GOOD =
            "{\"shop\": \"s-1\", \"conversation\": \"c-1\", \"id\": \"m-%d\", \"sender\": \"buyer\", \"at\": \"2026-11-03T09:15:02.120Z\"}";

    /** What a run printed and returned. */
    record Run(int status, String out, String err) {}

    private static Run run(byte[] input, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = ParleyCommands.run(
                args,
                new ByteArrayInputStream(input),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Run run(String input, String... args) {
        return run(input.getBytes(StandardCharsets.UTF_8), args);
    }

    private static String[] with(String... more) {
        List<String> args = new ArrayList<>(List.of(BANGKOK));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = Objects.requireNonNull(EvaluateCommandTest.class.getResourceAsStream(name), name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String goodLines(int count) {
        StringBuilder lines = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            lines.append(GOOD.formatted(i)).append('\n');
        }
        return lines.toString();
    }

    @Nested
    class Output {
        @Test
        void explainedOutputOfALogInAnyOrderMatchesTheGoldenFile() throws IOException {
            Run r = run(resource("golden-log.jsonl"), with("--min-messages", "2", "--explain"));
            assertThat(r.err()).isEmpty();
            assertThat(r.status()).isZero();
            assertThat(r.out()).isEqualTo(resource("golden-explained.jsonl"));
        }

        @Test
        void figuresOutputMatchesTheGoldenFile() throws IOException {
            Run r = run(resource("golden-log.jsonl"), with("--min-messages=2"));
            assertThat(r.status()).isZero();
            assertThat(r.out()).isEqualTo(resource("golden-figures.jsonl"));
        }

        @Test
        void readsAFileOrStandardInputGivenAsDash(@TempDir Path dir) throws IOException {
            Path file = dir.resolve("log.jsonl");
            Files.writeString(file, resource("golden-log.jsonl"));
            String expected = resource("golden-figures.jsonl");
            assertThat(run("", with("--min-messages", "2", file.toString())).out())
                    .isEqualTo(expected);
            assertThat(run(resource("golden-log.jsonl"), with("--min-messages", "2", "-"))
                            .out())
                    .isEqualTo(expected);
        }

        @Test
        void zoneWithoutOffsetIsWrittenAsPlusZero() {
            Run r = run(GOOD.formatted(1), "evaluate", "--zone", "UTC", "--as-of", "2026-11-16T00:00:00Z");
            assertThat(r.out())
                    .startsWith("{\"shop\":\"s-1\",\"evaluated_at\":\"2026-11-16T00:00:00+00:00\","
                            + "\"period_start\":\"2026-11-01T00:00:00+00:00\"");
        }

        @Test
        void settingsOptionsChangeTheEvaluation() {
            String log = GOOD.formatted(1) + "\n"
                    + "{\"shop\":\"s-1\",\"conversation\":\"c-1\",\"id\":\"r\",\"sender\":\"seller\",\"at\":\"2026-11-03T11:15:02.120Z\"}\n";
            Run r = run(
                    log,
                    with(
                            "--window-hours", "1",
                            "--min-messages", "1",
                            "--counted-hours", "09:00-10:00",
                            "--evaluation-days", "5, 20"));
            assertThat(r.err()).isEmpty();
            // 09:15 UTC is 16:15 in Bangkok: outside 09:00-10:00, so nothing is assessed; instants on the 5th and 20th
            assertThat(r.out().lines().toList())
                    .hasSize(2)
                    .allSatisfy(line -> assertThat(line).contains("\"assessed\":0"));
            assertThat(r.out()).contains("\"evaluated_at\":\"2026-11-05T00:00:00+07:00\"");
            assertThat(r.out()).contains("\"evaluated_at\":\"2026-11-20T00:00:00+07:00\"");
        }

        @Test
        void emptyInputPrintsNothing() {
            Run r = run("\n\n", BANGKOK);
            assertThat(r.status()).isZero();
            assertThat(r.out()).isEmpty();
        }

        @Test
        void helpPrintsTheUsageAndSucceeds() {
            Run r = run("", "evaluate", "--help");
            assertThat(r.status()).isZero();
            assertThat(r.out()).startsWith("usage: parley evaluate --zone ZONE --as-of INSTANT [options] [FILE]");
            assertThat(r.out()).contains("--counted-hours", "--evaluation-days", "--explain");
        }
    }

    @Nested
    class BadInputStopsWithTheLineAndNoOutput {
        @ParameterizedTest
        @CsvSource(
                delimiterString = " => ",
                value = {
                    "{\"shop\": \"s-1\", => not valid JSON",
                    "not json at all => not valid JSON",
                    "[1, 2] => not a JSON object",
                    "\"just a string\" => not a JSON object",
                    "{\"conversation\":\"c\",\"id\":\"x\",\"sender\":\"buyer\",\"at\":\"2026-11-03T09:15:02Z\"} => missing field \"shop\"",
                    "{\"shop\":\"s\",\"id\":\"x\",\"sender\":\"buyer\",\"at\":\"2026-11-03T09:15:02Z\"} => missing field \"conversation\"",
                    "{\"shop\":\"s\",\"conversation\":\"c\",\"sender\":\"buyer\",\"at\":\"2026-11-03T09:15:02Z\"} => missing field \"id\"",
                    "{\"shop\":\"s\",\"conversation\":\"c\",\"id\":\"x\",\"at\":\"2026-11-03T09:15:02Z\"} => missing field \"sender\"",
                    "{\"shop\":\"s\",\"conversation\":\"c\",\"id\":\"x\",\"sender\":\"buyer\"} => missing field \"at\"",
                    "{\"shop\":\"s\",\"conversation\":\"c\",\"id\":\"x\",\"sender\":\"bot\",\"at\":\"2026-11-03T09:15:02Z\"} => unknown sender \"bot\"",
                    "{\"shop\":\"s\",\"conversation\":\"c\",\"id\":\"x\",\"sender\":\"Buyer\",\"at\":\"2026-11-03T09:15:02Z\"} => unknown sender \"Buyer\"",
                    "{\"shop\":\"s\",\"conversation\":\"c\",\"id\":\"x\",\"sender\":\"buyer\",\"at\":\"2026-11-03T09:15:02\"} => time \"2026-11-03T09:15:02\" has no offset",
                    "{\"shop\":\"s\",\"conversation\":\"c\",\"id\":\"x\",\"sender\":\"buyer\",\"at\":\"yesterday\"} => time \"yesterday\" does not parse",
                    "{\"shop\":\"s\",\"conversation\":\"c\",\"id\":\"x\",\"sender\":\"buyer\",\"at\":\"2026-13-03T09:15:02Z\"} => time \"2026-13-03T09:15:02Z\" does not parse",
                    "{\"shop\":\"s\",\"conversation\":\"c\",\"id\":\"x\",\"sender\":\"buyer\",\"at\":\"2026-11-03\"} => time \"2026-11-03\" does not parse",
                    "{\"shop\":\"s\",\"conversation\":\"c\",\"id\":\"x\",\"sender\":\"buyer\",\"at\":1762161302} => field \"at\" must be a string, not 1762161302",
                    "{\"shop\":17,\"conversation\":\"c\",\"id\":\"x\",\"sender\":\"buyer\",\"at\":\"2026-11-03T09:15:02Z\"} => field \"shop\" must be a string, not 17",
                    "{\"shop\":\"s\",\"conversation\":[\"c\"],\"id\":\"x\",\"sender\":\"buyer\",\"at\":\"2026-11-03T09:15:02Z\"} => field \"conversation\" must be a string, not an array",
                    "{\"shop\":\"s\",\"conversation\":\"c\",\"id\":null,\"sender\":\"buyer\",\"at\":\"2026-11-03T09:15:02Z\"} => field \"id\" must be a string, not null",
                    "{\"shop\":\"s\",\"conversation\":\"c\",\"id\":\"x\",\"sender\":\"buyer\",\"at\":\"2026-11-03T09:15:02Z\",\"auto\":\"yes\"} => field \"auto\" must be true or false, not \"yes\"",
                    "{\"shop\":\"s\",\"conversation\":\"c\",\"id\":\"x\",\"sender\":\"buyer\",\"at\":\"2026-11-03T09:15:02Z\",\"delivered\":1} => field \"delivered\" must be true or false, not 1",
                    "{\"shop\":\"s\",\"conversation\":\"c\",\"id\":\"x\",\"sender\":\"buyer\",\"at\":\"2026-11-03T09:15:02Z\",\"excluded\":null} => field \"excluded\" must be true or false, not null",
                    "{\"shop\":\"s\",\"conversation\":\"c\",\"id\":\"x\",\"sender\":\"seller\",\"at\":\"2026-11-03T09:15:02Z\",\"placeholder\":{}} => field \"placeholder\" must be true or false, not an object",
                    "{\"shop\":\"s\",\"shop\":\"t\",\"conversation\":\"c\",\"id\":\"x\",\"sender\":\"buyer\",\"at\":\"2026-11-03T09:15:02Z\"} => field \"shop\" given twice",
                    "{\"shop\":\"s\",\"conversation\":\"c\",\"id\":\"x\",\"sender\":\"buyer\",\"at\":\"2026-11-03T09:15:02Z\"} {} => more than one JSON value on the line",
                    "{\"shop\":\"s\",\"conversation\":\"c\",\"id\":\"x\",\"sender\":\"buyer\",\"at\":\"+10000-11-03T09:15:02Z\"} => time \"+10000-11-03T09:15:02Z\" is outside the years 0001 to 9999"
                })
        void badLineIsReportedWithItsNumber(String line, String problem) {
            Run r = run(goodLines(2) + "\n" + line + "\n" + goodLines(3).replace("m-", "n-"), BANGKOK);
            assertThat(r.status()).isEqualTo(2);
            assertThat(r.out()).isEmpty();
            assertThat(r.err()).startsWith("line 4: " + problem.substring(0, Math.min(problem.length(), 14)));
            if (!problem.startsWith("not valid JSON")) {
                assertThat(r.err()).isEqualTo("line 4: " + problem + System.lineSeparator());
            }
        }

        @Test
        void sameIdTwiceInOneShopIsReportedAtTheSecondLine() {
            String log = GOOD.formatted(1) + "\n" + GOOD.formatted(2) + "\n"
                    + GOOD.formatted(1).replace("s-1", "s-2") + "\n" + GOOD.formatted(2) + "\n";
            Run r = run(log, BANGKOK);
            assertThat(r.status()).isEqualTo(2);
            assertThat(r.out()).isEmpty();
            assertThat(r.err())
                    .isEqualTo(
                            "line 4: duplicate id \"m-2\" in shop \"s-1\" (first on line 2)" + System.lineSeparator());
        }

        @Test
        void earliestProblemWinsBetweenADuplicateAndALaterBadLine() {
            String log = GOOD.formatted(1) + "\n" + GOOD.formatted(1) + "\n{oops\n";
            assertThat(run(log, BANGKOK).err()).startsWith("line 2: duplicate id");
            String badFirst = "{oops\n" + GOOD.formatted(1) + "\n" + GOOD.formatted(1) + "\n";
            assertThat(run(badFirst, BANGKOK).err()).startsWith("line 1: not valid JSON");
        }

        @Test
        void sameIdInTwoShopsIsFine() {
            Run r = run(GOOD.formatted(1) + "\n" + GOOD.formatted(1).replace("s-1", "s-2"), BANGKOK);
            assertThat(r.status()).isZero();
            assertThat(r.out().lines()).hasSize(4);
        }

        @Test
        void invalidUtf8IsReportedWithItsLine() {
            byte[] good = goodLines(2).getBytes(StandardCharsets.UTF_8);
            byte[] input = new byte[good.length + 3];
            System.arraycopy(good, 0, input, 0, good.length);
            input[good.length] = (byte) 0xC3;
            input[good.length + 1] = (byte) 0x28;
            input[good.length + 2] = '\n';
            Run r = run(input, BANGKOK);
            assertThat(r.status()).isEqualTo(2);
            assertThat(r.out()).isEmpty();
            assertThat(r.err()).startsWith("line 3: not valid UTF-8");
        }

        @Test
        void problemOnTheLastOfManyLinesPrintsNoPartialReport() {
            Run r = run(goodLines(500) + "{\"shop\":\"s-9\"}\n", BANGKOK);
            assertThat(r.status()).isEqualTo(2);
            assertThat(r.out()).isEmpty();
            assertThat(r.err()).startsWith("line 501: missing field \"conversation\"");
        }

        @Test
        void blankLinesAndUnknownFieldsAreIgnoredButCounted() {
            String log = "\n  \n"
                    + GOOD.replace("}", ", \"text\": {\"nested\": [1]}}").formatted(1) + "\n\t\n{}\n";
            Run r = run(log, BANGKOK);
            assertThat(r.err()).isEqualTo("line 5: missing field \"shop\"" + System.lineSeparator());
        }
    }

    @Nested
    class Usage {
        @ParameterizedTest
        @ValueSource(
                strings = {
                    "--as-of 2026-12-01T00:00:00+07:00",
                    "--zone Asia/Bangkok",
                    "--zone Mars/Olympus --as-of 2026-12-01T00:00:00+07:00",
                    "--zone Asia/Bangkok --as-of 2026-12-01T00:00:00",
                    "--zone Asia/Bangkok --as-of 2026-12-01",
                    "--zone Asia/Bangkok --as-of 2026-12-01T00:00:00+07:00 --window-hours 0",
                    "--zone Asia/Bangkok --as-of 2026-12-01T00:00:00+07:00 --window-hours 1.5",
                    "--zone Asia/Bangkok --as-of 2026-12-01T00:00:00+07:00 --min-messages -1",
                    "--zone Asia/Bangkok --as-of 2026-12-01T00:00:00+07:00 --counted-hours 8-23",
                    "--zone Asia/Bangkok --as-of 2026-12-01T00:00:00+07:00 --counted-hours 08:00-25:00",
                    "--zone Asia/Bangkok --as-of 2026-12-01T00:00:00+07:00 --evaluation-days 0,16",
                    "--zone Asia/Bangkok --as-of 2026-12-01T00:00:00+07:00 --evaluation-days 1,32",
                    "--zone Asia/Bangkok --as-of 2026-12-01T00:00:00+07:00 --evaluation-days ,",
                    "--zone Asia/Bangkok --as-of 2026-12-01T00:00:00+07:00 --verbose",
                    "--zone Asia/Bangkok --as-of 2026-12-01T00:00:00+07:00 --zone UTC",
                    "--zone Asia/Bangkok --as-of 2026-12-01T00:00:00+07:00 a.jsonl b.jsonl",
                    "--zone Asia/Bangkok --as-of 2026-12-01T00:00:00+07:00 /no/such/file.jsonl",
                    "--zone Asia/Bangkok --as-of"
                })
        void badCommandLineExitsWithStatusTwoAndNoOutput(String args) {
            List<String> all = new ArrayList<>(List.of("evaluate"));
            all.addAll(List.of(args.split(" ")));
            Run r = run(goodLines(1), all.toArray(String[]::new));
            assertThat(r.status()).isEqualTo(2);
            assertThat(r.out()).isEmpty();
            assertThat(r.err()).startsWith("parley evaluate: ");
        }

        @Test
        void unknownZoneIsNamed() {
            Run r = run("", "evaluate", "--zone", "Mars/Olympus", "--as-of", "2026-12-01T00:00:00Z");
            assertThat(r.err()).startsWith("parley evaluate: unknown zone \"Mars/Olympus\"");
        }

        @Test
        void countedHoursMayEndAt24() {
            Run r = run(goodLines(1), with("--counted-hours", "08:00-24:00", "--min-messages", "1"));
            assertThat(r.status()).isZero();
            // 09:15 UTC is 16:15 in Bangkok: counted
            assertThat(r.out()).contains("\"assessed\":1");
        }
    }
}
