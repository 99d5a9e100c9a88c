package dev.triagedesk.evidence.api;

import dev.triagedesk.evidence.input.FileRange;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Where a plain UTF-8 file is cut in two for two threads: right after the first {@code \n} at or after the middle.
 * A {@code \n} byte is never part of another character in UTF-8 and ends a line for every line reader of the engine
 * (alone or after a {@code \r}), so each half decodes and splits into lines exactly as that stretch of the whole
 * file does.
 */
final class LineSplit {

    /** How far past the middle a line break is looked for: a file that is one endless line is not cut. */
    static final int SEARCH = 1 << 20;

    private LineSplit() {
    }

    /** The byte after the first {@code \n} at or after the middle of {@code [from, end)}, or -1 when there is none near it. */
    static long at(Path file, long from, long end) throws IOException {
        return FileRange.lineStartAfterMiddle(file, from, end, SEARCH);
    }

    /** The bytes {@code [from, to)} of the file. */
    static InputStream range(Path file, long from, long to) throws IOException {
        return FileRange.open(file, from, to);
    }
}
