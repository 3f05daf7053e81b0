package dev.parley.core.policy;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Off-platform contact (clause 3.4): links and bare domains off the allow-list, e-mail addresses, phone numbers,
 * messaging accounts and invitations, bank and card numbers, payment handles, offline store addresses and diversion
 * phrases; and, under clause 3.5 ({@code malware}), links to executable files and executable file names offered for
 * download or install.
 */
final class OffPlatformContactDetector implements Detector {
    private static final Set<String> EXECUTABLE_WORDS = Set.of(
            "apk", "xapk", "exe", "msi", "bat", "cmd", "scr", "jar", "vbs", "ps1", "dmg", "pkg", "ipa", "hta", "lnk");

    private final ContactLexicons lexicons;
    private final LinkFinder links;
    private final List<String> allowedDomains;

    OffPlatformContactDetector(PolicyConfig config) {
        this.lexicons = new ContactLexicons(config);
        this.links = new LinkFinder(lexicons.linkKinds);
        this.allowedDomains = config.allowedDomains().stream()
                .map(d -> d.strip().toLowerCase(Locale.ROOT))
                .toList();
    }

    @Override
    public void detect(Message message, List<Finding> findings) {
        find(message.normalized(), Regions.of(message.request()), findings);
    }

    /**
     * Adds the findings in {@code text} to {@code findings}, trying the phone formats of {@code regions}; returns the
     * text's contact scan (null for an empty text).
     */
    @Nullable
    ContactScan find(NormalizedText text, List<String> regions, List<Finding> findings) {
        if (text.length() == 0) {
            return null;
        }
        ContactScan scan = new ContactScan(text, regions, lexicons);
        NormalizedText addressView = AddressView.of(text, scan.separators);
        for (LinkFinder.Link link : links.find(addressView)) {
            int s = addressView.originalStart(link.start());
            int e = addressView.originalEnd(link.end());
            if (link.executable()) {
                findings.add(new Finding(Rule.PROHIBITED_USE, "malware", s, e));
            }
            if (!allowed(link.host())) {
                findings.add(new Finding(Rule.OFF_PLATFORM_CONTACT, link.kind(), s, e));
            }
        }
        for (NumberFinder.Found f : NumberFinder.find(scan)) {
            findings.add(new Finding(Rule.OFF_PLATFORM_CONTACT, f.kind(), f.start(), f.end()));
        }
        for (MentionFinder.Found f : MentionFinder.find(scan)) {
            findings.add(new Finding(Rule.OFF_PLATFORM_CONTACT, f.kind(), f.start(), f.end()));
        }
        executableFiles(text, scan, findings);
        return scan;
    }

    private boolean allowed(String host) {
        for (String domain : allowedDomains) {
            if (host.equals(domain) || host.endsWith("." + domain)) {
                return true;
            }
        }
        return false;
    }

    /** "install TrackMyParcel.apk", "file nya .apk", "download the .exe": an executable offered to run. */
    private static void executableFiles(NormalizedText text, ContactScan scan, List<Finding> findings) {
        String v = text.value();
        boolean cue = scan.installs.stream().anyMatch(s -> !scan.negatedAt(s.start()));
        if (!cue) {
            return;
        }
        int n = v.length();
        int i = 0;
        while (i < n) {
            char c = v.charAt(i);
            if (!(c >= 'a' && c <= 'z') || (i > 0 && Character.isLetterOrDigit(v.charAt(i - 1)))) {
                i++;
                continue;
            }
            int e = i;
            while (e < n && v.charAt(e) >= 'a' && v.charAt(e) <= 'z') {
                e++;
            }
            String word = v.substring(i, e);
            boolean boundary = e >= n || !Character.isLetterOrDigit(v.charAt(e));
            if (boundary
                    && EXECUTABLE_WORDS.contains(word)
                    && (i > 0 && v.charAt(i - 1) == '.' || fileWordNear(v, i, e))) {
                int s = i > 0 && v.charAt(i - 1) == '.' ? fileNameStart(v, i - 1) : i;
                int os = text.originalStart(s);
                int oe = text.originalEnd(e);
                if (!scan.negatedAt(os)) {
                    findings.add(new Finding(Rule.PROHIBITED_USE, "malware", os, oe));
                }
            }
            i = e;
        }
    }

    private static boolean fileWordNear(String v, int s, int e) {
        String before = v.substring(Math.max(0, s - 6), s);
        String after = v.substring(e, Math.min(v.length(), e + 6));
        return before.contains("file") || after.contains("file") || before.contains("文件") || after.contains("文件");
    }

    private static int fileNameStart(String v, int dot) {
        int s = dot;
        while (s > 0) {
            char c = v.charAt(s - 1);
            if (Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.') {
                s--;
            } else {
                break;
            }
        }
        return s;
    }
}
