package dev.triagedesk.audit;

import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Records and reads the audit trail. */
@Service
public class AuditLog {

    private final AuditEventRepository events;
    private final Clock clock;

    AuditLog(AuditEventRepository events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /** Records an event; it commits on its own, so even a failed export leaves its trace. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(Long ticketId, String actor, AuditAction action, String detail) {
        events.save(new AuditEvent(ticketId, actor == null ? "anonymous" : actor, action, detail, clock.instant()));
    }

    @Transactional(readOnly = true)
    public List<AuditEvent> trail(long ticketId) {
        return events.findByTicketIdOrderByAtDescIdDesc(ticketId);
    }
}
