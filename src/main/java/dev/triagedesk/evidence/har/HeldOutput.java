package dev.triagedesk.evidence.har;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The sanitized second half of a split HAR, held until the first half is written: in memory up to
 * {@link #IN_MEMORY} bytes, then in a temporary file (so a 1 GB capture still fits a small heap).
 */
final class HeldOutput extends OutputStream {

    private static final int IN_MEMORY = 16 << 20;

    private byte[] buf = new byte[64 * 1024];
    private int len;
    private Path file;
    private OutputStream spill;
    private long spilled;

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int n) throws IOException {
        if (spill == null && len + n > IN_MEMORY) {
            file = Files.createTempFile("triage-half", ".har.part");
            spill = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        }
        if (spill != null) {
            spill.write(b, off, n);
            spilled += n;
            return;
        }
        if (len + n > buf.length) {
            buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
        }
        System.arraycopy(b, off, buf, len, n);
        len += n;
    }

    long length() {
        return len + spilled;
    }

    /** Everything written, from the start: the memory part, then the file. */
    InputStream read() throws IOException {
        InputStream memory = new ByteArrayInputStream(buf, 0, len);
        if (spill == null) {
            return memory;
        }
        spill.flush();
        return new SequenceInputStream(memory, new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16));
    }

    /** Drops what is held (the temporary file too). */
    void discard() {
        buf = new byte[0];
        len = 0;
        if (spill != null) {
            try {
                spill.close();
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                spill = null;
                file = null;
            }
        }
    }
}
