package dev.triagedesk.evidence.redact;

import java.util.Arrays;

/**
 * Notes the tokens a redactor let through, so that learning a secret which may already have gone out unredacted
 * (a session cookie echoed in an earlier tracking URL) is noticed: the caller then redoes the document with
 * everything learned. The note is a {@link TokenFilter}, without false negatives, so a single pass is only trusted
 * when it is right. Off until {@link #start}; not thread-safe.
 */
final class EchoTracker {

    /** Null while echoes are not tracked: then nothing is noted and every method is cheap. */
    private TokenFilter emitted;
    private long documentBytes = -1;
    private boolean echoedBeforeLearned;
    /**
     * Token hashes of the text being redacted, noted as emitted only once the outermost text is done and minus
     * the secrets found in it, so a secret redacted in that very text is not taken for an echo.
     */
    private long[] pending = new long[64];
    private int pendingCount;
    private long[] removed = new long[8];
    private int removedCount;
    private int textDepth;
    /**
     * The token hashes added to the filter last, direct-mapped: a capture repeats the same tokens (a conversation's
     * ID in every chunk of its event stream), and adding one again touches a cache line of a large filter for
     * nothing. A token pushed out is only added again.
     */
    private final long[] recentlyAdded = new long[RECENT_SLOTS];
    private static final int RECENT_SLOTS = 1 << 10;

    /** Starts tracking, for a document of about {@code documentBytes} bytes (-1 when unknown); once only. */
    void start(long documentBytes) {
        if (emitted == null) {
            this.documentBytes = documentBytes;
            emitted = TokenFilter.forDocument(documentBytes);
        }
    }

    boolean tracking() {
        return emitted != null;
    }

    /** A tracker for another part of the same document: tracking when this one is, with a filter of equal size. */
    EchoTracker sibling() {
        EchoTracker other = new EchoTracker();
        if (emitted != null) {
            other.start(documentBytes);
        }
        return other;
    }

    boolean echoedBeforeLearned() {
        return echoedBeforeLearned;
    }

    /** Whether a token of this hash may have been let through (only asked while tracking). */
    boolean mayHaveLetThrough(long hash) {
        return emitted.mayContain(hash);
    }

    /** A secret was learned that went out before: the document must be redone. */
    void learnedTooLate() {
        echoedBeforeLearned = true;
    }

    /** Joins what the later part's tracker noted; {@code crossEcho} when either let through the other's secret. */
    void absorb(EchoTracker later, boolean crossEcho) {
        echoedBeforeLearned |= later.echoedBeforeLearned || crossEcho;
        if (emitted != null && later.emitted != null) {
            emitted.addAll(later.emitted);
        }
    }

    // ---------------------------------------------------------------- tokens of the text being redacted

    /** Text (possibly nested inside other text: a URL in a message) is being redacted. */
    void enterText() {
        textDepth++;
    }

    /** Done with a text: when it was the outermost, its tokens but the secrets found in it count as emitted. */
    void leaveText() {
        if (--textDepth == 0 && emitted != null) {
            commitPending();
        }
    }

    /** A token of the text being redacted goes out, unless it turns out to be a secret (only asked while tracking). */
    void letThrough(long hash) {
        if (pendingCount == pending.length) {
            pending = Arrays.copyOf(pending, pendingCount * 2);
        }
        pending[pendingCount++] = hash;
    }

    /** A secret was redacted (only asked while tracking): inside a text, that text's token of it is not emitted. */
    void redacted(long hash) {
        if (textDepth > 0) {
            if (removedCount == removed.length) {
                removed = Arrays.copyOf(removed, removedCount * 2);
            }
            removed[removedCount++] = hash;
        }
    }

    private void commitPending() {
        outer:
        for (int i = 0; i < pendingCount; i++) {
            long h = pending[i];
            for (int r = 0; r < removedCount; r++) {
                if (removed[r] == h) {
                    continue outer;
                }
            }
            int slot = (int) (h ^ h >>> 32) & (RECENT_SLOTS - 1);
            if (recentlyAdded[slot] != h || h == 0) { // 0 is also an empty slot
                emitted.add(h);
                recentlyAdded[slot] = h;
            }
        }
        pendingCount = 0;
        removedCount = 0;
        if (pending.length > 4096) {
            pending = new long[64];
        }
    }
}
