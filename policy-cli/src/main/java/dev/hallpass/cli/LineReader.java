package dev.hallpass.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads JSON Lines as bytes, so that one line of invalid UTF-8 is reported as that line's error
 * instead of ending the whole stream, and so that a line longer than the limit is counted and
 * skipped without being held in memory (contract §7.1): at most {@code maxLineBytes + 1} bytes of
 * a line are ever kept. A line's length excludes its {@code \n} and a {@code \r} before it. Not
 * thread-safe.
 */
final class LineReader {
    /** The limit when none is given: 8 MiB. */
    static final int DEFAULT_MAX_LINE_BYTES = 8 * 1024 * 1024;

    /**
     * One line.
     *
     * @param number its line number, from 1
     * @param text its text, or null when its bytes are not valid UTF-8 or it is too long
     * @param bytes its length in bytes (without the line terminator)
     * @param tooLong true when {@code bytes} exceeds the limit; {@code text} is then null
     */
    record Line(int number, String text, long bytes, boolean tooLong) {}

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] chunk = new byte[1 << 16];
    private int chunkPos;
    private int chunkEnd;
    private byte[] line = new byte[8192];
    private int number;

    LineReader(InputStream in) {
        this(in, DEFAULT_MAX_LINE_BYTES);
    }

    /** @param maxLineBytes the longest line kept, in bytes; at least 1 */
    LineReader(InputStream in, int maxLineBytes) {
        if (maxLineBytes < 1 || maxLineBytes == Integer.MAX_VALUE) {
            throw new IllegalArgumentException("maxLineBytes: must be between 1 and " + (Integer.MAX_VALUE - 1));
        }
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** The next line (without its terminator), or null at end of input. */
    Line next() throws IOException {
        long total = 0; // bytes of the line so far, \r included
        int kept = 0;
        boolean any = false;
        boolean endsInCr = false;
        while (true) {
            if (chunkPos == chunkEnd && !fill()) {
                break;
            }
            any = true;
            int start = chunkPos;
            int newline = -1;
            for (int i = start; i < chunkEnd; i++) {
                if (chunk[i] == '\n') {
                    newline = i;
                    break;
                }
            }
            int end = newline < 0 ? chunkEnd : newline;
            int n = end - start;
            if (n > 0) {
                // Keep one byte beyond the limit: it may be the \r of a line exactly at the limit.
                int room = maxLineBytes + 1 - kept;
                int keep = Math.min(n, room);
                if (keep > 0) {
                    ensureCapacity(kept + keep);
                    System.arraycopy(chunk, start, line, kept, keep);
                    kept += keep;
                }
                total += n;
                endsInCr = chunk[end - 1] == '\r';
            }
            chunkPos = newline < 0 ? chunkEnd : newline + 1;
            if (newline >= 0) {
                break;
            }
        }
        if (!any) {
            return null;
        }
        number++;
        long length = endsInCr ? total - 1 : total;
        if (length > maxLineBytes) {
            return new Line(number, null, length, true);
        }
        return new Line(number, decode(line, (int) length), length, false);
    }

    /** True when more input can be read without blocking. */
    boolean ready() throws IOException {
        return chunkPos < chunkEnd || in.available() > 0;
    }

    private boolean fill() throws IOException {
        int n;
        do {
            n = in.read(chunk, 0, chunk.length);
        } while (n == 0);
        if (n < 0) {
            return false;
        }
        chunkPos = 0;
        chunkEnd = n;
        return true;
    }

    private void ensureCapacity(int needed) {
        if (needed > line.length) {
            int grown = (int) Math.min((long) maxLineBytes + 1, Math.max(needed, (long) line.length * 2));
            line = Arrays.copyOf(line, grown);
        }
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
