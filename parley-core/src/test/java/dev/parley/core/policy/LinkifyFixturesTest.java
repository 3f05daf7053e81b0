package dev.parley.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.core.support.SharedCorpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The linkify-it project's fixtures ({@code shared/corpus/external/linkify-it}) as a test of the URL and e-mail
 * detectors: every text of {@code links.txt} yields a {@code url}, {@code email} (or messaging/payment link) finding
 * covering the expected link, and the texts of {@code not_links.txt} yield none, except the odd cases listed in
 * {@link #FLAGGED_ON_PURPOSE}, which a marketplace filter flags on purpose.
 */
class LinkifyFixturesTest {
    /**
     * Lines of not_links.txt that the checker does flag, by decision: a defanged scheme ({@code hppt://}) is an
     * evasion; {@code http://example.com_} and {@code google.com:500000} still name the host example.com/google.com
     * (linkify-it rejects the whole link for the stray underscore or the impossible port, we report the host part).
     */
    static final Set<String> FLAGGED_ON_PURPOSE =
            Set.of("hppt://example.com", "http://example.com_", "google.com:500000");

    private static final PolicyChecker CHECKER = PolicyChecker.create(PolicyConfig.defaults());

    /** A text and the link it holds. */
    record Case(String text, String link) {}

    static List<Case> links() throws IOException {
        List<String> lines =
                Files.readAllLines(SharedCorpus.dir().resolve("external/linkify-it/links.txt"), StandardCharsets.UTF_8);
        List<Case> cases = new ArrayList<>();
        List<String> block = new ArrayList<>();
        lines.add("");
        for (String line : lines) {
            if (line.startsWith("%")) {
                continue;
            }
            if (line.isBlank()) {
                if (!block.isEmpty()) {
                    String text = stripComment(block.get(0));
                    cases.add(new Case(text, block.size() > 1 ? stripComment(block.get(1)) : text));
                    block.clear();
                }
                continue;
            }
            block.add(line);
        }
        return cases;
    }

    static String stripComment(String line) {
        int comment = line.indexOf(" % ");
        if (comment < 0) {
            comment = line.indexOf("    %");
        }
        if (comment < 0) {
            comment = line.indexOf(" // ");
        }
        return (comment < 0 ? line : line.substring(0, comment)).strip();
    }

    private static List<Violation> linkFindings(String text) {
        return CHECKER.check(CheckRequest.ofText(text)).violations().stream()
                .filter(v -> v.rule() == Rule.OFF_PLATFORM_CONTACT && v.located())
                .toList();
    }

    @Test
    void everyLinkOfLinksTxtIsFoundCovered() throws IOException {
        List<Case> cases = links();
        assertThat(cases).hasSizeGreaterThan(100);
        List<String> missed = new ArrayList<>();
        for (Case c : cases) {
            int at = c.text.indexOf(c.link);
            assertThat(at).as("fixture %s", c).isGreaterThanOrEqualTo(0);
            int end = at + c.link.length();
            boolean covered = linkFindings(c.text).stream().anyMatch(v -> v.start() <= at && v.end() >= end);
            if (!covered) {
                missed.add(c.text + "  =>  " + linkFindings(c.text));
            }
        }
        assertThat(missed).as("links not found").isEmpty();
    }

    @Test
    void plainlyNotLinksYieldNothing() throws IOException {
        List<String> missed = new ArrayList<>();
        int judged = 0;
        for (String line : Files.readAllLines(
                SharedCorpus.dir().resolve("external/linkify-it/not_links.txt"), StandardCharsets.UTF_8)) {
            String text = stripComment(line);
            if (line.startsWith("%") || text.isEmpty()) {
                continue;
            }
            judged++;
            boolean flagged = !linkFindings(text).isEmpty();
            if (flagged != FLAGGED_ON_PURPOSE.contains(text)) {
                missed.add(text + "  =>  " + linkFindings(text));
            }
        }
        assertThat(judged).isGreaterThan(30);
        assertThat(missed)
                .as("not_links.txt lines judged otherwise than decided")
                .isEmpty();
    }
}
