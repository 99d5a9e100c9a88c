package dev.triagedesk.evidence.har;

import java.util.concurrent.atomic.AtomicBoolean;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Reads the array {@code log.entries}, each entry a unit of the output. With a {@link SplitRead} running, it stops at
 * the split point when the second thread's half can be joined; in the second thread it stops when asked to.
 */
final class EntriesReader {

    private final ReadState s;
    private final EntryReader entry;
    /** In the second thread: set when its half is not wanted any more. Null in the first. */
    private final AtomicBoolean stop;
    private int count;

    EntriesReader(ReadState state, AtomicBoolean stop) {
        this.s = state;
        this.entry = new EntryReader(state);
        this.stop = stop;
    }

    /** Entries read (objects or not), the index of the next. */
    int count() {
        return count;
    }

    /**
     * Reads the entries after the current '[' up to its ']', or up to the split point. Returns the second half when
     * it was joined there (the parser then stands on the split point's '{'), else null.
     */
    SplitRead.Half read(SplitRead split) {
        JsonParser p = s.p;
        try {
            while (p.nextToken() != JsonToken.END_ARRAY) {
                if (split != null && p.currentTokenLocation().getByteOffset() >= split.at()) {
                    SplitRead.Half half = split.joinAt(p);
                    split.close();
                    split = null;
                    if (half != null) {
                        return half;
                    }
                }
                if (stop != null && stop.get()) {
                    throw new SplitRead.Cancelled();
                }
                s.out.beginUnit();
                if (p.currentToken() == JsonToken.START_OBJECT) {
                    entry.read(count);
                } else {
                    s.copyOrSkip("entry");
                }
                count++;
                s.out.commitUnit();
            }
        } finally {
            if (split != null) {
                split.close();
            }
        }
        return null;
    }

    /** Counts in the entries of a joined second half. */
    void add(int entries) {
        count += entries;
    }
}
