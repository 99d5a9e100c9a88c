package dev.triagedesk.evidence.batch;

import dev.triagedesk.evidence.input.FileRange;
import dev.triagedesk.evidence.har.HarProcessor;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Whether and where a Batch file of JSON Lines is read by two threads: its lines are independent, so each thread
 * reads one half, split just after a line break near the middle, and the halves are joined in file order. The policy
 * is the HAR's ({@link HarProcessor#splitPaysOff()}): a plain file above a size, once the JIT has compiled the
 * engine.
 */
final class BatchSplit {

    /** Bytes of Batch files this JVM has read, to tell whether the JIT has compiled the reader yet. */
    private static final AtomicLong BYTES_READ = new AtomicLong();
    private static final long COMPILED_AFTER = 256L << 20;
    /** How many split reads were joined, for tests that must know a split really happened. */
    static final AtomicLong JOINED = new AtomicLong();

    private BatchSplit() {
    }

    /** Whether a split pays off in this JVM now (see {@link HarProcessor#splitPaysOff()}). */
    static boolean paysOff() {
        return HarProcessor.splitPaysOff() || BYTES_READ.get() >= COMPILED_AFTER;
    }

    static void read(long bytes) {
        BYTES_READ.addAndGet(Math.max(0, bytes));
    }

    /**
     * Where the second half starts, in bytes from {@code offset}: just after the first line break from the middle
     * on; -1 when the file is smaller than {@code splitAbove} (negative: never split) or has no break there.
     */
    static long point(Path file, long offset, long splitAbove) throws IOException {
        if (file == null || splitAbove < 0) {
            return -1;
        }
        long size = Files.size(file) - offset;
        if (size < Math.max(2, splitAbove)) {
            return -1;
        }
        // a line of any length: the break is looked for up to the end
        long at = FileRange.lineStartAfterMiddle(file, offset, offset + size, Long.MAX_VALUE);
        return at < 0 ? -1 : at - offset;
    }

    /** The bytes {@code [from, to)} of the file (absolute offsets; {@code to} negative: to its end), buffered. */
    static InputStream open(Path file, long from, long to) throws IOException {
        return new BufferedInputStream(FileRange.open(file, from, to), 1 << 16);
    }
}
