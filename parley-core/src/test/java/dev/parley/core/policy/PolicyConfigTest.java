package dev.parley.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyConfigTest {

    @Test
    void defaultsAreTheCommittedExampleFileAndTheCatalogueDefaults() throws IOException {
        String yaml;
        try (InputStream in = PolicyConfig.class.getResourceAsStream("default-policy.yaml")) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        PolicyConfig defaults = PolicyConfig.defaults();
        assertThat(PolicyConfig.parse(yaml, "example")).isEqualTo(defaults);
        assertThat(defaults.version()).isEqualTo(PolicyConfig.DEFAULT_VERSION);
        assertThat(defaults.allowedDomains()).containsExactly("tiktok.com");
        for (Rule rule : Rule.values()) {
            assertThat(defaults.actionFor(rule)).isEqualTo(rule.defaultAction());
        }
    }

    @Test
    void anOperatorFileChangesActionsDomainsAndLexiconsAndStampsItsVersion(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("policy.yaml");
        Files.writeString(file, """
                version: "ops-7"
                actions:
                  language_mismatch: allow
                  off_platform_contact: HOLD
                allowed_domains: [tiktok.com, lilyhomegoods.com]
                extra_terms:
                  contact-apps:
                    - {term: "kik", payload: "im strong"}
                  contact-diversion:
                    - "meet me at the mall"
                """);
        PolicyConfig config = PolicyConfig.load(file);
        assertThat(config.actionFor(Rule.LANGUAGE_MISMATCH)).isEqualTo(Action.ALLOW);
        PolicyChecker checker = PolicyChecker.create(config);
        Verdict own = checker.check(CheckRequest.ofText("manual at www.lilyhomegoods.com/manual"));
        assertThat(own.violations()).isEmpty();
        assertThat(own.policyVersion()).isEqualTo("ops-7");
        Verdict kik = checker.check(CheckRequest.ofText("ping me on kik"));
        assertThat(kik.action()).isEqualTo(Action.HOLD);
        assertThat(kik.violations()).extracting(Violation::kind).containsExactly("im_account");
        assertThat(checker.check(CheckRequest.ofText("or meet me at the mall")).has(Rule.OFF_PLATFORM_CONTACT))
                .isTrue();
    }

    @Test
    void everyProblemIsReportedClearly() {
        assertThatThrownBy(() -> PolicyConfig.parse("""
                        version: ""
                        actions: {off_platform: BLOCK, abusive_language: SHOUT}
                        allowed_domains: ["http://x.com/path", "not a domain"]
                        extra_terms: {no-such-lexicon: [a]}
                        colour: blue
                        """, "ops.yaml"))
                .isInstanceOfSatisfying(
                        PolicyConfigException.class,
                        e -> assertThat(e.problems())
                                .hasSize(7)
                                .anySatisfy(p -> assertThat(p).contains("\"version\" is required"))
                                .anySatisfy(p -> assertThat(p).contains("unknown rule id \"off_platform\""))
                                .anySatisfy(p -> assertThat(p).contains("unknown action \"SHOUT\""))
                                .anySatisfy(p -> assertThat(p).contains("bad domain \"http://x.com/path\""))
                                .anySatisfy(p -> assertThat(p).contains("unknown lexicon \"no-such-lexicon\""))
                                .anySatisfy(p -> assertThat(p).contains("unknown key \"colour\"")))
                .hasMessageStartingWith("ops.yaml: ");
        assertThatThrownBy(() -> PolicyConfig.parse("version: [unclosed", "x"))
                .isInstanceOf(PolicyConfigException.class)
                .hasMessageContaining("not valid YAML");
    }

    @Test
    void aMissingFileIsAClearError(@TempDir Path dir) {
        assertThatThrownBy(() -> PolicyConfig.load(dir.resolve("nope.yaml")))
                .isInstanceOfSatisfying(
                        PolicyConfigException.class,
                        e -> assertThat(e.problems()).singleElement().asString().startsWith("cannot read the file"));
    }

    @Test
    void jsonIsAcceptedToo() {
        PolicyConfig config = PolicyConfig.parse("{\"version\": \"j1\", \"allowed_domains\": [\"a.com\"]}", "j");
        assertThat(config.allowedDomains()).isEqualTo(List.of("a.com"));
    }
}
