package dev.triagedesk.evidence.har;

import dev.triagedesk.evidence.redact.LeftoverScan;
import dev.triagedesk.evidence.redact.Redactor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * The second thread of a split HAR read: it reads the entries from a guessed entry boundary on while the first
 * thread reads up to it. The first thread joins it when it reaches an entry at exactly that byte, and cancels it
 * when it does not (the guess was wrong) or when anything fails; then it reads on alone, so a split read never
 * gives another result than a whole one.
 */
final class SplitRead implements AutoCloseable {

    /** What the second thread read: its processor (analysis, entry count, notes), findings, redactions, output. */
    record Half(HarProcessor processor, HeldFindings findings, Redactor redactor, HeldOutput output, LeftoverScan scan,
                long entriesEnd) {
    }

    /** Stops the second thread between two entries. */
    static final class Cancelled extends RuntimeException {
        Cancelled() {
            super("split read cancelled", null, false, false);
        }
    }

    private final long at;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final Thread thread;
    private volatile Half half;
    private boolean taken;

    private SplitRead(long at, Function<AtomicBoolean, Half> work) {
        this.at = at;
        this.thread = new Thread(() -> {
            try {
                half = work.apply(cancelled);
            } catch (Throwable ignored) {
                // the first thread reads on alone: it meets the same problem, if any, and reports it with its place
            }
        }, "triage-har-second-half");
        thread.setDaemon(true);
    }

    /** Starts reading from byte {@code at}; {@code work} gets the flag that asks it to stop. */
    static SplitRead start(long at, Function<AtomicBoolean, Half> work) {
        SplitRead split = new SplitRead(at, work);
        split.thread.start();
        return split;
    }

    /** Where the second half starts, in the first parser's bytes. */
    long at() {
        return at;
    }

    /** Waits for the second half; null if it failed. The caller then owns the half (and its held output). */
    Half join() {
        awaitThread();
        taken = half != null;
        return half;
    }

    /** Stops the second thread if it still runs and drops what it read, unless it was joined. */
    @Override
    public void close() {
        cancelled.set(true);
        awaitThread();
        Half h = half;
        if (!taken && h != null && h.output() != null) {
            h.output().discard();
        }
    }

    private void awaitThread() {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
