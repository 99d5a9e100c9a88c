package dev.triagedesk.evidence.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import org.apache.commons.io.input.BoundedInputStream;

/**
 * Stretches of a file: where a file of lines is cut in two for two threads, and each half read as a stream.
 */
public final class FileRange {

    private FileRange() {
    }

    /**
     * The start of the line after the middle of the bytes {@code [from, end)}: the byte after the first {@code \n}
     * at or after the middle, looked for at most {@code reach} bytes on; -1 when there is none, or only at the end.
     * A {@code \n} byte is never part of another character in UTF-8, so each side decodes as it would in the whole.
     */
    public static long lineStartAfterMiddle(Path file, long from, long end, long reach) throws IOException {
        long middle = from + (end - from) / 2;
        long stop = end - middle <= reach ? end : middle + reach; // no overflow for an unbounded reach
        ByteBuffer buf = ByteBuffer.allocate(1 << 16);
        try (FileChannel ch = FileChannel.open(file)) {
            for (long pos = middle; pos < stop; ) {
                int n = ch.read(buf.clear(), pos);
                if (n <= 0) {
                    return -1;
                }
                for (int i = 0; i < n && pos + i < stop; i++) {
                    if (buf.get(i) == '\n') {
                        long at = pos + i + 1;
                        return at < end ? at : -1;
                    }
                }
                pos += n;
            }
        }
        return -1;
    }

    /** The bytes {@code [from, to)} of the file (absolute offsets; {@code to} negative: to its end), unbuffered. */
    public static InputStream open(Path file, long from, long to) throws IOException {
        FileChannel ch = FileChannel.open(file);
        try {
            ch.position(from);
        } catch (IOException e) {
            ch.close();
            throw e;
        }
        InputStream in = Channels.newInputStream(ch);
        return to < 0 ? in : BoundedInputStream.builder().setInputStream(in).setMaxCount(to - from).get();
    }
}
