package dev.triagedesk.evidence.api;

import dev.triagedesk.evidence.har.HeldOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * The held copy of a split sanitize's second half, where a line written as it was read is held as where it stands
 * in the input rather than as its bytes: nearly every line of a log goes out unchanged, and holding 100 MB of them in
 * a temporary file cost the second thread a write of every byte (and the file system the pages). The changed lines
 * go to a {@link HeldOutput}; {@link #read} gives the copy back in order, the unchanged lines read from the input
 * again. Stretches are noted in a bounded table; once it is full, every further line is held as bytes.
 */
final class HeldLines extends OutputStream {

    /** At most this many stretches (16 bytes each) are noted; a log whose lines change one in two still fits 8 MB of them. */
    static final int MAX_STRETCHES = 1 << 16;

    private final Path file;
    private final int maxStretches;
    /** Where the input this half was read from starts in {@link #file}. */
    private final long base;
    private final HeldOutput changed = new HeldOutput();
    /** Pairs: the stretch's offset in the input (-1: held in {@link #changed}) and its length. */
    private long[] stretches = new long[64];
    /**
     * A checksum of the unchanged lines as they were read (and scanned): the replay reads them again and refuses
     * a copy whose input changed in between, which no scan would have seen.
     */
    private final CRC32C asRead = new CRC32C();
    private int count;
    private long length;
    /** The input offset of the bytes the next {@link #write} brings, when they are as read (else -1). */
    private long nextAt = -1;
    private int nextLength;

    HeldLines(Path file, long base) {
        this(file, base, MAX_STRETCHES);
    }

    /** With room for {@code maxStretches} stretches (tests fill it). */
    HeldLines(Path file, long base, int maxStretches) {
        this.file = file;
        this.base = base;
        this.maxStretches = maxStretches;
    }

    /**
     * The next {@link #write} of {@code length} bytes brings the input's bytes at {@code at} (relative to the half's
     * start) as they were read: they are held as that place.
     */
    void nextIsInput(long at, int length) {
        nextAt = at;
        nextLength = length;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        long at = nextAt;
        nextAt = -1;
        if (len == 0) {
            return;
        }
        if (at >= 0 && len == nextLength && count < maxStretches) {
            note(base + at, len);
            asRead.update(b, off, len);
        } else {
            changed.write(b, off, len);
            note(-1, len);
        }
        length += len;
    }

    private void note(long at, int len) {
        if (count > 0) {
            int last = 2 * (count - 1);
            long lastAt = stretches[last];
            if (lastAt < 0 ? at < 0 : lastAt + stretches[last + 1] == at) {
                stretches[last + 1] += len; // goes on where the last stretch ends
                return;
            }
        }
        if (2 * count + 2 > stretches.length) {
            stretches = Arrays.copyOf(stretches, stretches.length * 2);
        }
        stretches[2 * count] = at;
        stretches[2 * count + 1] = len;
        count++;
    }

    long length() {
        return length;
    }

    /** Everything written, in order: the unchanged stretches read from the input, the rest from what was held. */
    InputStream read() throws IOException {
        return new Replay(changed.read(), FileChannel.open(file, StandardOpenOption.READ));
    }

    /** Drops what is held (its temporary file deleted by a thread of its own). */
    void discard() {
        changed.discardInBackground();
    }

    private final class Replay extends InputStream {
        private final InputStream changedBytes;
        private final FileChannel input;
        private int stretch = -1;
        private long left;
        private long position;
        private final CRC32C reread = new CRC32C();

        Replay(InputStream changedBytes, FileChannel input) {
            this.changedBytes = changedBytes;
            this.input = input;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (left == 0) {
                if (++stretch >= count) {
                    return -1;
                }
                position = stretches[2 * stretch];
                left = stretches[2 * stretch + 1];
            }
            int want = (int) Math.min(len, left);
            int n = position < 0 ? changedBytes.read(b, off, want) : input.read(ByteBuffer.wrap(b, off, want), position);
            if (n <= 0) {
                throw new IOException("the input or the held copy ended before the copy did");
            }
            left -= n;
            if (position >= 0) {
                reread.update(b, off, n);
                position += n;
            }
            if (left == 0 && stretch == count - 1 && reread.getValue() != asRead.getValue()) {
                throw new IOException("the input changed while its second half was sanitized");
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            try (changedBytes; input) {
                // both closed
            }
        }
    }
}
