package dev.hallpass.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * stdout, remembering why a write failed: a {@link java.io.PrintWriter} only says that one did.
 * A closed pipe (the reader went away, as in {@code ./policy evaluate | head}) is told apart from
 * a real failure (a full disk), which the command reports with exit code 1.
 */
final class StdoutStream extends FilterOutputStream {
    private volatile IOException failure;

    StdoutStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        try {
            out.write(b);
        } catch (IOException e) {
            throw remember(e);
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            throw remember(e);
        }
    }

    @Override
    public void flush() throws IOException {
        try {
            out.flush();
        } catch (IOException e) {
            throw remember(e);
        }
    }

    private IOException remember(IOException e) {
        if (failure == null) {
            failure = e;
        }
        return e;
    }

    /** True when the first failed write failed because nobody reads stdout any more (EPIPE). */
    boolean readerWentAway() {
        IOException e = failure;
        return e != null && String.valueOf(e.getMessage()).contains("Broken pipe");
    }
}
