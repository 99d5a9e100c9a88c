package dev.triagedesk.evidence.api;

import dev.triagedesk.evidence.input.Uninterruptibly;
import dev.triagedesk.evidence.console.LineReader;
import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The lines of a log read by a thread of its own, each with what it says alone worked out
 * ({@link ParsedLine#readAhead()}), handed over in order, a batch at a time: the analyzer's thread is left with
 * correlating them. A batch ends at {@value #BATCH} lines or {@value #BATCH_CHARS} characters, and a few batches
 * wait at most, so memory stays bounded whatever the lines' length.
 */
final class ReadAhead implements AutoCloseable {

    private static final int BATCH = 512;
    private static final int BATCH_CHARS = 1 << 20;
    private static final ParsedLine[] END = new ParsedLine[0];

    private final BlockingQueue<ParsedLine[]> queue = new ArrayBlockingQueue<>(4);
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread thread;
    /** What reading met, thrown on the analyzer's thread as it would have been there. */
    private volatile Throwable failed;
    private ParsedLine[] batch = new ParsedLine[0];
    /** The reading thread met the end of the lines. */
    private boolean linesEnded;
    private int next;

    /** Where the lines come from: each line's text (only the first piece of a longer one), null at the end. */
    interface Lines {
        String next() throws IOException;
    }

    ReadAhead(LineReader lines) {
        this(() -> {
            LineReader.Line l = lines.nextSkippingRest();
            return l == null ? null : l.text();
        });
    }

    ReadAhead(Lines lines) {
        thread = new Thread(() -> read(lines), "triage-api-log-read-ahead");
        thread.setDaemon(true);
        thread.start();
    }

    /** The next line, or {@code null} at the end; throws what reading met. */
    ParsedLine next() throws IOException {
        if (next == batch.length) {
            if (batch == END) {
                return null;
            }
            try {
                batch = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while reading the log", e);
            }
            next = 0;
            if (batch == END) {
                Throwable f = failed;
                if (f instanceof IOException e) {
                    throw e;
                } else if (f instanceof RuntimeException e) {
                    throw e;
                } else if (f instanceof Error e) {
                    throw e;
                }
                return null;
            }
        }
        return batch[next++];
    }

    private void read(Lines lines) {
        try {
            boolean first = true;
            while (!linesEnded) {
                ParsedLine[] b = new ParsedLine[BATCH];
                int n = fill(lines, b, first);
                first = false;
                if (n > 0 && !hand(n == BATCH ? b : Arrays.copyOf(b, n))) {
                    return;
                }
            }
        } catch (IOException | RuntimeException | Error e) {
            failed = e;
        }
        hand(END);
    }

    /**
     * Reads lines into {@code b} until it is full, {@value #BATCH_CHARS} characters are in it or the lines end
     * ({@link #linesEnded}); says how many. A method of its own, called once a batch, so the JIT compiles the
     * per-line work as a method: as the body of one long loop it was compiled on the loop's stack (OSR), and each
     * time a branch it had not seen was taken that code was thrown away and the loop went on in the interpreter
     * until compiled again.
     */
    private int fill(Lines lines, ParsedLine[] b, boolean first) throws IOException {
        int n = 0;
        long chars = 0;
        for (String text = lines.next(); text != null; text = lines.next()) {
            b[n] = (first && n == 0 ? ParsedLine.first(text) : new ParsedLine(text)).readAhead();
            n++;
            chars += text.length();
            if (n == BATCH || chars >= BATCH_CHARS) {
                return n;
            }
        }
        linesEnded = true;
        return n;
    }

    /** Hands a batch over; false when the analyzer stopped taking them. */
    private boolean hand(ParsedLine[] b) {
        try {
            while (!closed.get()) {
                if (queue.offer(b, 100, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    /** Stops the reading thread (the analyzer is done or failed) and waits for it. */
    @Override
    public void close() {
        closed.set(true);
        queue.clear();
        Uninterruptibly.join(thread);
    }
}
