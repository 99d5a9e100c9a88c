package dev.triagedesk.evidence.batch;

import dev.triagedesk.evidence.input.EightBytes;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a stream of UTF-8 bytes into lines without decoding them, so each line goes to Jackson as bytes. The line
 * buffer grows only to the longest line up to {@code maxLineBytes}; a longer line is skipped to its end and
 * reported as {@link #tooLong()}, so memory stays flat whatever the file holds.
 */
final class ByteLines {

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] chunk = new byte[1 << 16];
    private int pos;
    private int limit;
    private boolean eof;
    private byte[] line = new byte[1 << 12];
    private int length;
    private boolean tooLong;
    private boolean endedWithBreak;
    private long number;
    private long tooLongBytes;

    ByteLines(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** Reads the next line (without its {@code \n} or {@code \r\n}); false at the end of input. */
    boolean next() throws IOException {
        length = 0;
        tooLong = false;
        tooLongBytes = 0;
        boolean any = false;
        while (true) {
            if (pos == limit && !fill()) {
                endedWithBreak = false;
                if (!any) {
                    return false;
                }
                number++;
                trimCarriageReturn();
                return true;
            }
            any = true;
            int start = pos;
            int i = breakFrom(start);
            append(start, i - start);
            pos = i;
            if (i < limit) {
                pos++; // the '\n'
                endedWithBreak = true;
                number++;
                trimCarriageReturn();
                return true;
            }
        }
    }

    /** The index of the first '\n' in {@code chunk[from, limit)}, or {@code limit}. */
    private int breakFrom(int from) {
        int i = EightBytes.indexOf(chunk, (byte) '\n', from, limit);
        return i < 0 ? limit : i;
    }

    private void append(int from, int n) {
        if (n == 0) {
            return;
        }
        if (tooLong) {
            tooLongBytes += n;
            return;
        }
        if (length + n > maxLineBytes) {
            tooLong = true;
            tooLongBytes = length + (long) n;
            length = 0;
            return;
        }
        if (length + n > line.length) {
            line = Arrays.copyOf(line, Math.min(maxLineBytes, Math.max(length + n, line.length * 2)));
        }
        System.arraycopy(chunk, from, line, length, n);
        length += n;
    }

    private void trimCarriageReturn() {
        if (!tooLong && length > 0 && line[length - 1] == '\r') {
            length--;
        }
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int n = in.read(chunk, 0, chunk.length);
        if (n < 0) {
            eof = true;
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }

    /** The current line's bytes, valid until the next call; {@code [0, length())}. */
    byte[] bytes() {
        return line;
    }

    int length() {
        return length;
    }

    /** 1-based number of the current line. */
    long number() {
        return number;
    }

    /** The current line was longer than the limit: its bytes were skipped, {@link #length()} is 0. */
    boolean tooLong() {
        return tooLong;
    }

    /** How many bytes the skipped line had. */
    long tooLongBytes() {
        return tooLongBytes;
    }

    /** The current line ended with a line break (false for a last line that the file ends inside). */
    boolean endedWithBreak() {
        return endedWithBreak;
    }

    /** Whether the current line holds only white space. */
    boolean blank() {
        for (int i = 0; i < length; i++) {
            byte b = line[i];
            if (b != ' ' && b != '\t' && b != '\r' && b != '\f') {
                return false;
            }
        }
        return !tooLong;
    }
}
