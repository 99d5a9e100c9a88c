package dev.triagedesk.evidence.api;

import dev.triagedesk.evidence.console.LineReader;
import dev.triagedesk.evidence.input.EightBytes;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * The lines of a UTF-8 byte stream as {@link LineReader} gives them from the decoded text, without decoding the
 * lines that need none. A line of ASCII bytes shorter than the piece limit (nearly every line of an SDK log) comes
 * back as its bytes, which are its characters ({@link #ascii()}). Any other line (a character beyond ASCII, a
 * malformed byte, a byte-order mark, a line long enough to be cut in pieces) comes back as the pieces a
 * {@link LineReader} over the decoded line gives ({@link #pieces()}).
 *
 * <p>That is what a reader over the whole stream gives: every line ends at an ASCII byte ({@code \n} or {@code \r}),
 * which is never part of a multi-byte character nor of a malformed sequence the decoder replaces, so the decoder
 * starts each line afresh, and a {@link LineReader} starts each line with nothing pending.
 */
final class RawLines {

    private final InputStream in;
    private final int maxChars;
    private byte[] buf;
    private int pos;
    private int limit;
    /** Where {@code buf[0]} stands in the stream. */
    private long bufferAt;
    private boolean eof;
    /** The current ASCII line: {@code buf[start, start + length)}, then its ending. */
    private int start;
    private int length;
    private String ending;
    private LineReader pieces;

    /** {@code maxChars} is the {@link LineReader} limit the pieces of a longer line follow. */
    RawLines(InputStream in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
        this.buf = new byte[Math.max(1 << 16, maxChars + 2)];
    }

    /** Reads the next line; false at the end of input. */
    boolean next() throws IOException {
        pieces = null;
        int i = pos;
        while (true) {
            i = lineStop(i);
            if (i - pos >= maxChars) {
                return slow(); // LineReader cuts a line of this many characters
            }
            if (i < limit) {
                break;
            }
            int offset = i - pos;
            boolean more = fill(); // moves the line to the buffer's start
            i = pos + offset;
            if (!more) {
                return i == pos ? false : ascii(i, "", i);
            }
        }
        byte b = buf[i];
        if (b < 0) {
            return slow();
        }
        if (b == '\n') {
            return ascii(i, "\n", i + 1);
        }
        if (i + 1 == limit && !eof) {
            int offset = i - pos;
            fill();
            i = pos + offset;
        }
        if (i + 1 < limit && buf[i + 1] == '\n') {
            return ascii(i, "\r\n", i + 2);
        }
        return ascii(i, "\r", i + 1);
    }

    /** The first {@code \n}, {@code \r} or byte beyond ASCII from {@code i} on, or {@link #limit}: eight bytes a step. */
    private int lineStop(int i) {
        return lineStop(buf, i, limit);
    }

    /**
     * {@link #lineStop(int)} in {@code buf[i, limit)}. Eight bytes are first screened for any byte below
     * {@code \r + 1} or beyond ASCII (half the work of finding which): in a line of text none is, and the exact
     * test runs only where the screen stops, at the line's end (or a tab).
     */
    static int lineStop(byte[] buf, int i, int limit) {
        while (i + 8 <= limit) {
            long x = EightBytes.at(buf, i);
            if ((EightBytes.bytesBelow(x, '\r' + 1) | x & HIGH_BITS) != 0) { // never misses: its lowest flag is exact
                long flags = EightBytes.zeroBytes(x ^ LINE_FEEDS) | EightBytes.zeroBytes(x ^ RETURNS) | x & HIGH_BITS;
                if (flags != 0) {
                    return i + EightBytes.firstFlagged(flags); // the lowest flag of each term is exact
                }
            }
            i += 8;
        }
        while (i < limit) {
            byte b = buf[i];
            if (b == '\n' || b == '\r' || b < 0) {
                return i;
            }
            i++;
        }
        return i;
    }

    private static final long LINE_FEEDS = EightBytes.repeated('\n');
    private static final long RETURNS = EightBytes.repeated('\r');
    private static final long HIGH_BITS = EightBytes.repeated(0x80);

    /**
     * The next line's text, or only the first piece of a line longer than the limit (the rest is skipped), or null at
     * the end of input: what {@link LineReader#nextSkippingRest()} gives, for the analyzer's reading thread.
     */
    String nextSkippingRest() throws IOException {
        if (!next()) {
            return null;
        }
        if (ascii()) {
            return new String(buf, start, length, StandardCharsets.ISO_8859_1);
        }
        LineReader.Line first = pieces.nextSkippingRest(); // reads the line to its end
        return first == null ? "" : first.text();
    }

    private boolean ascii(int end, String lineEnding, int next) {
        start = pos;
        length = end - pos;
        ending = lineEnding;
        pos = next;
        return true;
    }

    /** The line from {@link #pos} on is read by a {@link LineReader} over its decoded bytes, its ending included. */
    private boolean slow() {
        pieces = new LineReader(new InputStreamReader(new OneLine(), StandardCharsets.UTF_8), maxChars);
        return true;
    }

    /** Whether the current line is ASCII bytes ({@link #bytes}, {@link #start}, {@link #length}, {@link #ending}). */
    boolean ascii() {
        return pieces == null;
    }

    byte[] bytes() {
        return buf;
    }

    int start() {
        return start;
    }

    int length() {
        return length;
    }

    String ending() {
        return ending;
    }

    /** Where the current {@link #ascii()} line starts in the stream (its bytes and then its ending's follow). */
    long offset() {
        return bufferAt + start;
    }

    /** The pieces of a line that is not {@link #ascii()}, to be read to their end before {@link #next()}. */
    LineReader pieces() {
        return pieces;
    }

    /**
     * Keeps the unread bytes, moved to the buffer's start, and reads more after them; false at the end of input.
     * The buffer holds a whole piece: a line that fills it is read in pieces ({@link #slow}).
     */
    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int kept = limit - pos;
        System.arraycopy(buf, pos, buf, 0, kept);
        bufferAt += pos;
        pos = 0;
        limit = kept;
        int n;
        do {
            n = in.read(buf, limit, buf.length - limit);
        } while (n == 0);
        if (n < 0) {
            eof = true;
            return false;
        }
        limit += n;
        return true;
    }

    /** The bytes of the current line up to and including its ending ({@code \n}, {@code \r\n} or {@code \r}). */
    private final class OneLine extends InputStream {
        private boolean done;
        /** The line ended with {@code \r\n} and the {@code \n} found no room in the last read. */
        private boolean lineFeedNext;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (lineFeedNext) {
                lineFeedNext = false;
                done = true;
                pos++;
                b[off] = '\n';
                return 1;
            }
            int n = 0;
            while (!done && n < len) {
                if (pos == limit && !fill()) {
                    break;
                }
                byte c = buf[pos++];
                b[off + n++] = c;
                if (c == '\n') {
                    done = true;
                } else if (c == '\r') {
                    if (pos == limit) {
                        fill();
                    }
                    if (pos < limit && buf[pos] == '\n') {
                        if (n < len) {
                            b[off + n++] = buf[pos++];
                            done = true;
                        } else {
                            lineFeedNext = true;
                        }
                    } else {
                        done = true;
                    }
                    break;
                }
            }
            return n == 0 ? -1 : n;
        }
    }
}
