package dev.triagedesk.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.ObjectWriter;

/**
 * A JSON array kept on disk while it grows, so a HAR with a million failures does not need them in memory before
 * they are printed. Elements are written one per line.
 */
final class Spill implements AutoCloseable {

    private static final byte[] FIRST = "\n    ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NEXT = ",\n    ".getBytes(StandardCharsets.US_ASCII);

    private final ObjectWriter json;
    private final Path file;
    private final OutputStream out;
    private long count;

    Spill(ObjectWriter json) {
        this.json = json;
        try {
            file = Files.createTempFile("triage-spill", ".json");
            out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void add(Object element) {
        try {
            out.write(count == 0 ? FIRST : NEXT);
            out.write(json.writeValueAsBytes(element));
            count++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the whole array to {@code target}. */
    void copyArrayTo(OutputStream target) throws IOException {
        out.flush();
        target.write('[');
        try (InputStream in = Files.newInputStream(file)) {
            in.transferTo(target);
        }
        target.write((count == 0 ? "]" : "\n  ]").getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public void close() {
        try {
            out.close();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
