package dev.triagedesk.evidence.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import org.apache.commons.io.input.BoundedInputStream;

/** A stretch of a file read as a stream: what the engine's second threads read their half through. */
public final class FileRange {

    private FileRange() {
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
