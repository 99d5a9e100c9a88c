package dev.triagedesk.housekeeping;

import dev.triagedesk.cluster.ClusterLock;
import dev.triagedesk.storage.EvidenceStorage;
import dev.triagedesk.storage.StoredFile;
import dev.triagedesk.storage.TemporaryFiles;
import dev.triagedesk.ticket.TicketRows;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Removes what nothing will ever use again. At start-up, before the web server takes a request, nothing of this
 * process is being written yet, so every evidence file no row names and every file in the application's temporary
 * folder is left over from an earlier run (a crash) and goes; on the hourly run only those a day old do, as a
 * request of this process may be writing the newer ones. Drafts (form reports never sent) go once untouched for a
 * day, at start-up too. Each run that removes something says how much in one log line.
 */
@Component
@EnableScheduling
class Housekeeping implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);
    /** Age from which a draft, a file no row names or a temporary file is surely abandoned. */
    static final Duration STALE = Duration.ofDays(1);
    /** Temporary files of earlier versions and of the evidence engine, in the shared system temporary folder. */
    private static final Pattern SYSTEM_TEMPORARY = Pattern.compile(
            "triage-(upload.*\\.part|pasted.*\\.log|unit.*\\.part|half.*\\.har\\.part|batch-.*\\.part|spill.*\\.json)");

    /** What one run removed. */
    record Removed(int drafts, int evidenceFiles, int temporaryFiles, long bytes, int idempotencyKeys) {

        boolean nothing() {
            return drafts == 0 && evidenceFiles == 0 && temporaryFiles == 0 && idempotencyKeys == 0;
        }

        @Override
        public String toString() {
            return drafts + " stale draft" + (drafts == 1 ? "" : "s") + ", " + evidenceFiles + " evidence file"
                    + (evidenceFiles == 1 ? "" : "s") + " no ticket names, " + temporaryFiles + " temporary file"
                    + (temporaryFiles == 1 ? "" : "s") + " (" + (bytes + 512 * 1024) / (1024 * 1024) + " MB of files), "
                    + idempotencyKeys + " expired idempotency key" + (idempotencyKeys == 1 ? "" : "s");
        }
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final EvidenceStorage storage;
    private final TemporaryFiles temporary;
    private final Clock clock;
    private final ClusterLock lock;

    Housekeeping(JdbcTemplate jdbc, PlatformTransactionManager transactions, EvidenceStorage storage,
                 TemporaryFiles temporary, Clock clock, ClusterLock lock) {
        this.lock = lock;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.storage = storage;
        this.temporary = temporary;
        this.clock = clock;
    }

    /** Runs once every bean is made and before the web server starts taking requests. */
    @Override
    public void afterSingletonsInstantiated() {
        Removed removed = run(true);
        log.info("Housekeeping at start-up removed {}", removed);
    }

    @Scheduled(initialDelayString = "PT1H", fixedDelayString = "PT1H")
    void hourly() {
        // one instance at a time sweeps what the instances share (database rows, a shared evidence store)
        lock.runExclusively("housekeeping", Duration.ofMinutes(50), () -> {
            Removed removed = run(false);
            if (!removed.nothing()) {
                log.info("Housekeeping removed {}", removed);
            }
        });
    }

    /** One sweep; {@code atStartUp} when no request of this process can be writing anything yet. */
    Removed run(boolean atStartUp) {
        Instant now = clock.instant();
        Instant staleBefore = now.minus(STALE);
        int drafts = removeStaleDrafts(staleBefore);
        int keys = jdbc.update("DELETE FROM idempotency_key WHERE created_at < ?", Timestamp.from(staleBefore));
        Tally counted = new Tally();
        removeUnnamedEvidence(atStartUp ? null : staleBefore, counted);
        int evidenceFiles = counted.files;
        removeTemporary(temporary.root(), atStartUp ? null : staleBefore, counted);
        removeSystemTemporary(staleBefore, counted);
        temporary.uploadSpool();
        return new Removed(drafts, evidenceFiles, counted.files - evidenceFiles, counted.bytes, keys);
    }

    private int removeStaleDrafts(Instant staleBefore) {
        Timestamp cutoff = Timestamp.from(staleBefore);
        List<Long> ids = jdbc.queryForList("SELECT id FROM ticket WHERE submitted_at IS NULL AND updated_at < ?",
                Long.class, cutoff);
        int removed = 0;
        for (long id : ids) {
            try {
                Boolean gone = transaction.execute(status -> {
                    // the ticket row first: it is then locked, and a draft changed meanwhile is left alone
                    if (jdbc.update("UPDATE ticket SET updated_at = updated_at WHERE id = ? AND submitted_at IS NULL"
                            + " AND updated_at < ?", id, cutoff) == 0) {
                        return false;
                    }
                    for (String table : TicketRows.OWNED_BY_TICKET) {
                        jdbc.update("DELETE FROM " + table + " WHERE ticket_id = ?", id);
                    }
                    return jdbc.update("DELETE FROM ticket WHERE id = ?", id) == 1;
                });
                if (Boolean.TRUE.equals(gone)) {
                    removed++;
                }
            } catch (DataAccessException e) {
                log.warn("Could not remove the stale draft {}: {}", id, e.getMessage());
            }
        }
        return removed;
    }

    /**
     * Evidence files no row names (local files being written end with a temporary suffix, which no row names
     * either). A store other instances share keeps its young files even at start-up: another instance may be
     * writing one for a row it has not committed yet.
     */
    private void removeUnnamedEvidence(Instant staleBefore, Tally counted) {
        Instant cutoff = staleBefore == null && storage.shared() ? clock.instant().minus(STALE) : staleBefore;
        Set<String> named = new HashSet<>();
        jdbc.query("SELECT stored_location, analysis_location FROM evidence", rs -> {
            named.add(rs.getString(1));
            named.add(rs.getString(2));
        });
        for (StoredFile file : storage.list()) {
            if (!named.contains(file.location()) && (cutoff == null || file.lastModified().isBefore(cutoff))) {
                try {
                    storage.delete(file.location());
                    counted.files++;
                    counted.bytes += file.size();
                } catch (RuntimeException e) {
                    log.debug("Could not delete {}: {}", file.location(), e.toString());
                }
            }
        }
        storage.tidy(cutoff);
    }

    private void removeTemporary(Path root, Instant staleBefore, Tally counted) {
        if (!Files.isDirectory(root)) {
            return;
        }
        for (Path file : regularFiles(root)) {
            if (olderThan(file, staleBefore)) {
                counted.delete(file);
            }
        }
    }

    /**
     * What earlier versions (and the evidence engine, which writes its overflow there) left in the system
     * temporary folder: only a day old, as another copy of the application may be writing the newer ones.
     */
    private void removeSystemTemporary(Instant staleBefore, Tally counted) {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"));
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir,
                p -> SYSTEM_TEMPORARY.matcher(p.getFileName().toString()).matches())) {
            for (Path file : files) {
                if (Files.isRegularFile(file) && olderThan(file, staleBefore)) {
                    counted.delete(file);
                }
            }
        } catch (IOException e) {
            log.debug("Could not list {}: {}", dir, e.toString());
        }
    }

    private static List<Path> regularFiles(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when {@code staleBefore} is null (start-up) or the file was last written before it. */
    private static boolean olderThan(Path file, Instant staleBefore) {
        if (staleBefore == null) {
            return true;
        }
        try {
            return Files.getLastModifiedTime(file).toInstant().isBefore(staleBefore);
        } catch (IOException e) {
            return false;
        }
    }

    /** Files removed so far and their size. */
    private static final class Tally {
        int files;
        long bytes;

        void delete(Path file) {
            try {
                long size = Files.size(file);
                if (Files.deleteIfExists(file)) {
                    files++;
                    bytes += size;
                }
            } catch (IOException e) {
                log.warn("Could not remove {}: {}", file.getFileName(), e.toString());
            }
        }
    }
}
