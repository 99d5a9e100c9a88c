package dev.triagedesk.report;

import dev.triagedesk.audit.AuditAction;
import dev.triagedesk.audit.AuditLog;
import dev.triagedesk.evidence.TriagePath;
import dev.triagedesk.incident.FailureTime;
import dev.triagedesk.statuspage.OfficialIncident;
import dev.triagedesk.statuspage.OfficialIncidentAppeared;
import dev.triagedesk.statuspage.OfficialIncidents;
import dev.triagedesk.ticket.Product;
import dev.triagedesk.ticket.TicketDetails;
import dev.triagedesk.ticket.TicketService;
import dev.triagedesk.ticket.TicketStatus;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * When the status page import finds a new official incident, the open tickets whose failure it covers are judged
 * again: their verdict now counts it (an official incident for the product's component is the guides' strongest
 * outage signal), and each ticket's trail says so. Tickets resolved or closed keep the verdict they were settled
 * with.
 */
@Component
class OfficialIncidentVerdicts {

    private static final Logger log = LoggerFactory.getLogger(OfficialIncidentVerdicts.class);
    /** Who the trail names: no staff member did it. */
    static final String ACTOR = "status page";
    /**
     * How long after an official incident ended a report of a failure during it is still looked at: reports come
     * within hours, and this bounds the tickets read for each new incident.
     */
    static final Duration REPORTED_WITHIN = Duration.ofDays(7);
    /** Tickets judged again for one official incident at most (the newest first). */
    static final int MAX_TICKETS = 2_000;

    private final ReportService reports;
    private final TicketService tickets;
    private final OfficialIncidents official;
    private final AuditLog audit;
    private final EntityManager entities;
    private final TransactionTemplate transaction;
    private final Clock clock;

    OfficialIncidentVerdicts(ReportService reports, TicketService tickets, OfficialIncidents official, AuditLog audit,
                             EntityManager entities, PlatformTransactionManager transactions, Clock clock) {
        this.reports = reports;
        this.tickets = tickets;
        this.official = official;
        this.audit = audit;
        this.entities = entities;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @EventListener
    void on(OfficialIncidentAppeared appeared) {
        int judged = judgeAgain(appeared.incident());
        if (judged > 0) {
            log.info("Official incident {} covers the failures of {} open tickets: their verdicts were judged again",
                    appeared.incident().id(), judged);
        }
    }

    /** Judges again the open tickets whose failure the incident covers; returns how many. */
    int judgeAgain(OfficialIncident incident) {
        List<Product> products = Arrays.stream(Product.values())
                .filter(p -> official.componentFor(p.name(), incident) != null).toList();
        if (products.isEmpty()) {
            return 0;
        }
        Instant ended = incident.resolvedAt() == null ? clock.instant() : incident.resolvedAt();
        // a failure comes before its report: tickets submitted before the incident began cannot have failed in it
        List<Long> candidates = entities.createQuery("select t.id from Ticket t where t.submittedAt >= :from"
                        + " and t.submittedAt <= :to and t.verdictPath is not null and t.product in :products"
                        + " and t.status not in :settled order by t.submittedAt desc", Long.class)
                .setParameter("from", incident.createdAt()).setParameter("to", ended.plus(REPORTED_WITHIN))
                .setParameter("products", products)
                .setParameter("settled", List.of(TicketStatus.RESOLVED, TicketStatus.CLOSED))
                .setMaxResults(MAX_TICKETS).getResultList();
        int judged = 0;
        for (Long id : candidates) {
            try {
                if (Boolean.TRUE.equals(transaction.execute(s -> judgeAgain(id, incident)))) {
                    judged++;
                }
            } catch (RuntimeException e) {
                // one ticket that cannot be judged now keeps its verdict; the others are still judged
                log.warn("Ticket {} was not judged again for official incident {}: {}", id, incident.id(),
                        e.toString());
            }
        }
        return judged;
    }

    private boolean judgeAgain(long ticketId, OfficialIncident incident) {
        TicketDetails details = tickets.details(ticketId);
        Instant failedAt = FailureTime.of(details);
        if (!incident.overlaps(failedAt, failedAt)) {
            return false;
        }
        TriagePath before = details.ticket().getVerdictPath();
        TriagePath after = reports.conclude(ticketId).verdict().path();
        String component = official.componentFor(details.ticket().getProduct().name(), incident);
        audit.recordChange(ticketId, ACTOR, AuditAction.JUDGED_AGAIN, "the vendor's status page published \""
                + incident.name() + "\" (" + incident.impact() + ", " + component + "), which covers the failure"
                + " time: verdict " + (before == after ? "stays " + label(after)
                : label(before) + " → " + label(after)));
        return true;
    }

    private static String label(TriagePath path) {
        return path == null ? "not determined" : path.label();
    }
}
