package dev.parley.core.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The lines of a byte stream split at {@code \n} (a {@code \r} before it dropped), each exposed as a range of a
 * reused buffer, valid until the next call of {@link #next()}.
 */
final class ByteLines {
    private final InputStream in;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private byte[] buffer = new byte[1 << 16];
    private int start;
    private int end;
    private boolean eof;
    private int lineStart;
    private int lineEnd;

    ByteLines(InputStream in) {
        this.in = in;
    }

    /** Moves to the next line; false at the end of the stream. */
    boolean next() throws IOException {
        while (true) {
            for (int i = start; i < end; i++) {
                if (buffer[i] == '\n') {
                    setLine(start, i);
                    start = i + 1;
                    return true;
                }
            }
            if (eof) {
                if (start < end) {
                    setLine(start, end);
                    start = end;
                    return true;
                }
                return false;
            }
            if (start > 0) {
                System.arraycopy(buffer, start, buffer, 0, end - start);
                end -= start;
                start = 0;
            }
            if (end == buffer.length) {
                buffer = Arrays.copyOf(buffer, buffer.length * 2);
            }
            int n = in.read(buffer, end, buffer.length - end);
            if (n < 0) {
                eof = true;
            } else {
                end += n;
            }
        }
    }

    private void setLine(int from, int to) {
        lineStart = from;
        lineEnd = to > from && buffer[to - 1] == '\r' ? to - 1 : to;
    }

    /** The buffer holding the current line. */
    byte[] buffer() {
        return buffer;
    }

    /** Where the current line starts in {@link #buffer()}. */
    int offset() {
        return lineStart;
    }

    /** The length of the current line in bytes. */
    int length() {
        return lineEnd - lineStart;
    }

    /** Drops a UTF-8 byte order mark at the start of the current line. */
    void skipByteOrderMark() {
        if (length() >= 3
                && buffer[lineStart] == (byte) 0xEF
                && buffer[lineStart + 1] == (byte) 0xBB
                && buffer[lineStart + 2] == (byte) 0xBF) {
            lineStart += 3;
        }
    }

    /** Whether the current line holds only spaces and tabs. */
    boolean blank() {
        for (int i = lineStart; i < lineEnd; i++) {
            byte b = buffer[i];
            if (b != ' ' && b != '\t' && b != '\r' && b != '\f' && b != 0x0B) {
                return false;
            }
        }
        return true;
    }

    /** Whether the current line is well-formed UTF-8. */
    boolean validUtf8() {
        boolean ascii = true;
        for (int i = lineStart; i < lineEnd && ascii; i++) {
            ascii = buffer[i] >= 0;
        }
        if (ascii) {
            return true;
        }
        try {
            utf8.reset().decode(ByteBuffer.wrap(buffer, lineStart, length()));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
