package dev.triagedesk.storage;

import dev.triagedesk.system.TriageProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Files of a ticket, addressed by a relative name that is checked so it can never leave the storage folder (a
 * file name from an upload is never used as a path).
 *
 * <p>A file is written for a row of the database: when the transaction it was written in rolls back, the file goes
 * too, so a failed upload (a database error, a concurrent change the transaction lost to) leaves no file that no
 * evidence names.
 *
 * <p>A file is written under a temporary name beside its place ({@link #TEMPORARY_SUFFIX}), forced to the disk and
 * only then renamed into place, so a crash never leaves a half-written copy under a name a row may give: what it
 * leaves is a temporary file, which {@code housekeeping} removes with the other files no row names.
 */
@Component
public class EvidenceStorage {

    private static final Logger log = LoggerFactory.getLogger(EvidenceStorage.class);

    /** Ends the name of a file still being written; never the name of a location. */
    public static final String TEMPORARY_SUFFIX = ".writing";

    private final Path root;

    public EvidenceStorage(TriageProperties properties) {
        this.root = properties.dataDir().resolve("evidence").toAbsolutePath().normalize();
    }

    /** A new relative location for a file of {@code ticketId}, keeping a safe form of the original name. */
    public String newLocation(long ticketId, long evidenceId, String originalName, String suffix) {
        String name = safeName(originalName);
        // "capture.har" stays "capture.har", not "capture.har.har"
        boolean hasSuffix = name.toLowerCase(java.util.Locale.ROOT).endsWith(suffix.toLowerCase(java.util.Locale.ROOT));
        return ticketId + "/" + evidenceId + "-" + name + (hasSuffix ? "" : suffix);
    }

    /**
     * Opens a location for writing, replacing what was there (the engine may write a copy twice) when the stream is
     * closed: until then the bytes go to a temporary file beside it. Inside a transaction the file is deleted again
     * should the transaction roll back.
     */
    public OutputStream create(String location) {
        Path file = resolve(location);
        deleteOnRollback(location);
        try {
            Files.createDirectories(file.getParent());
            return new RenamedOnClose(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The folder of all evidence files. */
    public Path root() {
        return root;
    }

    public InputStream open(String location) throws IOException {
        return Files.newInputStream(resolve(location));
    }

    public long size(String location) {
        try {
            return Files.size(resolve(location));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean exists(String location) {
        return location != null && Files.isRegularFile(resolve(location));
    }

    public void delete(String location) {
        try {
            Files.deleteIfExists(resolve(location));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void deleteOnRollback(String location) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        // registered with the transaction writing now (a nested one has synchronizations of its own)
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                // only a certain rollback: after an unknown outcome the rows may well name this file
                if (status == STATUS_ROLLED_BACK) {
                    try {
                        delete(location);
                    } catch (RuntimeException e) {
                        log.warn("Could not delete {}, written by a transaction that rolled back: {}", location,
                                e.toString());
                    }
                }
            }
        });
    }

    /** The absolute path of a location; throws if the location would escape the storage folder. */
    public Path resolve(String location) {
        Path p = root.resolve(location).normalize();
        if (!p.startsWith(root) || p.equals(root)) {
            throw new IllegalArgumentException("location outside the evidence folder: " + location);
        }
        return p;
    }

    /** Letters, digits, dot, dash and underscore only; at most 80 characters; never empty. */
    static String safeName(String name) {
        String base = name == null ? "" : name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        StringBuilder sb = new StringBuilder();
        for (char c : base.toCharArray()) {
            sb.append(Character.isLetterOrDigit(c) && c < 128 || c == '.' || c == '-' || c == '_' ? c : '_');
        }
        String s = sb.toString().replaceAll("^\\.+", "");
        if (s.length() > 80) {
            s = s.substring(s.length() - 80);
        }
        return s.isEmpty() ? "file" : s.toLowerCase(Locale.ROOT);
    }
}
