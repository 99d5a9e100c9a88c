package dev.triagedesk.storage;

import dev.triagedesk.system.TriageProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

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

    /**
     * A part of a multipart request as a new file here, which the caller deletes. A part the servlet container
     * spooled to disk ({@link #uploadSpool()}, the same file system) is moved, not copied: a large upload is then
     * written once, not twice ({@code MultipartFile.transferTo(Path)} copies; the {@code File} form hands the move
     * to the container).
     */
    public Path receive(MultipartFile part, String prefix) {
        Path file = create(prefix, ".part");
        try {
            part.transferTo(file.toFile());
            return file;
        } catch (IOException e) {
            deleteQuietly(file);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            deleteQuietly(file);
            throw e;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // left to housekeeping, which empties this folder at start-up
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
