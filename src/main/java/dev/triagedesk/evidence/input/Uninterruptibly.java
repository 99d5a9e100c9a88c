package dev.triagedesk.evidence.input;

/**
 * Waiting for the engine's second thread of a read: it always ends soon (it is told to stop or finishes its half),
 * and its half must not be used while it still writes it, so an interrupt is kept for later instead of ending the
 * wait.
 */
public final class Uninterruptibly {

    private Uninterruptibly() {
    }

    /** Waits until {@code thread} has ended; an interrupt meanwhile is set again on the current thread after. */
    public static void join(Thread thread) {
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
