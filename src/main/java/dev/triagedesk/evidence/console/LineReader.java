package dev.triagedesk.evidence.console;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines with their endings ({@code \n}, {@code \r\n}, {@code \r} or none at the end of input), which
 * {@link java.io.BufferedReader#readLine()} throws away and the sanitizer must keep. A line longer than the limit
 * comes back in pieces marked {@link Line#continues()}, cut after a separator where one is near, so memory stays
 * bounded even for a log that is one endless line. Public for the other line-oriented readers of the engine (API
 * client logs).
 */
public final class LineReader {

    /** One piece of a line; {@code continues} when the same physical line goes on in the next piece. */
    public record Line(String text, String ending, boolean continues) {
    }

    /** How far back from the limit a cut looks for a separator, so tokens are rarely split. */
    private static final int CUT_WINDOW = 4096;
    private static final String SEPARATORS = " \t,;&\"'<>()[]{}|";

    private final Reader in;
    private final int maxChars;
    private final char[] buf = new char[8192];
    private int pos;
    private int limit;
    private char[] prefix;
    private int prefixPos;
    private final int prefixLen;
    private final StringBuilder pending = new StringBuilder();
    private boolean eof;

    public LineReader(Reader in, int maxChars) {
        this(in, null, 0, maxChars);
    }

    /** Reads {@code prefix[0, prefixLen)} first (text already taken from {@code in}, such as a detection head). */
    public LineReader(Reader in, char[] prefix, int prefixLen, int maxChars) {
        this.in = in;
        this.prefix = prefix;
        this.prefixLen = prefix == null ? 0 : prefixLen;
        this.maxChars = Math.max(CUT_WINDOW * 2, maxChars);
    }

    /** The next line or piece of a line, or {@code null} at the end of input. */
    public Line next() throws IOException {
        while (true) {
            if (pos == limit && !fill()) {
                if (pending.length() == 0) {
                    return null;
                }
                String text = pending.toString();
                pending.setLength(0);
                return new Line(text, "", false);
            }
            // copy the run up to the next line break (or the limit) in one go
            int stop = Math.min(limit, pos + (maxChars - pending.length()));
            int i = pos;
            while (i < stop && buf[i] != '\n' && buf[i] != '\r') {
                i++;
            }
            if (pending.length() == 0 && i < stop && buf[i] == '\n') {
                // the whole line is in the buffer: one copy into its string instead of two
                String text = new String(buf, pos, i - pos);
                pos = i + 1;
                return new Line(text, "\n", false);
            }
            pending.append(buf, pos, i - pos);
            pos = i;
            if (pending.length() >= maxChars) {
                return cut();
            }
            if (pos == limit) {
                continue;
            }
            char c = buf[pos++];
            if (c == '\n') {
                return take("\n");
            }
            if (pos == limit && !fill()) {
                return take("\r");
            }
            if (buf[pos] == '\n') {
                pos++;
                return take("\r\n");
            }
            return take("\r");
        }
    }

    /**
     * The next line, or only the first piece of a line longer than the limit (its other pieces are skipped), or
     * {@code null} at the end of input: for readers that look at a line's start and need not see all of it.
     */
    public Line nextSkippingRest() throws IOException {
        Line line = next();
        if (line != null && line.continues()) {
            Line rest;
            do {
                rest = next();
            } while (rest != null && rest.continues());
        }
        return line;
    }

    private Line take(String ending) {
        String text = pending.toString();
        pending.setLength(0);
        return new Line(text, ending, false);
    }

    private Line cut() {
        int at = pending.length();
        for (int i = pending.length() - 1; i >= pending.length() - CUT_WINDOW; i--) {
            if (SEPARATORS.indexOf(pending.charAt(i)) >= 0) {
                at = i + 1;
                break;
            }
        }
        String text = pending.substring(0, at);
        pending.delete(0, at);
        return new Line(text, "", true);
    }

    private boolean fill() throws IOException {
        if (prefix != null) {
            int n = Math.min(buf.length, prefixLen - prefixPos);
            if (n > 0) {
                System.arraycopy(prefix, prefixPos, buf, 0, n);
                prefixPos += n;
                pos = 0;
                limit = n;
                return true;
            }
            prefix = null;
        }
        if (eof) {
            return false;
        }
        int n;
        do {
            n = in.read(buf, 0, buf.length);
        } while (n == 0);
        if (n < 0) {
            eof = true;
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }
}
