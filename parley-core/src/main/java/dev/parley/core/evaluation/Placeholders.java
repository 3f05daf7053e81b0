package dev.parley.core.evaluation;

/**
 * Decides whether a seller message is only a greeting, an acknowledgement, thanks, a "please wait" or emoji, in the
 * marketplace languages (English, Chinese, Indonesian, Malay, Thai, Vietnamese, Spanish, Filipino): such a message is
 * not a qualifying reply (evaluation.md, definition 3).
 *
 * <p>The message is folded ({@link PlaceholderText}) and must then be covered entirely by phrases of the lexicon,
 * found at every position (Thai and Chinese need no spaces between words), with at least one greeting,
 * acknowledgement, thanks or "please wait" among them or an emoji; particles and honorifics alone ("ya kak", "ค่ะ",
 * "po") answer "yes" and are not placeholders. Digits, prices and any word outside the lexicon are content. A message
 * without visible text (an image or card alone) is not a placeholder. Thread-safe; a few microseconds a message.
 */
public final class Placeholders {
    private static final PlaceholderLexicon LEXICON = PlaceholderLexicon.standard();

    private static final byte NOTHING = 1;
    private static final byte PARTICLES = 2;
    private static final byte HEAD = 4;

    private Placeholders() {}

    /** Whether {@code text} says nothing but a greeting, acknowledgement, thanks, request to wait, or emoji. */
    public static boolean isPlaceholder(String text) {
        PlaceholderText folded = PlaceholderText.of(text);
        if (folded.blank()) {
            return false;
        }
        String s = folded.text();
        int n = s.length();
        byte[] reached = new byte[n + 1];
        reached[0] = folded.symbol() ? HEAD : NOTHING;
        for (int i = 0; i < n; i++) {
            byte state = reached[i];
            if (state == 0) {
                continue;
            }
            char c = s.charAt(i);
            if (c == ' ') {
                reached[i + 1] |= state;
                continue;
            }
            if (i > 0 && s.charAt(i - 1) != ' ' && spaced(s.charAt(i - 1)) && spaced(c)) {
                continue;
            }
            PlaceholderLexicon.Node first = LEXICON.root().child(c);
            if (first != null) {
                match(s, first, i + 1, state, reached);
            }
        }
        return (reached[n] & (HEAD | NOTHING)) != 0;
    }

    /**
     * Follows the trie from {@code node}, reached by reading {@code s} up to {@code end}, marking where phrases end; a
     * character repeated in a row may be read as one ("hiii", "ค่าาา", "谢谢谢谢"), which also lets a phrase end
     * between two equal characters ("ก่อน|นะ").
     */
    private static void match(String s, PlaceholderLexicon.Node node, int end, byte state, byte[] reached) {
        int n = s.length();
        if (node.kind() != PlaceholderLexicon.NONE
                && (end == n || s.charAt(end) == ' ' || !(spaced(s.charAt(end - 1)) && spaced(s.charAt(end))))) {
            reached[end] |= node.kind() == PlaceholderLexicon.HEAD ? HEAD : afterParticle(state);
        }
        if (end == n) {
            return;
        }
        char c = s.charAt(end);
        PlaceholderLexicon.Node next = node.child(c);
        if (next != null) {
            match(s, next, end + 1, state, reached);
        }
        if (c == s.charAt(end - 1)) {
            match(s, node, end + 1, state, reached);
        }
    }

    private static byte afterParticle(byte state) {
        return (byte) ((state & HEAD) | ((state & (NOTHING | PARTICLES)) != 0 ? PARTICLES : 0));
    }

    /** Whether {@code c} belongs to a word of a script that separates words with spaces. */
    private static boolean spaced(char c) {
        if (!Character.isLetterOrDigit(c)) {
            return false;
        }
        return switch (Character.UnicodeScript.of(c)) {
            case THAI, LAO, KHMER, MYANMAR, HAN, HIRAGANA, KATAKANA, BOPOMOFO -> false;
            default -> true;
        };
    }
}
