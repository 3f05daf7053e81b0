package dev.parley.server.messaging.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Attachment bytes on local disk under {@code ${parley.data-dir}/attachments}, and the type of a file judged from its
 * first bytes, never from its name.
 */
@Component
class AttachmentFiles {
    /** The types a buyer may attach. */
    static final List<String> IMAGES = List.of("image/png", "image/jpeg", "image/gif", "image/webp");

    private final Path directory;

    AttachmentFiles(@Value("${parley.data-dir:./data}") String dataDir) {
        this.directory = Path.of(dataDir).toAbsolutePath().resolve("attachments");
    }

    /** A stored file: its size and SHA-256. */
    record Stored(long size, String sha256) {}

    Stored store(String id, InputStream in) {
        try {
            Files.createDirectories(directory);
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            Path target = path(id);
            Path temp = Files.createTempFile(directory, id, ".part");
            long size;
            try (DigestInputStream digesting = new DigestInputStream(in, digest)) {
                size = Files.copy(digesting, temp, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            return new Stored(size, HexFormat.of().formatHex(digest.digest()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    Path path(String id) {
        return directory.resolve(id);
    }

    /** The media type of a file from its first bytes. */
    static String sniff(byte[] head) {
        if (startsWith(head, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        if (startsWith(head, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (head.length >= 12
                && startsWith(head, 'R', 'I', 'F', 'F')
                && head[8] == 'W'
                && head[9] == 'E'
                && head[10] == 'B'
                && head[11] == 'P') {
            return "image/webp";
        }
        if (startsWith(head, 'G', 'I', 'F', '8')) {
            return "image/gif";
        }
        if (startsWith(head, '%', 'P', 'D', 'F', '-')) {
            return "application/pdf";
        }
        if (startsWith(head, 'P', 'K', 3, 4)) {
            return "application/zip";
        }
        if (startsWith(head, 'M', 'Z')) {
            return "application/vnd.microsoft.portable-executable";
        }
        if (startsWith(head, 0x7F, 'E', 'L', 'F')) {
            return "application/x-elf";
        }
        if (startsWith(head, 0xFE, 0xED, 0xFA, 0xCE)
                || startsWith(head, 0xFE, 0xED, 0xFA, 0xCF)
                || startsWith(head, 0xCE, 0xFA, 0xED, 0xFE)
                || startsWith(head, 0xCF, 0xFA, 0xED, 0xFE)
                || startsWith(head, 0xCA, 0xFE, 0xBA, 0xBE)) {
            return "application/x-mach-binary";
        }
        if (startsWith(head, '#', '!')) {
            return "text/x-shellscript";
        }
        if (isText(head)) {
            return "text/plain";
        }
        return "application/octet-stream";
    }

    private static boolean isText(byte[] head) {
        for (byte b : head) {
            if (b == 0) {
                return false;
            }
        }
        int end = head.length;
        // A multi-byte character may be cut at the end of the sample: drop up to 3 trailing continuation bytes.
        for (int i = 0; i < 3 && end > 0 && (head[end - 1] & 0xC0) == 0x80; i++) {
            end--;
        }
        if (end > 0 && (head[end - 1] & 0xC0) == 0xC0) {
            end--;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Arrays.copyOf(head, end)));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean startsWith(byte[] head, int... prefix) {
        if (head.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((head[i] & 0xFF) != (prefix[i] & 0xFF)) {
                return false;
            }
        }
        return true;
    }
}
