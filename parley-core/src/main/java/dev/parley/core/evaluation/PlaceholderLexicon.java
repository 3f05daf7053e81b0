package dev.parley.core.evaluation;

import com.ibm.icu.text.Transliterator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The phrases a placeholder may consist of, in a character trie over their folded form ({@link PlaceholderText}).
 * Immutable once loaded; read by many threads.
 */
final class PlaceholderLexicon {
    static final byte NONE = 0;
    static final byte PARTICLE = 1;
    static final byte HEAD = 2;

    private static final String RESOURCE = "placeholder-lexicon.txt";

    private final Node root;

    private PlaceholderLexicon(Node root) {
        this.root = root;
    }

    /** The lexicon of the marketplace languages, from the resource beside this class. */
    static PlaceholderLexicon standard() {
        try (InputStream in = Objects.requireNonNull(PlaceholderLexicon.class.getResourceAsStream(RESOURCE), RESOURCE);
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            Builder builder = new Builder();
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                byte kind = switch (line.charAt(0)) {
                    case 'H' -> HEAD;
                    case 'P' -> PARTICLE;
                    default -> throw new IllegalStateException("bad lexicon line: " + line);
                };
                builder.addWithScriptVariants(line.substring(2).strip(), kind);
            }
            return new PlaceholderLexicon(builder.root.freeze());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The root of the trie. */
    Node root() {
        return root;
    }

    /** One trie node: children by next character, sorted, and the kind of phrase that ends here. */
    static final class Node {
        private final char[] keys;
        private final Node[] children;
        private final byte kind;

        Node(char[] keys, Node[] children, byte kind) {
            this.keys = keys;
            this.children = children;
            this.kind = kind;
        }

        /** The child for {@code c}, or null. */
        Node child(char c) {
            int i = Arrays.binarySearch(keys, c);
            return i >= 0 ? children[i] : null;
        }

        /** {@link #HEAD}, {@link #PARTICLE} or {@link #NONE}. */
        byte kind() {
            return kind;
        }
    }

    private static final class Builder {
        private static final Transliterator TO_TRADITIONAL = Transliterator.getInstance("Simplified-Traditional");
        private static final Transliterator TO_SIMPLIFIED = Transliterator.getInstance("Traditional-Simplified");

        private final MutableNode root = new MutableNode();

        void addWithScriptVariants(String phrase, byte kind) {
            add(phrase, kind);
            if (phrase.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)) {
                add(TO_TRADITIONAL.transliterate(phrase), kind);
                add(TO_SIMPLIFIED.transliterate(phrase), kind);
            }
        }

        private void add(String phrase, byte kind) {
            String folded = PlaceholderText.of(phrase).text();
            if (folded.isEmpty()) {
                return;
            }
            MutableNode node = root;
            for (int i = 0; i < folded.length(); i++) {
                node = node.children.computeIfAbsent(folded.charAt(i), c -> new MutableNode());
            }
            node.kind = (byte) Math.max(node.kind, kind);
        }
    }

    private static final class MutableNode {
        private final Map<Character, MutableNode> children = new TreeMap<>();
        private byte kind = NONE;

        Node freeze() {
            char[] keys = new char[children.size()];
            Node[] frozen = new Node[children.size()];
            int i = 0;
            for (Map.Entry<Character, MutableNode> e : children.entrySet()) {
                keys[i] = e.getKey();
                frozen[i] = e.getValue().freeze();
                i++;
            }
            return new Node(keys, frozen, kind);
        }
    }
}
