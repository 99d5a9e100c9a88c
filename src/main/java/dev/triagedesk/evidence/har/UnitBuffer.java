package dev.triagedesk.evidence.har;

import dev.triagedesk.evidence.redact.Base64Literals;
import dev.triagedesk.evidence.redact.LeftoverScan;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Holds back the bytes of one unit of output (an entry, the pages array) until the unit is complete. When a
 * lenient read breaks off mid-entry, the half-written entry is discarded and the sanitized file still ends with
 * whole entries and valid JSON. Units larger than memory allows spill to a temporary file.
 */
final class UnitBuffer extends OutputStream {

    private static final int SPILL_AT = 8 << 20;

    private final OutputStream target;
    private byte[] buf = new byte[64 * 1024];
    private int len;
    private boolean holding;
    private Path spillFile;
    private OutputStream spill;

    /**
     * Where the held unit's base64 literals are (start, length, start, length…), to hand them to a scanning target
     * the cheap way on commit: most of a capture's bytes are such literals, and scanning them for every secret
     * shape costs several times more. Null when the target does not scan.
     */
    private final IntList literals;

    UnitBuffer(OutputStream target) {
        this.target = target;
        this.literals = target instanceof LeftoverScan.ScanningStream ? new IntList() : null;
    }

    /**
     * Writes a string literal that should hold only base64: straight to a scanning target that checks it cheaply,
     * when not holding. False, and nothing written, when it does not hold only base64.
     */
    boolean writeBase64Literal(byte[] literal, int length) throws IOException {
        if (!holding && target instanceof LeftoverScan.ScanningStream scanning) {
            return scanning.writeBase64Literal(literal, 0, length);
        }
        if (!Base64Literals.isBase64Literal(literal, length)) {
            return false;
        }
        int at = len;
        write(literal, 0, length);
        if (holding && spill == null && literals != null) {
            literals.add(at);
            literals.add(length);
        }
        return true;
    }

    /** Whether what is written here is scanned for leftover secrets on its way out. */
    boolean scanning() {
        return target instanceof LeftoverScan.ScanningStream;
    }

    /** Writes output that {@code scannedBy} already scanned (see {@code ScanningStream#writeScanned}). */
    void writeScanned(InputStream in, long length, LeftoverScan scannedBy,
                      long firstByte) throws IOException {
        if (!holding && target instanceof LeftoverScan.ScanningStream scanning) {
            scanning.writeScanned(in, length, scannedBy, firstByte);
            return;
        }
        byte[] chunk = new byte[1 << 16];
        long left = length;
        while (left > 0) {
            int r = in.read(chunk, 0, (int) Math.min(chunk.length, left));
            if (r < 0) {
                throw new IOException("held output ended " + left + " bytes early");
            }
            write(chunk, 0, r);
            left -= r;
        }
    }

    /** Starts holding bytes back. */
    void begin() {
        holding = true;
        len = 0;
        clearLiterals();
    }

    private void clearLiterals() {
        if (literals != null) {
            literals.size = 0;
        }
    }

    /** Passes the held unit on. */
    void commit() throws IOException {
        if (spill != null) {
            spill.write(buf, 0, len);
            spill.close();
            try (InputStream in = Files.newInputStream(spillFile)) {
                in.transferTo(target);
            }
            dropSpill();
        } else if (literals != null && literals.size > 0) {
            LeftoverScan.ScanningStream scanning = (LeftoverScan.ScanningStream) target;
            int from = 0;
            for (int k = 0; k < literals.size; k += 2) {
                int at = literals.values[k];
                int n = literals.values[k + 1];
                target.write(buf, from, at - from);
                scanning.writeCheckedBase64Literal(buf, at, n); // checked when it was held
                from = at + n;
            }
            target.write(buf, from, len - from);
        } else {
            target.write(buf, 0, len);
        }
        clearLiterals();
        len = 0;
        holding = false;
        if (buf.length > 1 << 20) {
            buf = new byte[64 * 1024]; // do not keep a one-off large buffer
        }
    }

    /** Forgets the held unit. */
    void discard() {
        clearLiterals();
        len = 0;
        holding = false;
        dropSpill();
    }

    @Override
    public void write(int b) throws IOException {
        if (!holding) {
            target.write(b);
            return;
        }
        ensure(1);
        buf[len++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int n) throws IOException {
        if (!holding) {
            target.write(b, off, n);
            return;
        }
        if (len + n > SPILL_AT) {
            if (spill == null) {
                spillFile = Files.createTempFile("triage-unit", ".part");
                spill = Files.newOutputStream(spillFile);
            }
            spill.write(buf, 0, len);
            len = 0;
            clearLiterals(); // the unit goes out through the file, scanned as a whole
            if (n > buf.length) {
                spill.write(b, off, n);
                return;
            }
        }
        ensure(n);
        System.arraycopy(b, off, buf, len, n);
        len += n;
    }

    private void ensure(int n) {
        if (len + n > buf.length) {
            byte[] bigger = new byte[Math.max(buf.length * 2, len + n)];
            System.arraycopy(buf, 0, bigger, 0, len);
            buf = bigger;
        }
    }

    /** The generator flushes after each unit; the real target is flushed once, at the end. */
    @Override
    public void flush() {
    }

    void finish() {
        try {
            target.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A growable list of ints, without boxing. */
    private static final class IntList {
        int[] values = new int[64];
        int size;

        void add(int v) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }
    }

    private void dropSpill() {
        if (spill != null) {
            try {
                spill.close();
                Files.deleteIfExists(spillFile);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                spill = null;
                spillFile = null;
            }
        }
    }
}
