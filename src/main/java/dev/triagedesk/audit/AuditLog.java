package dev.triagedesk.audit;

import java.time.Clock;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records and reads the audit trail. The trail says only what really happened, so its two kinds of lines commit
 * differently:
 * <ul>
 * <li>a <b>change</b> (status, assignee, note) is recorded in the transaction that makes it: the line and the change
 * commit together or not at all, so a change rolled back (a concurrent edit, any failure after the call) leaves no
 * line claiming it;</li>
 * <li>an <b>access</b> (a view, an export, a download) changes nothing, so there is no transaction of its own to
 * join; its line commits on its own, and callers record it once what was read has been built and checked, so a
 * refused or failed export leaves no line claiming it was handed out.</li>
 * </ul>
 */
@Service
public class AuditLog {

    private final AuditEventRepository events;
    private final Clock clock;

    AuditLog(AuditEventRepository events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /**
     * Records a change of a ticket as part of the caller's transaction (which must exist: a change recorded on its
     * own would outlive the change's rollback).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordChange(Long ticketId, String actor, AuditAction action, String detail) {
        if (!action.isChange()) {
            throw new IllegalArgumentException(action + " is an access, not a change");
        }
        save(ticketId, actor, action, detail);
    }

    /**
     * Records that someone read a ticket (or the queue): commits on its own, also when called inside a read-only
     * transaction, which could not write it. Call it after the read succeeded; ideally outside any transaction, so
     * no second connection is held while it writes.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordAccess(Long ticketId, String actor, AuditAction action, String detail) {
        if (action.isChange()) {
            throw new IllegalArgumentException(action + " is a change: record it with the change");
        }
        save(ticketId, actor, action, detail);
    }

    @Transactional(readOnly = true)
    public List<AuditEvent> trail(long ticketId) {
        return events.findByTicketIdOrderByAtDescIdDesc(ticketId);
    }

    /**
     * What was recorded about no ticket in particular (queue exports, staff account changes), newest first: no
     * ticket's trail shows it.
     */
    @Transactional(readOnly = true)
    public Page<AuditEvent> withoutTicket(int page, int size) {
        return events.findByTicketIdIsNullOrderByAtDescIdDesc(PageRequest.of(Math.max(0, page), Math.max(1, size)));
    }

    private void save(Long ticketId, String actor, AuditAction action, String detail) {
        events.save(new AuditEvent(ticketId, actor == null ? "anonymous" : actor, action, detail, clock.instant()));
    }
}
