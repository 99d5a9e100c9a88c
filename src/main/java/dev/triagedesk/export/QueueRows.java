package dev.triagedesk.export;

import java.util.function.Consumer;

/**
 * The tickets of a queue CSV, handed over one at a time in the queue's order. The workspace provides them, since
 * its filters and search decide what the queue holds; the export only writes and checks them, so it needs nothing
 * of the workspace.
 */
@FunctionalInterface
public interface QueueRows {

    /**
     * Hands at most {@code max} rows to {@code each}, reading at most one more, and returns how many it read: more
     * than {@code max} means the queue is longer than one file may be.
     */
    long each(long max, Consumer<QueueRow> each);
}
