package dev.parley.server.web;

import dev.parley.server.messaging.VerdictView;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Cuts a text into the pieces the checker flagged and the rest, from the violations' UTF-16 offsets into the original
 * text, so that a page can mark exactly what the seller wrote. Overlapping findings split the text at every edge; a
 * piece carries the most severe action over it and the rules found there. The pieces are rendered as text, never as
 * markup.
 */
final class Highlights {
    private Highlights() {}

    /** A piece of the text: flagged with an action and rules, or plain ({@code action} null). */
    record Piece(String text, String action, List<String> rules) {

        /** Whether the checker flagged this piece. */
        public boolean flagged() {
            return !action.isEmpty();
        }

        /** The CSS class of the piece. */
        public String css() {
            return flagged() ? "hl hl-" + action.toLowerCase(java.util.Locale.ROOT) : "";
        }
    }

    /** The pieces of {@code text}; findings without offsets or outside the text are left out. */
    static List<Piece> pieces(String text, List<VerdictView.ViolationView> violations) {
        TreeSet<Integer> edges = new TreeSet<>(List.of(0, text.length()));
        List<VerdictView.ViolationView> located = new ArrayList<>();
        for (VerdictView.ViolationView v : violations) {
            Integer start = v.start();
            Integer end = v.end();
            if (start == null || end == null || start < 0 || end > text.length() || start >= end) {
                continue;
            }
            located.add(v);
            edges.add(start);
            edges.add(end);
        }
        List<Piece> pieces = new ArrayList<>();
        Integer from = null;
        for (int edge : edges) {
            if (from != null && edge > from) {
                pieces.add(piece(text, from, edge, located));
            }
            from = edge;
        }
        return merge(pieces);
    }

    private static Piece piece(String text, int from, int to, List<VerdictView.ViolationView> located) {
        String action = "";
        List<String> rules = new ArrayList<>();
        for (VerdictView.ViolationView v : located) {
            if (v.start() <= from && v.end() >= to) {
                if (severity(v.action()) > severity(action)) {
                    action = v.action();
                }
                if (!rules.contains(v.rule())) {
                    rules.add(v.rule());
                }
            }
        }
        return new Piece(text.substring(from, to), action, List.copyOf(rules));
    }

    /** Joins neighbouring plain pieces (edges of findings elsewhere do not split plain text needlessly). */
    private static List<Piece> merge(List<Piece> pieces) {
        List<Piece> merged = new ArrayList<>();
        for (Piece p : pieces) {
            int last = merged.size() - 1;
            if (last >= 0 && !p.flagged() && !merged.get(last).flagged()) {
                merged.set(last, new Piece(merged.get(last).text() + p.text(), "", List.of()));
            } else {
                merged.add(p);
            }
        }
        return merged;
    }

    static int severity(String action) {
        return switch (action) {
            case "BLOCK" -> 4;
            case "HOLD" -> 3;
            case "WARN" -> 2;
            case "ALLOW" -> 1;
            default -> 0;
        };
    }
}
