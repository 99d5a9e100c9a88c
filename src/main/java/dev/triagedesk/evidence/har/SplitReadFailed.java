package dev.triagedesk.evidence.har;

/**
 * A split read met a problem after its halves were joined (broken JSON after the entries): its place in the file is
 * not known there, so the caller reads the document again with {@link HarReadOptions#unsplit()}.
 */
public final class SplitReadFailed extends RuntimeException {
    SplitReadFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
