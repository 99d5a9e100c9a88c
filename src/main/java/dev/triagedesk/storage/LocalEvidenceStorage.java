package dev.triagedesk.storage;

import dev.triagedesk.system.TriageProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Evidence in a folder of the data folder ({@code evidence}, a sub-folder per ticket): the default, for one
 * instance.
 *
 * <p>A file is written under a temporary name beside its place ({@link #TEMPORARY_SUFFIX}), forced to the disk and
 * only then renamed into place, so a crash never leaves a half-written copy under a name a row may give: what it
 * leaves is a temporary file, which {@code housekeeping} removes with the other files no row names.
 */
public class LocalEvidenceStorage implements EvidenceStorage {

    private final Path root;

    public LocalEvidenceStorage(TriageProperties properties) {
        this.root = properties.dataDir().resolve("evidence").toAbsolutePath().normalize();
    }

    @Override
    public OutputStream create(String location) {
        Path file = resolve(location);
        DeletedOnRollback.register(this, location);
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

    @Override
    public InputStream open(String location) throws IOException {
        try {
            return Files.newInputStream(resolve(location));
        } catch (NoSuchFileException e) {
            throw new MissingEvidenceException(location);
        }
    }

    @Override
    public long size(String location) {
        try {
            return Files.size(resolve(location));
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException(new MissingEvidenceException(location));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean exists(String location) {
        return location != null && Files.isRegularFile(resolve(location));
    }

    @Override
    public void delete(String location) {
        try {
            Files.deleteIfExists(resolve(location));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<StoredFile> list() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<StoredFile> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                try {
                    files.add(new StoredFile(root.relativize(file).toString().replace('\\', '/'), Files.size(file),
                            Files.getLastModifiedTime(file).toInstant()));
                } catch (IOException e) {
                    // renamed or deleted meanwhile: not listed
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    @Override
    public boolean shared() {
        return false;
    }

    /** Removes the ticket folders left empty (only those last changed before {@code staleBefore}, when given). */
    @Override
    public void tidy(Instant staleBefore) {
        List<Path> folders;
        try (Stream<Path> walk = Files.walk(root)) {
            folders = new ArrayList<>(walk.filter(Files::isDirectory).filter(p -> !p.equals(root)).toList());
        } catch (IOException e) {
            return;
        }
        folders.sort(Comparator.comparingInt(Path::getNameCount).reversed());
        for (Path folder : folders) {
            try (Stream<Path> inside = Files.list(folder)) {
                if (inside.findAny().isEmpty() && (staleBefore == null
                        || Files.getLastModifiedTime(folder).toInstant().isBefore(staleBefore))) {
                    Files.deleteIfExists(folder);
                }
            } catch (IOException e) {
                // written to meanwhile: kept
            }
        }
    }

    /**
     * The absolute path of a location; throws if the location would escape the storage folder. A temporary file
     * (listed by {@link #list()}) resolves too, so housekeeping can delete it.
     */
    public Path resolve(String location) {
        Path p = root.resolve(location).normalize();
        if (!p.startsWith(root) || p.equals(root)) {
            throw new IllegalArgumentException("location outside the evidence folder: " + location);
        }
        return p;
    }

    static String safeName(String name) {
        return EvidenceStorage.safeName(name);
    }
}
