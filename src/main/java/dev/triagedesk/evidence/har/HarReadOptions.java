package dev.triagedesk.evidence.har;

/**
 * How one HAR is read.
 *
 * @param mode what broken JSON does (see {@link HarReadMode})
 * @param maxBodyInMemory bodies longer than this (in chars) are redacted as a stream of text chunks rather than
 *                        parsed as JSON or form data
 * @param splitAbove a plain file whose entries take at least this many bytes is read by two threads, each taking one
 *                   half of the entries (see {@link EntryBoundary}); negative: never
 */
public record HarReadOptions(HarReadMode mode, int maxBodyInMemory, long splitAbove) {

    /** Large enough that a second thread is worth starting, small enough for most real captures of a bug. */
    public static final long SPLIT_ABOVE = 16L << 20;
    public static final int MAX_BODY_IN_MEMORY = 4 << 20;

    public HarReadOptions(HarReadMode mode, int maxBodyInMemory) {
        this(mode, maxBodyInMemory, SPLIT_ABOVE);
    }

    /** The defaults for {@code mode}. */
    public static HarReadOptions of(HarReadMode mode) {
        return new HarReadOptions(mode, MAX_BODY_IN_MEMORY, SPLIT_ABOVE);
    }

    /** The same, splitting files whose entries take at least {@code bytes} (negative: never). */
    public HarReadOptions splitAbove(long bytes) {
        return new HarReadOptions(mode, maxBodyInMemory, bytes);
    }

    /** The same, read by one thread. */
    public HarReadOptions unsplit() {
        return splitAbove(-1);
    }

    boolean lenient() {
        return mode == HarReadMode.LENIENT;
    }
}
