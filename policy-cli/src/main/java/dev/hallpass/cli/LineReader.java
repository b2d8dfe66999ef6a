package dev.hallpass.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads JSON Lines byte by byte so that one line of invalid UTF-8 is reported as that line's error
 * instead of ending the whole stream.
 */
final class LineReader {
    /** One line: its text, or null when its bytes are not valid UTF-8. */
    record Line(int number, String text) {}

    private final InputStream in;
    private byte[] buffer = new byte[8192];
    private int number;

    LineReader(InputStream in) {
        this.in = in;
    }

    /** The next line (without its terminator), or null at end of input. */
    Line next() throws IOException {
        int length = 0;
        int b;
        boolean any = false;
        while ((b = in.read()) != -1) {
            any = true;
            if (b == '\n') {
                break;
            }
            if (length == buffer.length) {
                buffer = Arrays.copyOf(buffer, buffer.length * 2);
            }
            buffer[length++] = (byte) b;
        }
        if (!any) {
            return null;
        }
        if (length > 0 && buffer[length - 1] == '\r') {
            length--;
        }
        number++;
        return new Line(number, decode(buffer, length));
    }

    /** True when more input can be read without blocking. */
    boolean ready() throws IOException {
        return in.available() > 0;
    }

    private static String decode(byte[] bytes, int length) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, length))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
