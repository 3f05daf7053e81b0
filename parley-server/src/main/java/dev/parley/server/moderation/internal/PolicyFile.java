package dev.parley.server.moderation.internal;

import dev.parley.core.policy.PolicyConfig;
import dev.parley.core.policy.PolicyConfigException;
import dev.parley.server.moderation.PolicySettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The policy an operator edits: the file {@code parley.policy.file}, or the built-in default policy without one. */
@Component
class PolicyFile {
    /** The source name of the built-in default policy. */
    static final String BUILT_IN = "built-in";

    private final @Nullable Path file;

    PolicyFile(PolicySettings settings) {
        this.file = settings.file() == null ? null : Path.of(settings.file()).toAbsolutePath();
    }

    /** A policy text and where it came from. */
    record Text(String text, String source) {}

    /** The configured file, null when the built-in policy is used. */
    @Nullable
    Path path() {
        return file;
    }

    /** Reads the policy text now; throws {@link PolicyConfigException} when the file cannot be read. */
    Text read() {
        if (file == null) {
            return new Text(builtIn(), BUILT_IN);
        }
        try {
            return new Text(Files.readString(file, StandardCharsets.UTF_8), "file:" + file);
        } catch (IOException e) {
            throw new PolicyConfigException(file.toString(), List.of("cannot read the policy file: " + e));
        }
    }

    /** The text of the built-in default policy ({@code default-policy.yaml} of parley-core). */
    static String builtIn() {
        try (InputStream in = PolicyConfig.class.getResourceAsStream("default-policy.yaml")) {
            if (in == null) {
                throw new IllegalStateException("parley-core lacks default-policy.yaml");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
