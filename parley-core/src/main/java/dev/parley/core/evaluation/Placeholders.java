package dev.parley.core.evaluation;

import java.util.Locale;
import java.util.Set;

/** Decides whether a seller message is only a greeting, an acknowledgement, a "please wait" or emoji. */
public final class Placeholders {
    private static final Set<String> WORDS = Set.of("hi", "hello", "ok", "okay", "thanks", "wait");

    private Placeholders() {}

    /** Whether {@code text} says nothing but a greeting, acknowledgement, request to wait, or emoji. */
    public static boolean isPlaceholder(String text) {
        String[] words = text.toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}\\s]", " ")
                .trim()
                .split("\\s+");
        for (String word : words) {
            if (!word.isEmpty() && !WORDS.contains(word)) {
                return false;
            }
        }
        return true;
    }
}
