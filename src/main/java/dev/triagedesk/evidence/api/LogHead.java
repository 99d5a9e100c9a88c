package dev.triagedesk.evidence.api;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.apache.commons.io.IOUtils;

/** The head of a log that format detection looks at: its first {@value ApiLogAnalyzer#HEAD_CHARS} characters. */
final class LogHead {

    /** How many bytes decoding the head may take: four a character at most, and what the decoder reads ahead. */
    private static final int MAX_BYTES = 4 * ApiLogAnalyzer.HEAD_CHARS + (1 << 16);

    private LogHead() {
    }

    /** The head of the UTF-8 bytes, decoded; the stream is then back at its first byte. */
    static String peek(BufferedInputStream bytes) throws IOException {
        bytes.mark(MAX_BYTES);
        char[] head = new char[ApiLogAnalyzer.HEAD_CHARS];
        int n = IOUtils.read(new InputStreamReader(bytes, StandardCharsets.UTF_8), head);
        bytes.reset();
        return new String(head, 0, n);
    }
}
