package dev.triagedesk.erasure;

import dev.triagedesk.audit.AuditAction;
import dev.triagedesk.audit.AuditLog;
import dev.triagedesk.report.ReportService;
import dev.triagedesk.storage.EvidenceStorage;
import dev.triagedesk.ticket.EvidenceKind;
import dev.triagedesk.ticket.TicketRows;
import dev.triagedesk.ticket.TicketService;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Erases a ticket or one of its attachments, on an administrator's word. Everything goes in one transaction with
 * the audit line saying so; the stored files go once it has committed (a rollback keeps rows and files together),
 * through {@link EvidenceStorage} so it works wherever the files are kept.
 *
 * <p>An attachment is named by its number on the ticket (1 for the first added), as the staff see them; the audit
 * line keeps that number and its kind, never its file name, which may be personal. Earlier lines of the trail that
 * named the file (its addition, its downloads) get the number in its place.
 */
@Service
public class Erasure {

    private static final Logger log = LoggerFactory.getLogger(Erasure.class);

    /** What an erasure removed: the text of its audit line, and how many stored files were deleted. */
    public record Erased(String line, int files) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final EvidenceStorage storage;
    private final AuditLog audit;
    private final TicketService tickets;
    private final ReportService reports;

    Erasure(JdbcTemplate jdbc, PlatformTransactionManager transactions, EvidenceStorage storage, AuditLog audit,
            TicketService tickets, ReportService reports) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.storage = storage;
        this.audit = audit;
        this.tickets = tickets;
        this.reports = reports;
    }

    /**
     * Erases the submitted ticket {@code reference} and all that belongs to it (its own audit trail included): the
     * only trace left is one line with no ticket saying it was erased, by {@code actor}.
     *
     * @throws NothingToEraseException no submitted ticket has this reference
     */
    public Erased eraseTicket(String reference, String actor) {
        return transaction.execute(s -> {
            long ticketId = lockSubmitted(reference);
            String stored = jdbc.queryForObject("SELECT reference FROM ticket WHERE id = ?", String.class, ticketId);
            List<String> files = new ArrayList<>();
            jdbc.query("SELECT stored_location, analysis_location FROM evidence WHERE ticket_id = ?", rs -> {
                files.add(rs.getString(1));
                files.add(rs.getString(2));
            }, ticketId);
            tickets.erasing(ticketId);
            // console lines and identifiers may point at a request of another attachment: those links go first
            unlinkFromRequests("ticket_id = ?", ticketId);
            for (String table : TicketRows.OWNED_BY_TICKET) {
                jdbc.update("DELETE FROM " + table + " WHERE ticket_id = ?", ticketId);
            }
            jdbc.update("DELETE FROM ticket WHERE id = ?", ticketId);
            String line = "ticket " + stored + " erased";
            audit.recordChange(null, actor, AuditAction.ERASED, line);
            return new Erased(line, deleteAfterCommit(files, reference));
        });
    }

    /**
     * Erases attachment {@code number} (1 for the first added) of the submitted ticket {@code reference}: its row,
     * its stored copies and what its analysis found. The ticket's search words, verdict and summary are made again
     * from the evidence that remains.
     *
     * @throws NothingToEraseException no submitted ticket has this reference, or no attachment this number
     */
    public Erased eraseAttachment(String reference, int number, String actor) {
        return transaction.execute(s -> {
            long ticketId = lockSubmitted(reference);
            String stored = jdbc.queryForObject("SELECT reference FROM ticket WHERE id = ?", String.class, ticketId);
            List<Map<String, Object>> rows = jdbc.queryForList("SELECT id, kind, file_name, stored_location,"
                    + " analysis_location FROM evidence WHERE ticket_id = ? ORDER BY id", ticketId);
            if (number < 1 || number > rows.size()) {
                throw new NothingToEraseException("Ticket " + reference + " has no attachment " + number
                        + (rows.isEmpty() ? " (it has none)." : " (it has " + rows.size() + ")."));
            }
            Map<String, Object> row = rows.get(number - 1);
            long evidenceId = ((Number) row.get("id")).longValue();
            String kind = EvidenceKind.valueOf((String) row.get("kind")).label();
            String fileName = (String) row.get("file_name");
            unlinkFromRequests("failing_request_id IN (SELECT id FROM failing_request WHERE evidence_id = ?)",
                    evidenceId);
            for (String table : TicketRows.OWNED_BY_EVIDENCE) {
                jdbc.update("DELETE FROM " + table + " WHERE evidence_id = ?", evidenceId);
            }
            jdbc.update("DELETE FROM evidence WHERE id = ?", evidenceId);
            forgetFileName(ticketId, fileName, number);
            String line = "attachment " + number + " (" + kind + ") of " + stored + " erased";
            audit.recordChange(ticketId, actor, AuditAction.ERASED, line);
            tickets.evidenceRemoved(ticketId);
            reports.concludeAgain(ticketId);
            List<String> files = new ArrayList<>();
            files.add((String) row.get("stored_location"));
            files.add((String) row.get("analysis_location"));
            return new Erased(line, deleteAfterCommit(files, reference));
        });
    }

    /** The submitted ticket's id, its row locked until the erasure ends (so no upload or summary runs meanwhile). */
    private long lockSubmitted(String reference) {
        // references are shown upper case and typed in either (as the desk reads them)
        List<Long> ids = reference == null ? List.of() : jdbc.queryForList(
                "SELECT id FROM ticket WHERE reference = ? AND submitted_at IS NOT NULL", Long.class,
                reference.strip().toUpperCase(Locale.ROOT));
        if (ids.isEmpty()) {
            throw new NothingToEraseException("There is no submitted ticket " + reference + ".");
        }
        long id = ids.get(0);
        tickets.lockForConclusion(id); // its incident first, then the ticket: the order staff changes lock in
        if (jdbc.update("UPDATE ticket SET updated_at = updated_at WHERE id = ?", id) == 0) {
            throw new NothingToEraseException("There is no submitted ticket " + reference + ".");
        }
        return id;
    }

    private void unlinkFromRequests(String where, long id) {
        jdbc.update("UPDATE console_finding SET failing_request_id = NULL WHERE " + where, id);
        jdbc.update("UPDATE request_identifier SET failing_request_id = NULL WHERE " + where, id);
    }

    /** Earlier lines naming the erased file (its addition, its downloads) name its number instead. */
    private void forgetFileName(long ticketId, String fileName, int number) {
        if (fileName == null || fileName.isBlank()) {
            return;
        }
        jdbc.update("UPDATE audit_event SET detail = REPLACE(detail, ?, ?) WHERE ticket_id = ? AND action IN (?, ?)",
                fileName, "attachment " + number + " (erased)", ticketId, AuditAction.EVIDENCE_ADDED.name(),
                AuditAction.DOWNLOADED.name());
    }

    /** Deletes the stored files once the transaction has committed; returns how many there are. */
    private int deleteAfterCommit(List<String> locations, String reference) {
        List<String> files = locations.stream().filter(l -> l != null && !l.isBlank()).distinct().toList();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                for (String f : files) {
                    try {
                        storage.delete(f);
                    } catch (RuntimeException e) {
                        // the row is gone: housekeeping removes the file no row names at the next start-up
                        log.warn("Could not delete an erased evidence file of {}: {}", reference, e.toString());
                    }
                }
            }
        });
        return files.size();
    }
}
