package dev.triagedesk.evidence.har;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Random access to the bytes of the file a parser is reading. Jackson reports where each string token starts;
 * with the file at hand the processor can copy a large body byte for byte instead of decoding it to characters
 * and encoding it again, which is most of the cost of sanitizing a HAR full of base64 assets.
 */
final class RawBytes implements Closeable {

    private final Path file;
    private final FileChannel channel;
    private final long base;

    /** @param base where the parser's byte 0 is in the file (after a BOM or a JSONP prefix) */
    RawBytes(Path file, long base) {
        try {
            this.channel = FileChannel.open(file, StandardOpenOption.READ);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.file = file;
        this.base = base;
    }

    /** The same file, seen by a parser whose byte 0 is this one's byte {@code offset} (its own channel). */
    RawBytes shifted(long offset) {
        return new RawBytes(file, base + offset);
    }

    /** How many bytes there are from this view's byte 0 to the end of the file. */
    long size() {
        try {
            return channel.size() - base;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A buffered stream from byte {@code from} to the end of the file, on a channel of its own. */
    InputStream streamFrom(long from) throws IOException {
        FileChannel own = FileChannel.open(file, StandardOpenOption.READ);
        own.position(base + from);
        return new java.io.BufferedInputStream(java.nio.channels.Channels.newInputStream(own), 1 << 16);
    }

    /** Strings up to this long are read once for both their end and their bytes (see {@link #endOfString}). */
    private static final int READ_AHEAD = 1 << 20;

    private byte[] reusable = new byte[64 * 1024];
    /** Where the bytes held in {@link #reusable} start, in the parser's coordinates (-1: none), and how many. */
    private long heldFrom = -1;
    private int heldLength;

    /**
     * Bytes {@code [from, to)} in a buffer that the next call reuses (the caller is done with them by then):
     * copying one 200 KB asset after another should not allocate 200 KB each time. Bytes {@link #endOfString}
     * has just read are not read again.
     */
    byte[] readReusing(long from, long to) {
        int n = Math.toIntExact(to - from);
        if (from == heldFrom && n <= heldLength) {
            return reusable;
        }
        hold(from, n);
        return reusable;
    }

    /** Reads {@code n} bytes from {@code from} into {@link #reusable}. */
    private void hold(long from, int n) {
        if (reusable.length < n) {
            reusable = new byte[Math.max(n, reusable.length * 2)];
        }
        heldFrom = -1; // until the read is complete
        readInto(reusable, from, n);
        heldFrom = from;
        heldLength = n;
    }

    private void readInto(byte[] target, long from, int n) {
        ByteBuffer buf = ByteBuffer.wrap(target, 0, n);
        try {
            long pos = base + from;
            while (buf.hasRemaining()) {
                int r = channel.read(buf, pos + buf.position());
                if (r < 0) {
                    throw new IOException("file ended before byte " + (pos + n));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Bytes {@code [from, to)} in the parser's coordinates. */
    byte[] read(long from, long to) {
        int n = Math.toIntExact(to - from);
        ByteBuffer buf = ByteBuffer.allocate(n);
        try {
            long pos = base + from;
            while (buf.hasRemaining()) {
                int r = channel.read(buf, pos + buf.position());
                if (r < 0) {
                    throw new IOException("file ended before byte " + (pos + n));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buf.array();
    }

    /** A stream over bytes {@code [from, to)}. */
    InputStream stream(long from, long to) {
        return new InputStream() {
            private long pos = from;
            private final ByteBuffer one = ByteBuffer.allocate(1);

            @Override
            public int read() throws IOException {
                if (pos >= to) {
                    return -1;
                }
                one.clear();
                if (channel.read(one, base + pos) <= 0) {
                    return -1;
                }
                pos++;
                return one.get(0) & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (pos >= to) {
                    return -1;
                }
                int n = (int) Math.min(len, to - pos);
                int r = channel.read(ByteBuffer.wrap(b, off, n), base + pos);
                if (r > 0) {
                    pos += r;
                }
                return r;
            }
        };
    }

    /**
     * End (exclusive) of the string token that starts at {@code start} and whose closing quote precedes
     * {@code nextTokenStart}. A string of up to a megabyte is read whole, and kept for {@link #readReusing}: a body
     * is then read from the file once instead of twice (its tail here, all of it when it is written).
     */
    long endOfString(long start, long nextTokenStart) {
        long length = nextTokenStart - start;
        if (length > READ_AHEAD || length < 2) {
            return endOfStringBefore(nextTokenStart);
        }
        hold(start, (int) length);
        for (int i = (int) length - 1; i > 0; i--) {
            byte b = reusable[i];
            if (b == '"') {
                return start + i + 1;
            }
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t' && b != ',') {
                break;
            }
        }
        throw new IllegalStateException("no closing quote before byte " + nextTokenStart);
    }

    /** End (exclusive) of the string token whose closing quote precedes {@code nextTokenStart}. */
    long endOfStringBefore(long nextTokenStart) {
        int window = 64;
        while (true) {
            long from = Math.max(0, nextTokenStart - window);
            byte[] tail = read(from, nextTokenStart);
            for (int i = tail.length - 1; i >= 0; i--) {
                byte b = tail[i];
                if (b == '"') {
                    return from + i + 1;
                }
                if (b != ' ' && b != '\n' && b != '\r' && b != '\t' && b != ',') {
                    throw new IllegalStateException("no closing quote before byte " + nextTokenStart);
                }
            }
            if (from == 0) {
                throw new IllegalStateException("no closing quote before byte " + nextTokenStart);
            }
            window *= 16;
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
