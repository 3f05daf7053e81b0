package dev.parley.core.policy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a lexicon file from the classpath: one term per line, an optional payload after a tab, {@code #} comments and
 * blank lines skipped.
 */
final class LexiconResource {

    private LexiconResource() {}

    /** One line of a lexicon file: the term and the payload column (empty when absent). */
    record Line(String term, String payload) {}

    /** Whether a lexicon resource {@code lexicon/<name>.txt} exists beside this class. */
    static boolean exists(String name) {
        return LexiconResource.class.getResource("lexicon/" + name + ".txt") != null;
    }

    /**
     * The lines of the resource {@code lexicon/<name>.txt}, followed by the operator's extra entries for that lexicon
     * from {@code config} (each written like a line of the file: a term, optionally a tab and a payload).
     */
    static List<Line> read(String name, PolicyConfig config) {
        List<Line> lines = new ArrayList<>(read(name));
        for (String extra : config.extraTerms().getOrDefault(name, List.of())) {
            Line line = parse(extra.strip());
            if (!line.term().isEmpty()) {
                lines.add(line);
            }
        }
        return lines;
    }

    static Line parse(String trimmed) {
        int tab = trimmed.indexOf('\t');
        return tab < 0
                ? new Line(trimmed, "")
                : new Line(
                        trimmed.substring(0, tab).strip(),
                        trimmed.substring(tab + 1).strip());
    }

    /** The lines of the resource {@code lexicon/<name>.txt} beside this class. */
    static List<Line> read(String name) {
        String path = "lexicon/" + name + ".txt";
        try (InputStream in = LexiconResource.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing lexicon resource " + path);
            }
            List<Line> lines = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                lines.add(parse(trimmed));
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
