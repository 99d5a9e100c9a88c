package dev.triagedesk.evidence.input;

import dev.triagedesk.evidence.EvidenceException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongSupplier;

/**
 * Counts what a decompressing stream produces and stops it when it grows past the {@link InputLimits}. Damaged
 * compressed data (a download cut short, a corrupt block) is an {@link EvidenceException} saying so, like any other
 * input that cannot be read, not an I/O error of the server's.
 */
final class ExpansionGuard extends FilterInputStream {

    private final InputLimits limits;
    private final LongSupplier compressedSoFar;
    private final String what;
    private long expanded;

    ExpansionGuard(InputStream in, InputLimits limits, LongSupplier compressedSoFar, String what) {
        super(in);
        this.limits = limits;
        this.compressedSoFar = compressedSoFar;
        this.what = what;
    }

    @Override
    public int read() throws IOException {
        int b;
        try {
            b = super.read();
        } catch (IOException e) {
            throw damaged(what, e);
        }
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n;
        try {
            n = super.read(b, off, len);
        } catch (IOException e) {
            throw damaged(what, e);
        }
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(int n) {
        expanded += n;
        if (expanded > limits.maxExpandedBytes()) {
            throw new EvidenceException(what + " expands to more than " + (limits.maxExpandedBytes() >> 20)
                    + " MB: refused as a possible decompression bomb");
        }
        if (expanded > limits.ratioGraceBytes()) {
            long compressed = Math.max(1, compressedSoFar.getAsLong());
            if (expanded / compressed > limits.maxRatio()) {
                throw new EvidenceException(what + " expands more than " + limits.maxRatio()
                        + " times its compressed size: refused as a possible decompression bomb");
            }
        }
    }

    /** Why compressed data could not be unpacked, in the reporter's words. */
    static EvidenceException damaged(String what, IOException e) {
        String why = e instanceof java.io.EOFException
                ? "its compressed data ends too early (the file was probably cut short while downloading or copying)"
                : "its compressed data is damaged" + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
        return new EvidenceException(what + " cannot be unpacked: " + why, e);
    }
}
