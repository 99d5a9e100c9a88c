package dev.triagedesk.evidence;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A view of a stream that a writer may close without closing the stream itself (closing flushes): for a JSON
 * generator or a scanning wrapper over a ZIP entry or a file someone else owns.
 */
public final class NonClosingOutputStream extends FilterOutputStream {

    private NonClosingOutputStream(OutputStream out) {
        super(out);
    }

    public static OutputStream of(OutputStream out) {
        return new NonClosingOutputStream(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len); // FilterOutputStream would write byte by byte
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}
