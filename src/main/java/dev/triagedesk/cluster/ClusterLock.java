package dev.triagedesk.cluster;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Runs a scheduled job on one instance at a time, whichever gets there first, through a row per job in
 * {@code scheduled_lock}: taking the lock is one UPDATE that moves {@code locked_until} past now, which only one
 * instance can do while it is in the past. A crashed holder's lock ends by itself at {@code lockAtMostFor}.
 *
 * <pre>{@code
 * @Scheduled(fixedDelayString = "PT1H")
 * void hourly() {
 *     lock.runExclusively("mail-outbox", Duration.ofMinutes(30), this::send);
 * }
 * }</pre>
 *
 * (A small table of our own rather than ShedLock: ShedLock is not among the packages this project's Maven mirror
 * resolves.) Works the same with one instance, on H2 and on PostgreSQL.
 */
@Component
public class ClusterLock {

    private static final Logger log = LoggerFactory.getLogger(ClusterLock.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    /** Who holds a lock, for the row and the log: host, process and a random part (two contexts in one JVM). */
    private final String instance;

    public ClusterLock(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.instance = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * Runs {@code job} here if no other instance holds the lock {@code name}; returns whether it ran.
     *
     * @param lockAtMostFor how long the lock holds should this instance die while running the job; longer than the
     *                      job ever takes
     */
    public boolean runExclusively(String name, Duration lockAtMostFor, Runnable job) {
        if (!acquire(name, lockAtMostFor)) {
            log.debug("Scheduled job {} skipped: another instance runs it", name);
            return false;
        }
        try {
            job.run();
        } finally {
            jdbc.update("UPDATE scheduled_lock SET locked_until = ? WHERE name = ? AND locked_by = ?",
                    Timestamp.from(clock.instant()), name, instance);
        }
        return true;
    }

    boolean acquire(String name, Duration lockAtMostFor) {
        Instant now = clock.instant();
        Timestamp until = Timestamp.from(now.plus(lockAtMostFor));
        int taken = jdbc.update("UPDATE scheduled_lock SET locked_until = ?, locked_at = ?, locked_by = ?"
                + " WHERE name = ? AND locked_until <= ?", until, Timestamp.from(now), instance, name, Timestamp.from(now));
        if (taken == 1) {
            return true;
        }
        try {
            return jdbc.update("INSERT INTO scheduled_lock (name, locked_until, locked_at, locked_by) VALUES (?, ?, ?, ?)",
                    name, until, Timestamp.from(now), instance) == 1;
        } catch (DuplicateKeyException e) {
            // the row exists and its lock is held
            return false;
        }
    }

    /** The name this instance holds locks under. */
    public String instance() {
        return instance;
    }
}
