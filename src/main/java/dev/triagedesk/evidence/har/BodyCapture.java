package dev.triagedesk.evidence.har;

import java.io.Writer;

/**
 * Receives a body in chunks (from Jackson's {@code readString(Writer)}): keeps its beginning, up to a limit, for
 * error parsing. For an event stream it finds the error events: a stream that fits the limit is only parsed when
 * it mentions "error" or "failed" (most streams are plain deltas); a longer one is parsed as it arrives.
 */
final class BodyCapture extends Writer {

    private final StringBuilder kept;
    /**
     * A body handed over whole as one string that fits the limit (a decoded literal): kept as that string, where
     * copying it into {@link #kept} and out again cost three copies of every failing body. Null once more came.
     */
    private String whole;
    private final int limit;
    private final boolean eventStream;
    private EventStreamScanner stream;
    private long length;

    BodyCapture(int limit, boolean eventStream) {
        this.limit = limit;
        this.kept = new StringBuilder(Math.min(limit, 256));
        this.eventStream = eventStream;
    }

    @Override
    public void write(char[] buf, int off, int len) {
        keepWhole();
        length += len;
        int room = limit - kept.length();
        if (room > 0) {
            kept.append(buf, off, Math.min(room, len));
        }
        if (eventStream && stream == null && length > limit) {
            stream = new EventStreamScanner();
            stream.accept(kept.toString());
            int rest = len - Math.min(Math.max(room, 0), len);
            stream.accept(buf, off + len - rest, rest);
        } else if (stream != null) {
            stream.accept(buf, off, len);
        }
    }

    @Override
    public void write(String s) {
        if (length == 0 && s.length() <= limit) {
            whole = s;
            length = s.length();
            return;
        }
        char[] chars = s.toCharArray();
        write(chars, 0, chars.length);
    }

    /** Moves a string kept whole into {@link #kept}, before more of the body is appended to it. */
    private void keepWhole() {
        if (whole != null) {
            kept.append(whole);
            whole = null;
        }
    }

    String text() {
        return whole != null ? whole : kept.toString();
    }

    boolean truncated() {
        return length > (whole != null ? whole.length() : kept.length());
    }

    long length() {
        return length;
    }

    @Override
    public void flush() {
    }

    /** The scanner that read the stream, when it was worth reading (after {@link #close()}). */
    EventStreamScanner stream() {
        return stream;
    }

    @Override
    public void close() {
        if (whole != null) {
            if (eventStream && stream == null && (whole.contains("error") || whole.contains("failed"))) {
                stream = new EventStreamScanner();
                stream.accept(whole);
            }
        } else if (eventStream && stream == null && (kept.indexOf("error") >= 0 || kept.indexOf("failed") >= 0)) {
            stream = new EventStreamScanner();
            stream.accept(kept.toString());
        }
        if (stream != null) {
            stream.finish();
        }
    }
}
