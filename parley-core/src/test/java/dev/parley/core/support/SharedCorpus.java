package dev.parley.core.support;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the shared corpus directory ({@code shared/corpus}) from a module or worktree directory. */
public final class SharedCorpus {
    private SharedCorpus() {}

    /** The {@code shared/corpus} directory: the system property {@code parley.corpus}, a parent's, or /work/shared. */
    public static Path dir() {
        String property = System.getProperty("parley.corpus");
        if (property != null) {
            return Path.of(property);
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared/corpus");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return Path.of("/work/shared/corpus");
    }
}
