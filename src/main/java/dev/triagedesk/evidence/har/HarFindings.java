package dev.triagedesk.evidence.har;

import dev.triagedesk.evidence.Failure;
import dev.triagedesk.evidence.Signal;
import dev.triagedesk.evidence.StreamError;

/**
 * Receives findings as the processor reaches them, each only once its entry is complete (a broken entry at the
 * end of a truncated file never reports half its findings).
 */
public interface HarFindings {

    void failure(Failure failure);

    void streamError(StreamError error);

    void signal(Signal signal);

    /** The document is being read again from the start: forget what was reported so far. */
    default void restart() {
    }

    /** Findings nobody listens to (sanitizing only). */
    HarFindings NONE = new HarFindings() {
        @Override
        public void failure(Failure failure) {
        }

        @Override
        public void streamError(StreamError error) {
        }

        @Override
        public void signal(Signal signal) {
        }
    };
}
