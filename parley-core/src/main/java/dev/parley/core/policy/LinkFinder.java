package dev.parley.core.policy;

import com.google.common.net.InternetDomainName;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds links and e-mail addresses in the {@linkplain AddressView address view} of a text, in one left-to-right pass
 * per form: URLs with a scheme (including defanged ones such as {@code hxxp://}), protocol-relative {@code //host},
 * e-mail addresses, {@code www.} hosts, bare domains under a public suffix (Guava's copy of the public-suffix list) and
 * IPv4 addresses. Trailing punctuation and unbalanced brackets are not part of a link.
 */
final class LinkFinder {
    /** TLDs that are also common words or file extensions: a bare domain under one needs a longer, non-word name. */
    private static final Set<String> WEAK_TLDS = Set.of(
            "in", "is", "it", "me", "my", "no", "so", "to", "us", "at", "be", "do", "go", "am", "as", "by", "an", "or",
            "on", "id", "la", "de", "pm", "pl", "py", "sh", "md", "rs", "zip", "mov", "ps", "im", "ms", "ai", "tv",
            "mp", "ok", "ng", "ne", "sa", "na", "nu", "ma", "pe", "cc", "ad", "ac", "al", "es", "se", "si", "ye", "ya",
            "kr", "ie", "ch", "re");

    private static final Set<String> EXECUTABLE_EXTENSIONS = Set.of(
            "apk",
            "xapk",
            "apks",
            "exe",
            "msi",
            "bat",
            "cmd",
            "scr",
            "jar",
            "vbs",
            "vbe",
            "ps1",
            "dmg",
            "pkg",
            "ipa",
            "hta",
            "lnk",
            "dll",
            "com",
            "pif",
            "js",
            "jse",
            "wsf",
            "sh",
            "run",
            "bin",
            "deb",
            "rpm",
            "appimage");

    private static final int MAX_LOCAL = 64;
    private static final int MAX_DOMAIN = 253;

    /** A link or address found: its range in the view, its kind, and whether it names an executable file. */
    record Link(int start, int end, String kind, String host, boolean executable) {}

    private final Map<String, String> domainKinds;

    LinkFinder(Map<String, String> domainKinds) {
        this.domainKinds = domainKinds;
    }

    /** The links and e-mail addresses in {@code view}, ordered by start. */
    List<Link> find(NormalizedText view) {
        String v = view.value();
        List<Link> links = new ArrayList<>();
        if (v.indexOf('.') < 0 && v.indexOf('@') < 0 && v.indexOf("//") < 0) {
            return links;
        }
        boolean[] taken = new boolean[v.length() + 1];
        findSchemeLinks(v, links, taken);
        findEmails(v, links, taken);
        findBareHosts(v, view, links, taken);
        links.sort((a, b) -> Integer.compare(a.start, b.start));
        return links;
    }

    private void findSchemeLinks(String v, List<Link> links, boolean[] taken) {
        int from = 0;
        while (true) {
            int at = v.indexOf("//", from);
            if (at < 0) {
                return;
            }
            from = at + 2;
            int start;
            boolean scheme;
            if (at > 0 && v.charAt(at - 1) == ':') {
                int s = at - 1;
                while (s > 0 && isSchemeChar(v.charAt(s - 1)) && at - 1 - s < 10) {
                    s--;
                }
                if (s == at - 1 || (s > 0 && isWordChar(v.charAt(s - 1)))) {
                    continue;
                }
                start = s;
                scheme = true;
            } else {
                if (at > 0 && (isWordChar(v.charAt(at - 1)) || v.charAt(at - 1) == '/' || v.charAt(at - 1) == ':')) {
                    continue;
                }
                start = at;
                scheme = false;
            }
            int hostStart = at + 2;
            int authorityEnd = hostStart;
            while (authorityEnd < v.length() && !endsAuthority(v.charAt(authorityEnd))) {
                authorityEnd++;
            }
            for (int k = authorityEnd - 1; k >= hostStart; k--) {
                if (v.charAt(k) == '@') {
                    hostStart = k + 1;
                    break;
                }
            }
            int hostEnd = hostStart;
            while (hostEnd < authorityEnd && v.charAt(hostEnd) != ':' && isHostChar(v.charAt(hostEnd))) {
                hostEnd++;
            }
            String host = trimDots(v.substring(hostStart, hostEnd));
            if (!validHost(host) || (!scheme && host.indexOf('.') < 0 && !host.equals("localhost"))) {
                continue;
            }
            if (scheme && !isWebScheme(v.substring(start, at - 1)) && !underPublicSuffix(host)) {
                continue;
            }
            int end = hostStart + host.length();
            end = portEnd(v, end);
            end = pathEnd(v, end);
            add(links, taken, start, end, host, v);
            from = Math.max(from, end);
        }
    }

    private static boolean isWebScheme(String scheme) {
        return scheme.equals("http") || scheme.equals("https") || scheme.equals("ftp");
    }

    private void findEmails(String v, List<Link> links, boolean[] taken) {
        int from = 0;
        while (true) {
            int at = v.indexOf('@', from);
            if (at < 0) {
                return;
            }
            from = at + 1;
            if (taken[at]) {
                continue;
            }
            int s = at;
            while (s > 0 && at - s < MAX_LOCAL && isLocalChar(v.charAt(s - 1)) && !taken[s - 1]) {
                s--;
            }
            int quotes = count(v, s, at, '"');
            while (s < at && (v.charAt(s) == '.' || (v.charAt(s) == '"' && quotes % 2 == 1))) {
                if (v.charAt(s) == '"') {
                    quotes--;
                }
                s++;
            }
            if (s == at) {
                continue;
            }
            int e = at + 1;
            while (e < v.length() && e - at <= MAX_DOMAIN && (isDomainChar(v.charAt(e)) || v.charAt(e) == '.')) {
                e++;
            }
            String domain = trimDots(v.substring(at + 1, e));
            boolean mailto = s >= 7 && v.startsWith("mailto:", s - 7);
            if (domain.isEmpty() || (!mailto && !underPublicSuffix(domain))) {
                continue;
            }
            int start = mailto ? s - 7 : s;
            add(links, taken, start, at + 1 + domain.length(), domain, v);
            from = at + 1 + domain.length();
        }
    }

    private void findBareHosts(String v, NormalizedText view, List<Link> links, boolean[] taken) {
        int n = v.length();
        int i = 0;
        while (i < n) {
            char c = v.charAt(i);
            if (!isDomainChar(c) || taken[i]) {
                i++;
                continue;
            }
            int s = i;
            boolean cjk = isSpacelessScript(c);
            while (i < n
                    && (v.charAt(i) == '.' || (isDomainChar(v.charAt(i)) && isSpacelessScript(v.charAt(i)) == cjk))
                    && !taken[i]) {
                i++;
            }
            int e = i;
            if (cjk || (s > 0 && blocksBareHost(v, s)) || !hasInnerDot(v, s, e)) {
                continue;
            }
            String run = trimDots(v.substring(s, e));
            int end = s + run.length();
            if (isIpv4(run)) {
                if (end < n && (isWordChar(v.charAt(end)) || v.charAt(end) == '.')) {
                    continue;
                }
            } else if (!plausibleBareDomain(run, s, view, v, end)) {
                continue;
            }
            end = portEnd(v, end);
            end = pathEnd(v, end);
            add(links, taken, s, end, run, v);
            i = Math.max(i, end);
        }
    }

    private boolean plausibleBareDomain(String host, int start, NormalizedText view, String v, int end) {
        if (!underPublicSuffix(host)) {
            return false;
        }
        if (host.startsWith("www.") || isKnownDomain(host)) {
            return true;
        }
        int lastDot = host.lastIndexOf('.');
        String tld = host.substring(lastDot + 1);
        String name = host.substring(host.lastIndexOf('.', lastDot - 1) + 1, lastDot);
        boolean path = end < v.length() && v.charAt(end) == '/';
        // "Thanks.See you": a capital after the dot with a small letter before it is a sentence, not a domain.
        String original = view.original();
        int tldAt = view.originalStart(start + lastDot + 1);
        int nameEnd = view.originalStart(start + lastDot - 1);
        if (Character.isUpperCase(original.codePointAt(tldAt))
                && Character.isLowerCase(original.codePointAt(nameEnd))) {
            return false;
        }
        if (WEAK_TLDS.contains(tld)) {
            // "ok.so", "i.e.", "file.pl": a word before a word-like suffix is a link only with a path or a long name
            return name.length() >= (path ? 2 : 4);
        }
        return true;
    }

    private boolean isKnownDomain(String host) {
        return kindOf(host) != null;
    }

    private @org.jspecify.annotations.Nullable String kindOf(String host) {
        String h = host;
        while (true) {
            String kind = domainKinds.get(h);
            if (kind != null) {
                return kind;
            }
            int dot = h.indexOf('.');
            if (dot < 0) {
                return null;
            }
            h = h.substring(dot + 1);
        }
    }

    private void add(List<Link> links, boolean[] taken, int start, int end, String host, String v) {
        for (int k = start; k < end; k++) {
            taken[k] = true;
        }
        String h = host.toLowerCase(Locale.ROOT);
        boolean email = v.substring(start, end).indexOf('@') > 0
                && !v.substring(start, end).contains("//");
        String kind = email ? "email" : kindOf(h);
        links.add(new Link(start, end, kind == null ? "url" : kind, h, executable(v, start, end)));
    }

    private static boolean executable(String v, int start, int end) {
        int q = end;
        for (int k = start; k < end; k++) {
            char c = v.charAt(k);
            if (c == '?' || c == '#') {
                q = k;
                break;
            }
        }
        int slash = -1;
        int dot = -1;
        for (int k = q - 1; k >= start && slash < 0; k--) {
            char c = v.charAt(k);
            if (c == '/') {
                slash = k;
            } else if (c == '.' && dot < 0) {
                dot = k;
            }
        }
        if (slash < 0 || dot < slash) {
            return false;
        }
        return EXECUTABLE_EXTENSIONS.contains(v.substring(dot + 1, q));
    }

    /** Whether {@code v} from {@code s} to {@code e}, without trailing dots and hyphens, has a dot. */
    private static boolean hasInnerDot(String v, int s, int e) {
        int end = e;
        while (end > s && (v.charAt(end - 1) == '.' || v.charAt(end - 1) == '-')) {
            end--;
        }
        return v.lastIndexOf('.', end - 1) >= s;
    }

    /** Whether {@code host} is a registrable name under a public suffix (not a suffix itself). */
    static boolean underPublicSuffix(String host) {
        if (host.isEmpty() || host.length() > 253 || finalLabelStartsWithDigit(host)) {
            return false;
        }
        try {
            InternetDomainName name = InternetDomainName.from(host);
            return name.isUnderPublicSuffix();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Whether the last label of {@code host} begins with a digit ("129.000", "v1.2"), which no domain name's does
     * (Guava refuses such a name): prices and version numbers are not parsed as domains.
     */
    private static boolean finalLabelStartsWithDigit(String host) {
        for (int k = host.length() - 1; k >= 0; k--) {
            char c = host.charAt(k);
            if (c == '.' || c == '\u3002' || c == '\uFF0E' || c == '\uFF61') {
                if (k == host.length() - 1) {
                    return false;
                }
                char first = host.charAt(k + 1);
                return first >= '0' && first <= '9';
            }
        }
        return false;
    }

    private static boolean validHost(String host) {
        if (host.isEmpty() || host.charAt(0) == '-' || host.charAt(0) == '.') {
            return false;
        }
        for (int k = 0; k < host.length(); k++) {
            if (Character.isLetterOrDigit(host.charAt(k))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isIpv4(String run) {
        String[] parts = run.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
                return false;
            }
            if (Integer.parseInt(p) > 255) {
                return false;
            }
        }
        return true;
    }

    private static int portEnd(String v, int end) {
        if (end < v.length() - 1 && v.charAt(end) == ':' && Character.isDigit(v.charAt(end + 1))) {
            int e = end + 1;
            while (e < v.length() && Character.isDigit(v.charAt(e))) {
                e++;
            }
            return e;
        }
        return end;
    }

    /** The end of the path, query and fragment starting at {@code end}, without trailing punctuation. */
    static int pathEnd(String v, int end) {
        if (end >= v.length() || (v.charAt(end) != '/' && v.charAt(end) != '?' && v.charAt(end) != '#')) {
            return end;
        }
        int depth = 0;
        int e = end;
        while (e < v.length()) {
            char c = v.charAt(e);
            if (Character.isWhitespace(c)
                    || c == '<'
                    || c == '>'
                    || c == '|'
                    || c == '`'
                    || c == '\\'
                    || isCjkPunct(c)) {
                break;
            }
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                if (depth == 0) {
                    break;
                }
                depth--;
            }
            e++;
        }
        int doubleQuotes = count(v, end, e, '"');
        int singleQuotes = count(v, end, e, '\'');
        while (e > end) {
            char c = v.charAt(e - 1);
            if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?') {
                e--;
            } else if (c == '"' && (doubleQuotes - 1) % 2 == 0) {
                doubleQuotes--;
                e--;
            } else if (c == '\'' && (singleQuotes - 1) % 2 == 0) {
                singleQuotes--;
                e--;
            } else {
                break;
            }
        }
        return e;
    }

    private static int count(String v, int from, int to, char c) {
        int n = 0;
        for (int k = from; k < to; k++) {
            if (v.charAt(k) == c) {
                n++;
            }
        }
        return n;
    }

    private static String trimDots(String s) {
        int e = s.length();
        while (e > 0 && (s.charAt(e - 1) == '.' || s.charAt(e - 1) == '-')) {
            e--;
        }
        return s.substring(0, e);
    }

    private static boolean isCjkPunct(char c) {
        return (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF01 && c <= 0xFF0F) || c == '，' || c == '：' || c == '；';
    }

    private static boolean isSchemeChar(char c) {
        return (c >= 'a' && c <= 'z') || c == '*';
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static boolean endsAuthority(char c) {
        return Character.isWhitespace(c)
                || c == '/'
                || c == '?'
                || c == '#'
                || c == '<'
                || c == '>'
                || c == '"'
                || c == '|'
                || c == ')'
                || c == ']'
                || isCjkPunct(c);
    }

    private static boolean isHostChar(char c) {
        return Character.isLetterOrDigit(c)
                || c == '.'
                || c == '-'
                || NormalizedText.isMark(c)
                || Character.getType(c) == Character.OTHER_SYMBOL
                || Character.isSurrogate(c)
                || c == '_';
    }

    private static boolean isDomainChar(char c) {
        return (CharTable.flags(c) & (CharTable.LETTER_OR_DIGIT | CharTable.MARK | CharTable.OTHER_SYMBOL)) != 0
                || c == '-';
    }

    private static boolean isLocalChar(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= '0' && c <= '9')
                || c == '.'
                || c == '_'
                || c == '%'
                || c == '+'
                || c == '-'
                || c == '"'
                || c == '\'';
    }

    /** Whether the character before a bare host at {@code s} makes it part of something else (a path, a name). */
    private static boolean blocksBareHost(String v, int s) {
        char c = v.charAt(s - 1);
        if (c == ':') {
            // "path:to:file.pm" is not a link; "网址:www.shop.cn" and "web: shop.cn" are
            return s >= 2
                    && (isWordChar(v.charAt(s - 2)) && !isSpacelessScript(v.charAt(s - 2)))
                    && !v.startsWith("www.", s);
        }
        return (isWordChar(c) && !isSpacelessScript(c))
                || c == '@'
                || c == '.'
                || c == '/'
                || c == '-'
                || c == '\\'
                || c == '$';
    }

    /** Han, kana, Thai and Hangul, written without spaces between words: a domain never runs into them. */
    private static boolean isSpacelessScript(char c) {
        return (c >= 0x2E80 && c <= 0x9FFF)
                || (c >= 0xAC00 && c <= 0xD7AF)
                || (c >= 0x0E00 && c <= 0x0E7F)
                || (c >= 0xF900 && c <= 0xFAFF)
                || Character.isSurrogate(c);
    }
}
