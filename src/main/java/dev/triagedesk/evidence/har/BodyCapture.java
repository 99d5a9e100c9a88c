package dev.triagedesk.evidence.har;

import java.io.Writer;

/**
 * Receives a body in chunks (from Jackson's {@code readString(Writer)}): keeps its beginning, up to a limit, for
 * error parsing, and feeds an {@link EventStreamScanner} with all of it when the body is an event stream.
 */
final class BodyCapture extends Writer {

    private final StringBuilder kept;
    private final int limit;
    private final EventStreamScanner stream;
    private long length;

    BodyCapture(int limit, EventStreamScanner stream) {
        this.limit = limit;
        this.kept = new StringBuilder(Math.min(limit, 4096));
        this.stream = stream;
    }

    @Override
    public void write(char[] buf, int off, int len) {
        length += len;
        int room = limit - kept.length();
        if (room > 0) {
            kept.append(buf, off, Math.min(room, len));
        }
        if (stream != null) {
            stream.accept(buf, off, len);
        }
    }

    @Override
    public void write(String s) {
        char[] chars = s.toCharArray();
        write(chars, 0, chars.length);
    }

    String text() {
        return kept.toString();
    }

    boolean truncated() {
        return length > kept.length();
    }

    long length() {
        return length;
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        if (stream != null) {
            stream.finish();
        }
    }
}
