package dev.triagedesk.storage;

import dev.triagedesk.system.TriageProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.stereotype.Component;

/**
 * The application's own temporary folder, {@code tmp} in the data folder: uploads on their way to the evidence
 * engine and the servlet container's spool of multipart requests. Everything in it belongs to a request of this
 * process, so after a crash (when no request runs) all of it may go; {@code housekeeping} removes it at start-up.
 * The shared system temporary folder is left alone: other programs, and other copies of this one, write there.
 */
@Component
public class TemporaryFiles {

    private final Path root;

    public TemporaryFiles(TriageProperties properties) {
        this.root = properties.dataDir().resolve("tmp").toAbsolutePath().normalize();
    }

    /** A new empty file whose name starts with {@code prefix}; the caller deletes it. */
    public Path create(String prefix, String suffix) {
        try {
            return Files.createTempFile(Files.createDirectories(root), prefix, suffix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the servlet container spools multipart requests (made when missing). */
    public Path uploadSpool() {
        try {
            return Files.createDirectories(root.resolve("uploads"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The folder itself. */
    public Path root() {
        return root;
    }
}
