package dev.parley.core.policy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Recognises executables and scripts by their bytes, never by the file name: Windows PE ({@code MZ}), ELF, Mach-O and
 * universal binaries, Java classes, Android DEX, shebang scripts, Windows shortcuts ({@code .lnk}), OLE files that
 * carry VBA macros or are Windows installers (MSI), ZIP archives holding executables, an APK, a JAR with a
 * {@code Main-Class} or an Office file with macros, PDF files with JavaScript or launch actions, and HTML, SVG, HTA,
 * batch, VBScript and PowerShell text with script content.
 */
final class FileSniffer {
    private static final int MAX_ZIP_ENTRIES = 2_000;
    private static final int MAX_MANIFEST = 64 * 1024;
    private static final int TEXT_PREFIX = 64 * 1024;
    private static final Set<String> EXECUTABLE_ENTRY_SUFFIXES = Set.of(
            ".exe", ".dll", ".scr", ".msi", ".bat", ".cmd", ".com", ".pif", ".vbs", ".vbe", ".js", ".jse", ".wsf",
            ".wsh", ".ps1", ".hta", ".lnk", ".jar", ".apk", ".dex", ".sh", ".elf", ".app", ".cpl", ".reg", ".msc");
    private static final String[] SCRIPT_MARKERS = {
        "<script",
        "<hta:application",
        "wscript.shell",
        "wscript.createobject",
        "activexobject",
        "createobject(",
        "powershell",
        "invoke-expression",
        "iex(",
        "frombase64string",
        "@echo off",
        "cmd.exe",
        "cmd /c",
        "javascript:",
        "onload=",
        "onerror=",
        "document.write(",
        "eval(",
        "shell.application"
    };

    private FileSniffer() {}

    /** What kind of executable or script {@code bytes} hold, if any. */
    static Optional<String> executableKind(byte[] bytes) {
        if (bytes.length < 2) {
            return Optional.empty();
        }
        if (startsWith(bytes, 'M', 'Z') && bytes.length >= 64) {
            return Optional.of("windows executable");
        }
        if (startsWith(bytes, 0x7F, 'E', 'L', 'F')) {
            return Optional.of("ELF executable");
        }
        if (startsWith(bytes, 0xFE, 0xED, 0xFA, 0xCE)
                || startsWith(bytes, 0xFE, 0xED, 0xFA, 0xCF)
                || startsWith(bytes, 0xCE, 0xFA, 0xED, 0xFE)
                || startsWith(bytes, 0xCF, 0xFA, 0xED, 0xFE)) {
            return Optional.of("Mach-O executable");
        }
        if (startsWith(bytes, 0xCA, 0xFE, 0xBA, 0xBE)) {
            return Optional.of("Java class or universal binary");
        }
        if (startsWith(bytes, 'd', 'e', 'x', '\n')) {
            return Optional.of("Android DEX");
        }
        if (startsWith(bytes, '#', '!')) {
            return Optional.of("script");
        }
        if (startsWith(bytes, 0x4C, 0x00, 0x00, 0x00, 0x01, 0x14, 0x02, 0x00)) {
            return Optional.of("Windows shortcut");
        }
        if (startsWith(bytes, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            return ole(bytes);
        }
        if (startsWith(bytes, 'P', 'K', 0x03, 0x04)) {
            return zip(bytes);
        }
        if (startsWith(bytes, '%', 'P', 'D', 'F')) {
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            return text.contains("/JavaScript") || text.contains("/Launch") || text.contains("/JS ")
                    ? Optional.of("PDF with script")
                    : Optional.empty();
        }
        return script(bytes);
    }

    private static Optional<String> ole(byte[] bytes) {
        String wide = new String(bytes, StandardCharsets.UTF_16LE);
        if (wide.contains("_VBA_PROJECT") || wide.contains("VBA") && wide.contains("Macros")) {
            return Optional.of("Office file with macros");
        }
        // the class id of a Windows Installer database, {000C1084-0000-0000-C000-000000000046}
        byte[] msi = {(byte) 0x84, 0x10, 0x0C, 0x00, 0x00, 0x00, 0x00, 0x00, (byte) 0xC0, 0, 0, 0, 0, 0, 0, 0x46};
        return indexOf(bytes, msi) >= 0 ? Optional.of("Windows installer") : Optional.empty();
    }

    private static Optional<String> zip(byte[] bytes) {
        boolean manifest = false;
        boolean dex = false;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            int entries = 0;
            for (ZipEntry entry = zip.getNextEntry();
                    entry != null && entries < MAX_ZIP_ENTRIES;
                    entry = zip.getNextEntry()) {
                entries++;
                String name = entry.getName().toLowerCase(Locale.ROOT);
                if (name.equals("androidmanifest.xml")) {
                    manifest = true;
                } else if (name.endsWith(".dex")) {
                    dex = true;
                } else if (name.endsWith("vbaproject.bin")) {
                    return Optional.of("Office file with macros");
                } else if (name.equals("meta-inf/manifest.mf") && mainClass(zip)) {
                    return Optional.of("executable JAR");
                }
                for (String suffix : EXECUTABLE_ENTRY_SUFFIXES) {
                    if (name.endsWith(suffix)) {
                        return Optional.of("archive holding " + suffix);
                    }
                }
                if (manifest && dex) {
                    return Optional.of("Android package");
                }
            }
        } catch (IOException | RuntimeException e) {
            // a damaged archive is judged on what could be read
        }
        return manifest && dex ? Optional.of("Android package") : Optional.empty();
    }

    private static boolean mainClass(ZipInputStream zip) throws IOException {
        byte[] head = zip.readNBytes(MAX_MANIFEST);
        return new String(head, StandardCharsets.UTF_8).contains("Main-Class:");
    }

    private static Optional<String> script(byte[] bytes) {
        int n = Math.min(bytes.length, TEXT_PREFIX);
        int printable = 0;
        for (int k = 0; k < n; k++) {
            int b = bytes[k] & 0xFF;
            if (b == '\n' || b == '\r' || b == '\t' || (b >= 0x20 && b != 0x7F)) {
                printable++;
            }
        }
        if (n == 0 || printable < n * 0.95) {
            return Optional.empty();
        }
        String text = new String(bytes, 0, n, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        for (String marker : SCRIPT_MARKERS) {
            if (text.contains(marker)) {
                return Optional.of("script");
            }
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int k = 0; k < prefix.length; k++) {
            if ((bytes[k] & 0xFF) != (prefix[k] & 0xFF)) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] bytes, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= bytes.length; i++) {
            for (int k = 0; k < needle.length; k++) {
                if (bytes[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
