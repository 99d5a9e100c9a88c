package dev.triagedesk.support;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The system clock, which can run a change of someone else's when a change first asks it for the time inside its
 * (read-write) transaction: that change has read the ticket and not yet written it. Races are staged with it, not
 * timed. Give it to the application with {@code @TestBean(methodName = InterposingClock.FACTORY) Clock clock}: every
 * class naming the same factory (and the same settings) shares one application.
 */
public final class InterposingClock extends Clock {

    /** The factory for {@code @TestBean}: one name for all classes, so that their applications are one. */
    public static final String FACTORY = "dev.triagedesk.support.InterposingClock#create";

    /** Marks a transaction in which the other change already ran. */
    private static final Object INTERPOSED = new Object();

    private final AtomicInteger armed = new AtomicInteger();
    private volatile Runnable other;
    private volatile Runnable rolledBack;
    private final ThreadLocal<Boolean> running = ThreadLocal.withInitial(() -> false);

    /** A new clock, not armed: the system's time in UTC. */
    public static Clock create() {
        return new InterposingClock();
    }

    /** The next {@code times} read-write transactions asking for the time run {@code other} first, once each. */
    public void arm(int times, Runnable other) {
        this.other = other;
        armed.set(times);
    }

    /** {@code then} runs when the next read-write transaction asking for the time rolls back. */
    public void onRollback(Runnable then) {
        this.rolledBack = then;
    }

    @Override
    public Instant instant() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            return Instant.now();
        }
        Runnable then = rolledBack;
        if (then != null) {
            rolledBack = null;
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status == STATUS_ROLLED_BACK) {
                        then.run();
                    } else {
                        rolledBack = then;
                    }
                }
            });
        }
        if (!running.get() && !TransactionSynchronizationManager.hasResource(INTERPOSED)
                && armed.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            TransactionSynchronizationManager.bindResource(INTERPOSED, Boolean.TRUE);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(INTERPOSED);
                }
            });
            running.set(true);
            try {
                other.run();
            } finally {
                running.set(false);
            }
        }
        return Instant.now();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.system(zone);
    }
}
