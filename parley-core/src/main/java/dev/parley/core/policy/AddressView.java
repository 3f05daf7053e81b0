package dev.parley.core.policy;

import java.util.List;
import java.util.Set;

/**
 * The base text with the words that stand for "." and "@" between address parts turned into those characters, and the
 * spaces around them dropped: "ventas arroba gmail punto com", "www 点 shop 点 cn", "gearbarn(dot)co", "name [at]
 * mail.com", "shop chấm vn". The plain English "at" counts only beside a handle-like word (with a digit, dot or
 * underscore) or before a mail provider, so "available at amazon.com" stays a link.
 */
final class AddressView {
    private static final Set<String> MAIL_PROVIDERS = Set.of(
            "gmail",
            "googlemail",
            "yahoo",
            "ymail",
            "hotmail",
            "outlook",
            "live",
            "msn",
            "icloud",
            "me",
            "mac",
            "aol",
            "qq",
            "163",
            "126",
            "yeah",
            "sina",
            "sohu",
            "foxmail",
            "139",
            "proton",
            "protonmail",
            "gmx",
            "zoho",
            "mail",
            "naver",
            "daum",
            "hanmail",
            "yandex",
            "rocketmail");

    private AddressView() {}

    /** The address view of {@code base}, given the separator words found in it (base-view offsets). */
    static NormalizedText of(NormalizedText base, List<Lexicon.Match<String>> separators) {
        String v = base.value();
        List<Lexicon.Match<String>> matches = new java.util.ArrayList<>(separators);
        if (matches.isEmpty()) {
            return thaiCom(base);
        }
        matches.sort(java.util.Comparator.comparingInt((Lexicon.Match<String> m) -> m.start())
                .thenComparingInt(m -> -m.end()));
        NormalizedText.Builder out = new NormalizedText.Builder(base.original(), v.length());
        int copied = 0;
        int lastEnd = -1;
        for (Lexicon.Match<String> m : matches) {
            if (m.start() < lastEnd || m.start() < copied) {
                continue;
            }
            int p = m.start() - 1;
            int spaces = 0;
            while (p >= copied && v.charAt(p) == ' ' && spaces < 2) {
                p--;
                spaces++;
            }
            int q = m.end();
            spaces = 0;
            while (q < v.length() && v.charAt(q) == ' ' && spaces < 2) {
                q++;
                spaces++;
            }
            if (p < copied || q >= v.length() || !addressChar(v.charAt(p)) || !addressStart(v.charAt(q))) {
                continue;
            }
            char symbol = m.payload().equals("dot") ? '.' : '@';
            if (m.payload().equals("at-weak") && !handleBefore(v, p) && !providerAfter(v, q)) {
                continue;
            }
            for (int k = copied; k <= p; k++) {
                out.copy(base, k);
            }
            out.append(symbol, base.originalStart(m.start()), base.originalEnd(m.end()));
            copied = q;
            lastEnd = m.end();
        }
        for (int k = copied; k < v.length(); k++) {
            out.copy(base, k);
        }
        return thaiCom(out.build());
    }

    /** "คอม" (com in Thai letters) right after a dot becomes "com". */
    private static NormalizedText thaiCom(NormalizedText text) {
        String v = text.value();
        int at = v.indexOf(".คอม");
        if (at < 0) {
            return text;
        }
        NormalizedText.Builder out = new NormalizedText.Builder(text.original(), v.length());
        int k = 0;
        while (k < v.length()) {
            if (v.startsWith(".คอม", k)) {
                out.copy(text, k);
                out.append("com", text.originalStart(k + 1), text.originalEnd(k + 4));
                k += 4;
            } else {
                out.copy(text, k);
                k++;
            }
        }
        return out.build();
    }

    private static boolean addressChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    }

    private static boolean addressStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 0x0E01 && c <= 0x0E2E);
    }

    private static boolean handleBefore(String v, int end) {
        int s = end;
        while (s > 0 && !Character.isWhitespace(v.charAt(s - 1))) {
            s--;
        }
        for (int k = s; k <= end; k++) {
            char c = v.charAt(k);
            if ((c >= '0' && c <= '9') || c == '.' || c == '_') {
                return true;
            }
        }
        return false;
    }

    private static boolean providerAfter(String v, int start) {
        int e = start;
        while (e < v.length() && addressChar(v.charAt(e))) {
            e++;
        }
        return MAIL_PROVIDERS.contains(v.substring(start, e));
    }
}
