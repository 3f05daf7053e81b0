package dev.parley.server.moderation.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.parley.core.policy.PolicyChecker;
import dev.parley.core.policy.PolicyConfig;
import dev.parley.core.policy.PolicyConfigException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Parses, validates and compiles policy texts into checkers; building a checker takes tens of milliseconds, so the last
 * few compiled texts are kept by digest (validate, dry-run and reload of one candidate compile it once).
 */
@Component
class PolicyCompiler {
    /** The longest policy version: verdicts store it beside every seller message. */
    static final int MAX_VERSION = 40;
    /** The longest policy text stored. */
    static final int MAX_TEXT = 1_000_000;

    private final Cache<String, CompiledPolicy> compiled =
            Caffeine.newBuilder().maximumSize(8).build();

    /** The compiled policy of {@code text}; throws {@link PolicyConfigException} naming every problem. */
    CompiledPolicy compile(String text, String source) {
        String sha = sha256(text);
        CompiledPolicy known = compiled.getIfPresent(sha);
        if (known != null) {
            return known;
        }
        if (text.length() > MAX_TEXT) {
            throw new PolicyConfigException(
                    source, List.of("the policy text is longer than " + MAX_TEXT + " characters"));
        }
        PolicyConfig config = PolicyConfig.parse(text, source);
        List<String> problems = new ArrayList<>();
        if (config.version().length() > MAX_VERSION) {
            problems.add("\"version\" must be at most " + MAX_VERSION + " characters");
        }
        if (!problems.isEmpty()) {
            throw new PolicyConfigException(source, problems);
        }
        PolicyChecker checker;
        try {
            checker = PolicyChecker.create(config);
        } catch (RuntimeException e) {
            throw new PolicyConfigException(
                    source, List.of("the policy cannot be compiled into a checker: " + e.getMessage()));
        }
        CompiledPolicy result = new CompiledPolicy(text, sha, config, checker);
        compiled.put(sha, result);
        return result;
    }

    /** The SHA-256 of {@code text} in UTF-8, in hex. */
    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
