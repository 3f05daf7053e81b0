package dev.parley.bench;

import dev.parley.core.evaluation.ShopMessage;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Writes a message log for {@code parley evaluate}: JSON Lines of {@link ShopLogGenerator}'s shops, all in the zone
 * Asia/Bangkok's calendar, in no useful order (the lines of 100 shops at a time are shuffled together).
 *
 * <p>Usage: {@code /usr/lib/jvm/temurin-25-jdk-amd64/bin/java -cp parley-bench/target/parley-bench.jar dev.parley.bench.EvaluateInputGenerator LINES
 * MESSAGES_PER_SHOP FILE}, for example {@code 2000000 1000 /tmp/parley-2m.jsonl}; then time the command with
 * {@code /usr/bin/time -v /usr/lib/jvm/temurin-25-jdk-amd64/bin/java -cp parley-bench/target/parley-bench.jar dev.parley.core.cli.ParleyCommands evaluate
 * --zone Asia/Bangkok --as-of 2026-07-16T00:00:00+07:00 /tmp/parley-2m.jsonl > /dev/null}.
 */
public final class EvaluateInputGenerator {
    private static final DateTimeFormatter UTC = DateTimeFormatter.ISO_INSTANT;
    private static final int SHUFFLED_SHOPS = 100;

    private EvaluateInputGenerator() {}

    /** Writes {@code args[0]} lines of shops of {@code args[1]} messages to the file {@code args[2]}. */
    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: EvaluateInputGenerator LINES MESSAGES_PER_SHOP FILE");
            System.exit(2);
        }
        long lines = Long.parseLong(args[0]);
        int perShop = Integer.parseInt(args[1]);
        ShopLogGenerator generator =
                new ShopLogGenerator(perShop, Instant.parse("2026-01-01T00:00:00Z"), Duration.ofDays(181), 42);
        Random shuffle = new Random(7);
        long written = 0;
        try (Writer out = new BufferedWriter(
                new OutputStreamWriter(Files.newOutputStream(Path.of(args[2])), StandardCharsets.UTF_8), 1 << 16)) {
            int shop = 0;
            while (written < lines) {
                List<String> batch = new ArrayList<>();
                for (int k = 0; k < SHUFFLED_SHOPS && written + batch.size() < lines; k++, shop++) {
                    for (ShopMessage m : generator.shop(shop)) {
                        if (written + batch.size() >= lines) {
                            break;
                        }
                        batch.add(line(generator.shopId(shop), m));
                    }
                }
                Collections.shuffle(batch, shuffle);
                for (String line : batch) {
                    out.write(line);
                    out.write('\n');
                }
                written += batch.size();
            }
        }
        System.err.println("wrote " + written + " lines to " + args[2]);
    }

    private static String line(String shop, ShopMessage m) {
        StringBuilder b = new StringBuilder(192)
                .append("{\"shop\":\"")
                .append(shop)
                .append("\",\"conversation\":\"")
                .append(m.conversation())
                .append("\",\"id\":\"")
                .append(m.id())
                .append("\",\"sender\":\"")
                .append(m.sender().name().toLowerCase(java.util.Locale.ROOT))
                .append("\",\"at\":\"")
                .append(UTC.format(m.at()))
                .append('"');
        if (m.auto()) {
            b.append(",\"auto\":true");
        }
        if (m.placeholder()) {
            b.append(",\"placeholder\":true");
        }
        if (!m.delivered()) {
            b.append(",\"delivered\":false");
        }
        if (m.excluded()) {
            b.append(",\"excluded\":true");
        }
        return b.append('}').toString();
    }
}
