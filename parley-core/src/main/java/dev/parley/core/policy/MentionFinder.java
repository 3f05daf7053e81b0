package dev.parley.core.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * Messaging apps and payment services named in a message (kinds {@code im_account} and {@code payment_account}),
 * invitations to add the seller by a handle, phrases that move the deal off the platform ({@code diversion}) and
 * offline store addresses ({@code address}).
 *
 * <p>A mention denied in its clause ("we don't use WhatsApp", "我们不加微信", "ไม่ใช้ไลน์") is not a finding. An app
 * name that is also an ordinary word (LINE, Signal, WA, DANA, Wise…) counts only with an invitation word just before
 * it, a handle or number after it, or written in the brand's capitals.
 */
final class MentionFinder {
    private static final int INVITE_WINDOW = 14;
    private static final int ADDRESS_WINDOW = 90;

    /** A mention found, in original offsets. */
    record Found(int start, int end, String kind) {}

    private MentionFinder() {}

    static List<Found> find(ContactScan scan) {
        List<Found> found = new ArrayList<>();
        apps(scan, found);
        invitations(scan, found);
        diversions(scan, found);
        addresses(scan, found);
        return found;
    }

    private static void apps(ContactScan scan, List<Found> found) {
        List<ContactScan.Span> apps = scan.apps;
        for (ContactScan.Span app : apps) {
            if (coveredByLonger(apps, app)) {
                continue;
            }
            String[] payload = app.payload().split(" ");
            if (payload[0].equals("none")
                    || scan.negatedAt(app.start())
                    || (payload[0].equals("pay") && scan.inPlatform(app))) {
                continue;
            }
            String strength = payload.length > 1 ? payload[1] : "strong";
            int handleEnd = handleEnd(scan.original, app.end());
            boolean handle = handleEnd > app.end();
            boolean invited = scan.nearestBefore(scan.invites, "", app.start(), INVITE_WINDOW, true) != null;
            boolean ok = switch (strength) {
                case "strong" -> true;
                case "weak" -> invited || handle || brandCase(scan.original, app);
                default -> handle;
            };
            if (ok) {
                String kind = payload[0].equals("pay") ? "payment_account" : "im_account";
                found.add(new Found(app.start(), Math.max(app.end(), handleEnd), kind));
            }
        }
    }

    /** "Add me lily_0520", "加我 lily520", "แอดมา @shop": an invitation followed by a handle names an account. */
    private static void invitations(ContactScan scan, List<Found> found) {
        for (ContactScan.Span invite : scan.invites) {
            if (!invite.payload().equals("strong") || scan.negatedAt(invite.start())) {
                continue;
            }
            int handleEnd = handleEnd(scan.original, invite.end());
            if (handleEnd > invite.end() && handleLooksLikeAccount(scan.original, invite.end(), handleEnd)) {
                found.add(new Found(invite.start(), handleEnd, "im_account"));
            }
        }
    }

    private static void diversions(ContactScan scan, List<Found> found) {
        ContactScan.Span cancel = null;
        ContactScan.Span direct = null;
        for (ContactScan.Span d : scan.diversions) {
            if (scan.negatedAt(d.start())) {
                continue;
            }
            switch (d.payload()) {
                case "diversion" -> found.add(new Found(d.start(), d.end(), "diversion"));
                case "cancel" -> cancel = cancel == null ? d : cancel;
                case "direct" -> direct = direct == null ? d : direct;
                default -> {}
            }
        }
        if (cancel != null && direct != null) {
            found.add(new Found(direct.start(), direct.end(), "diversion"));
        }
    }

    private static void addresses(ContactScan scan, List<Found> found) {
        boolean visit = false;
        for (ContactScan.Span a : scan.addresses) {
            if (a.payload().equals("visit") && !scan.negatedAt(a.start())) {
                visit = true;
                break;
            }
        }
        for (ContactScan.Span a : scan.addresses) {
            boolean store = a.payload().equals("store");
            if (!(store || a.payload().equals("shop")) || scan.negatedAt(a.start())) {
                continue;
            }
            int addressEnd = streetAddressEnd(scan, a.end());
            if ((store && (visit || addressEnd > 0)) || (visit && addressEnd > 0)) {
                found.add(new Found(a.start(), Math.max(a.end(), addressEnd), "address"));
            }
        }
    }

    /** The end of a street address (a street word with a number beside it) after {@code from}, or -1. */
    private static int streetAddressEnd(ContactScan scan, int from) {
        int end = -1;
        List<ContactScan.Span> spans = scan.addresses;
        for (int k = ContactScan.firstStartingAt(spans, from); k < spans.size(); k++) {
            ContactScan.Span s = spans.get(k);
            if (s.start() - from > ADDRESS_WINDOW) {
                break;
            }
            if (!s.payload().equals("street")) {
                continue;
            }
            int digitEnd = digitNear(scan.original, s.start(), s.end());
            if (digitEnd >= 0) {
                end = Math.max(end, Math.max(s.end(), digitEnd));
            }
        }
        return end;
    }

    /** The end of a digit run within a few characters of a street word, or -1. */
    private static int digitNear(String text, int start, int end) {
        for (int k = Math.max(0, start - 20); k < Math.min(text.length(), end + 12); k++) {
            if (Character.isDigit(text.charAt(k))) {
                int e = k;
                while (e < text.length() && (Character.isDigit(text.charAt(e)) || text.charAt(e) == '/')) {
                    e++;
                }
                return e;
            }
        }
        return -1;
    }

    private static boolean coveredByLonger(List<ContactScan.Span> spans, ContactScan.Span span) {
        int from = ContactScan.firstStartingAt(spans, span.start() - ContactScan.MAX_SPAN);
        for (int k = from; k < spans.size() && spans.get(k).start() <= span.start(); k++) {
            ContactScan.Span other = spans.get(k);
            if (other != span && other.contains(span) && (other.end() - other.start()) > (span.end() - span.start())) {
                return true;
            }
        }
        return false;
    }

    /** Whether the original writes the app in capitals as the brand does ("LINE", "WA", "DANA", "Signal" mid-text). */
    private static boolean brandCase(String text, ContactScan.Span span) {
        String written = text.substring(span.start(), span.end());
        int letters = 0;
        int upper = 0;
        for (int k = 0; k < written.length(); k++) {
            char c = written.charAt(k);
            if (Character.isLetter(c)) {
                letters++;
                if (Character.isUpperCase(c)) {
                    upper++;
                }
            }
        }
        return letters >= 2 && upper == letters;
    }

    /**
     * The end of a handle, ID or number right after {@code from} (after spaces, a colon or an "ID" label), or
     * {@code from} when there is none.
     */
    static int handleEnd(String text, int from) {
        int n = text.length();
        int k = from;
        int skipped = 0;
        while (k < n && skipped < 12) {
            char c = text.charAt(k);
            if (Character.isWhitespace(c)
                    || c == ':'
                    || c == '：'
                    || c == '='
                    || c == '-'
                    || c == '~'
                    || c == '～'
                    || Character.getType(c) == Character.FORMAT) {
                k++;
                skipped++;
            } else if (startsWithIgnoreCase(text, k, "id") && !isHandleChar(charAt(text, k + 2))) {
                k += 2;
                skipped += 2;
            } else if (text.startsWith("ไอดี", k)) {
                k += 4;
            } else if (text.startsWith("号", k) || text.startsWith("號", k)) {
                k++;
            } else {
                break;
            }
        }
        int start = k;
        if (k < n && (text.charAt(k) == '@' || text.charAt(k) == '＠')) {
            k++;
        }
        int chars = 0;
        while (k < n) {
            char c = text.charAt(k);
            if (isHandleChar(c) || NumberWords.hanDigit(c) >= 0) {
                k++;
                chars++;
            } else if (Character.getType(c) == Character.FORMAT && chars > 0) {
                k++;
            } else {
                break;
            }
        }
        while (k > start && (text.charAt(k - 1) == '.' || text.charAt(k - 1) == '-')) {
            k--;
        }
        if (chars < 3) {
            return from;
        }
        String handle = text.substring(start, k);
        boolean marked = handle.startsWith("@") || handle.startsWith("＠");
        boolean digitOrMark = handle.chars().anyMatch(ch -> Character.isDigit(ch) || ch == '_' || ch == '.')
                || handle.chars().anyMatch(ch -> NumberWords.hanDigit((char) ch) >= 0);
        return marked || digitOrMark ? k : from;
    }

    private static boolean handleLooksLikeAccount(String text, int from, int to) {
        String h = text.substring(from, to).strip();
        return h.length() >= 4;
    }

    private static char charAt(String text, int k) {
        return k < text.length() ? text.charAt(k) : ' ';
    }

    private static boolean startsWithIgnoreCase(String text, int k, String prefix) {
        return text.regionMatches(true, k, prefix, 0, prefix.length());
    }

    private static boolean isHandleChar(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '_'
                || c == '.'
                || c == '-'
                || (c >= 0xFF10 && c <= 0xFF19)
                || (c >= 0xFF21 && c <= 0xFF3A)
                || (c >= 0xFF41 && c <= 0xFF5A)
                || (Character.isLetter(c) && Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC);
    }
}
