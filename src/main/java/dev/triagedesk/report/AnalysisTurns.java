package dev.triagedesk.report;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * A few reporters' uploads are read and stored at once ({@code triage.upload.analyses-at-once}, 4 by default);
 * the others wait their turn, up to {@code triage.upload.analysis-wait} (2 minutes), before their transaction
 * starts. Reading a large file takes seconds and holds a database connection all along (the upload is stored in
 * the transaction that reads it, so a crash leaves all of it or nothing): a flood of uploads, as an outage brings,
 * took every connection of the pool, and the staff's pages and the reporters' other steps waited for one or were
 * answered "busy". On two cores more analyses at once read no faster anyway.
 *
 * <p>An upload still waiting when its time is up is answered as when no connection was free: busy, nothing stored,
 * send it again.
 */
@Component
class AnalysisTurns {

    private final Semaphore turns;
    private final int atOnce;
    private final Duration wait;

    AnalysisTurns(@Value("${triage.upload.analyses-at-once:4}") int atOnce,
                  @Value("${triage.upload.analysis-wait:2m}") Duration wait) {
        if (atOnce < 1 || wait.isNegative()) {
            throw new IllegalStateException("triage.upload.analyses-at-once must be at least 1 and"
                    + " triage.upload.analysis-wait not negative");
        }
        this.atOnce = atOnce;
        this.turns = new Semaphore(atOnce, true);
        this.wait = wait;
    }

    /** Runs {@code step} (a transaction that reads uploads) when it is its turn. */
    <T> T inTurn(Supplier<T> step) {
        return inTurn(step, wait);
    }

    <T> T inTurn(Supplier<T> step, Duration longest) {
        boolean taken;
        try {
            taken = turns.tryAcquire(longest.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CannotCreateTransactionException("interrupted while waiting for a turn to read an upload");
        }
        if (!taken) {
            throw new CannotCreateTransactionException("every one of the " + atOnce + " turns to read an upload"
                    + " stayed taken for " + longest.toSeconds() + " s");
        }
        try {
            return step.get();
        } finally {
            turns.release();
        }
    }

    /** Takes every turn, as uploads being read would (for tests); given back with {@link #giveBack}. */
    void takeAll() {
        turns.acquireUninterruptibly(atOnce);
    }

    void giveBack() {
        turns.release(atOnce);
    }
}
