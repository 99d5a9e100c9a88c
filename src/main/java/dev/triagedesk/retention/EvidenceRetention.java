package dev.triagedesk.retention;

import dev.triagedesk.audit.AuditAction;
import dev.triagedesk.audit.AuditLog;
import dev.triagedesk.cluster.ClusterLock;
import dev.triagedesk.storage.EvidenceStorage;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes the evidence files of tickets closed more than {@code triage.retention.evidence-days} ago (0, the
 * default: never). "Closed since" is read from the ticket's last change, which a closed ticket keeps unless someone
 * changes it again. The files go once the audit line saying so has committed; a ticket reopened meanwhile (no longer
 * closed when its row is locked) is left alone.
 */
@Component
@EnableScheduling
public class EvidenceRetention {

    private static final Logger log = LoggerFactory.getLogger(EvidenceRetention.class);
    static final String ACTOR = "retention";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final EvidenceStorage storage;
    private final AuditLog audit;
    private final Clock clock;
    private final int days;
    private final ClusterLock lock;

    EvidenceRetention(JdbcTemplate jdbc, PlatformTransactionManager transactions, EvidenceStorage storage,
                      AuditLog audit, Clock clock, @Value("${triage.retention.evidence-days:0}") int days,
                      ClusterLock lock) {
        this.lock = lock;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.storage = storage;
        this.audit = audit;
        this.clock = clock;
        this.days = days;
    }

    @Scheduled(initialDelayString = "PT10M", fixedDelayString = "PT6H")
    void scheduled() {
        // one instance at a time when several share the database
        lock.runExclusively("evidence-retention", Duration.ofHours(1), () -> {
            int files = run(clock.instant());
            if (files > 0) {
                log.info("Retention deleted {} evidence file(s) of tickets closed more than {} days ago", files, days);
            }
        });
    }

    /** One run as of {@code now}; returns how many files were deleted. */
    public int run(Instant now) {
        if (days <= 0) {
            return 0;
        }
        Timestamp cutoff = Timestamp.from(now.minus(Duration.ofDays(days)));
        List<Long> ids = jdbc.queryForList("SELECT DISTINCT t.id FROM ticket t JOIN evidence e ON e.ticket_id = t.id"
                + " WHERE t.status = 'CLOSED' AND t.updated_at < ? AND e.stored_location IS NOT NULL", Long.class, cutoff);
        int deleted = 0;
        for (long id : ids) {
            Integer n = transaction.execute(s -> forTicket(id, cutoff));
            deleted += n == null ? 0 : n;
        }
        return deleted;
    }

    private int forTicket(long ticketId, Timestamp cutoff) {
        if (jdbc.update("UPDATE ticket SET updated_at = updated_at WHERE id = ? AND status = 'CLOSED' AND updated_at < ?",
                ticketId, cutoff) == 0) {
            return 0; // reopened or changed since
        }
        List<String> files = jdbc.queryForList("SELECT stored_location FROM evidence WHERE ticket_id = ? AND"
                + " stored_location IS NOT NULL", String.class, ticketId).stream().filter(storage::exists).toList();
        if (files.isEmpty()) {
            return 0;
        }
        audit.recordChange(ticketId, ACTOR, AuditAction.EVIDENCE_FILES_DELETED, files.size() + " evidence file"
                + (files.size() == 1 ? "" : "s") + " of a ticket closed more than " + days + " days ago");
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                for (String f : files) {
                    try {
                        storage.delete(f);
                    } catch (RuntimeException e) {
                        log.warn("Retention could not delete an evidence file of ticket {}: {}", ticketId, e.toString());
                    }
                }
            }
        });
        return files.size();
    }
}
