package dev.triagedesk.incident;

import dev.triagedesk.audit.AuditAction;
import dev.triagedesk.audit.AuditLog;
import dev.triagedesk.staff.StaffUser;
import dev.triagedesk.staff.StaffUserRepository;
import dev.triagedesk.ticket.Ticket;
import dev.triagedesk.ticket.TicketRepository;
import dev.triagedesk.ticket.TicketService;
import dev.triagedesk.ticket.TicketStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.annotation.Transactional;

/**
 * What staff do with incidents: merge two, move a ticket out or add one by hand, rename, and change the status or
 * assignee, which applies to every open ticket of the incident (each change recorded in that ticket's trail) in the
 * same transaction. A ticket's move in or out is recorded in its trail too.
 */
@Service
public class IncidentService {

    /** A change of an incident; null fields are left as they are ({@code assign} false leaves the assignee). */
    public record Change(TicketStatus status, boolean assign, Long assigneeId, String title) {
    }

    private final IncidentRepository incidents;
    private final IncidentTicketRepository members;
    private final IncidentGrouping grouping;
    private final TicketRepository tickets;
    private final TicketService ticketService;
    private final StaffUserRepository users;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final RetryTemplate retry = new RetryTemplate(RetryPolicy.builder()
            .includes(PessimisticLockingFailureException.class).maxRetries(4).delay(Duration.ofMillis(25))
            .jitter(Duration.ofMillis(10)).multiplier(2).build());

    IncidentService(IncidentRepository incidents, IncidentTicketRepository members, IncidentGrouping grouping,
                    TicketRepository tickets, TicketService ticketService, StaffUserRepository users, AuditLog audit,
                    Clock clock, PlatformTransactionManager transactions) {
        this.transaction = new TransactionTemplate(transactions);
        this.incidents = incidents;
        this.members = members;
        this.grouping = grouping;
        this.tickets = tickets;
        this.ticketService = ticketService;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    /** Changes status, assignee and title; status and assignee go to each open ticket of the incident too. */
    public Incident change(String reference, Change change, String actor) {
        return inTransaction(() -> changeNow(reference, change, actor));
    }

    private Incident changeNow(String reference, Change change, String actor) {
        Incident incident = requireListed(reference);
        Instant now = clock.instant();
        if (change.title() != null) {
            String title = change.title().strip();
            if (title.isEmpty() || title.length() > 300) {
                throw new IncidentException(IncidentException.Kind.INVALID, "a title has 1 to 300 characters");
            }
            if (!title.equals(incident.getTitle())) {
                incident.rename(title, now);
            }
        }
        StaffUser to = null;
        if (change.assign() && change.assigneeId() != null) {
            to = users.findById(change.assigneeId()).filter(StaffUser::isEnabled).orElseThrow(() ->
                    new IncidentException(IncidentException.Kind.INVALID,
                            "no enabled staff member with id " + change.assigneeId()));
        }
        if (change.status() == null && !change.assign()) {
            return incident;
        }
        if (change.status() != null) {
            incident.setStatus(change.status(), now);
        }
        if (change.assign()) {
            incident.setAssignee(to, now);
        }
        for (IncidentTicket m : members.members(incident)) {
            Ticket t = m.getTicket();
            if (IncidentGrouping.SETTLED.contains(t.getStatus())) {
                continue; // a ticket already resolved or closed keeps its own outcome
            }
            apply(t, change, to, incident.getReference(), actor, now);
        }
        return incident;
    }

    private void apply(Ticket t, Change change, StaffUser to, String reference, String actor, Instant now) {
        if (change.status() != null && change.status() != t.getStatus()) {
            TicketStatus was = t.getStatus();
            t.setStatus(change.status());
            t.touch(now);
            audit.recordChange(t.getId(), actor, AuditAction.STATUS_CHANGED,
                    was.label() + " → " + change.status().label() + " (with incident " + reference + ")");
        }
        String before = t.getAssignee() == null ? null : t.getAssignee().getUsername();
        String after = to == null ? null : to.getUsername();
        if (change.assign() && !Objects.equals(before, after)) {
            t.setAssignee(to);
            t.touch(now);
            audit.recordChange(t.getId(), actor, AuditAction.ASSIGNED, (before == null ? "nobody" : before) + " → "
                    + (after == null ? "nobody" : after) + " (with incident " + reference + ")");
        }
    }

    /** Moves every ticket of {@code from} into {@code into}; {@code from} then points to {@code into}. */
    public Incident merge(String fromReference, String intoReference, String actor) {
        return inTransaction(() -> mergeNow(fromReference, intoReference, actor));
    }

    private Incident mergeNow(String fromReference, String intoReference, String actor) {
        Incident from = requireListed(fromReference);
        Incident into = requireListed(intoReference);
        if (from.getId().equals(into.getId())) {
            throw new IncidentException(IncidentException.Kind.INVALID, "an incident cannot be merged into itself");
        }
        Instant now = clock.instant();
        for (IncidentTicket m : members.members(from)) {
            m.join(into, m.getFingerprint(), m.getFailureAt(), m.isByHand(), now);
            audit.recordChange(m.getTicketId(), actor, AuditAction.INCIDENT_JOINED, into.getReference()
                    + ": merged from " + from.getReference());
        }
        members.flush();
        from.mergeInto(into, now);
        from.counted(0, null, null, now);
        into.keepOpenUntil(from.getOpenUntil());
        grouping.recount(into, now);
        return into;
    }

    /** Takes a ticket out of its incident for good: grouping no longer moves it. */
    public Incident moveOut(String reference, String ticketReference, String actor) {
        return inTransaction(() -> moveOutNow(reference, ticketReference, actor));
    }

    private Incident moveOutNow(String reference, String ticketReference, String actor) {
        Incident incident = requireListed(reference);
        Ticket ticket = requireTicket(ticketReference);
        IncidentTicket place = members.findById(ticket.getId())
                .filter(m -> m.getIncident() != null && m.getIncident().getId().equals(incident.getId()))
                .orElseThrow(() -> new IncidentException(IncidentException.Kind.NOT_FOUND,
                        ticket.getReference() + " is not in " + incident.getReference()));
        place.moveOut();
        members.flush();
        grouping.recount(incident, clock.instant());
        audit.recordChange(ticket.getId(), actor, AuditAction.INCIDENT_LEFT, incident.getReference()
                + ": moved out by staff");
        return incident;
    }

    /** Puts a ticket into an incident by hand (out of the one it was in, if any); grouping then leaves it there. */
    public Incident add(String reference, String ticketReference, String actor) {
        return inTransaction(() -> addNow(reference, ticketReference, actor));
    }

    private Incident addNow(String reference, String ticketReference, String actor) {
        Incident incident = requireListed(reference);
        Ticket ticket = requireTicket(ticketReference);
        Instant now = clock.instant();
        Instant failureAt = FailureTime.of(ticketService.failure(ticket.getId()));
        IncidentTicket place = members.findById(ticket.getId()).orElse(null);
        Incident was = place == null ? null : place.getIncident();
        if (was != null && was.getId().equals(incident.getId())) {
            return incident;
        }
        if (place == null) {
            place = new IncidentTicket(ticket.getId(), incident, null, failureAt, true, now);
        }
        place.join(incident, null, failureAt, true, now);
        members.saveAndFlush(place);
        if (was != null) {
            grouping.recount(was, now);
        }
        grouping.recount(incident, now);
        audit.recordChange(ticket.getId(), actor, AuditAction.INCIDENT_JOINED, incident.getReference()
                + ": added by staff" + (was == null ? "" : " (from " + was.getReference() + ")"));
        return incident;
    }

    /**
     * Runs a staff action in a transaction of its own, taken again when it lost a lock to a concurrent one (a
     * deadlock or lock timeout the database resolved by failing it): the action is all or nothing, so running it
     * again is safe, and staff see it done rather than an error. Inside a caller's transaction (bulk actions) it
     * runs in that one, whose rollback is the caller's to handle.
     */
    private <T> T inTransaction(Supplier<T> action) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return action.get();
        }
        return retry.invoke(() -> transaction.execute(s -> action.get()));
    }

    /** The incident of this reference, following merges to the one it went into. */
    @Transactional(readOnly = true)
    public java.util.Optional<Incident> find(String reference) {
        java.util.Optional<Incident> found = incidents.findByReference(normalize(reference));
        for (int hops = 0; found.isPresent() && found.get().getMergedInto() != null && hops < 20; hops++) {
            found = java.util.Optional.of(found.get().getMergedInto());
        }
        found.ifPresent(i -> {
            if (i.getAssignee() != null) {
                i.getAssignee().getUsername();
            }
        });
        return found;
    }

    private Incident requireListed(String reference) {
        Incident incident = incidents.findByReference(normalize(reference)).orElseThrow(() ->
                new IncidentException(IncidentException.Kind.NOT_FOUND, "no incident " + reference));
        if (incident.getMergedInto() != null) {
            throw new IncidentException(IncidentException.Kind.CONFLICT, incident.getReference()
                    + " was merged into " + incident.getMergedInto().getReference());
        }
        return incidents.lockById(incident.getId()).orElseThrow();
    }

    private Ticket requireTicket(String reference) {
        return tickets.findByReference(normalize(reference)).filter(t -> !t.isDraft()).orElseThrow(() ->
                new IncidentException(IncidentException.Kind.NOT_FOUND, "no ticket " + reference));
    }

    static String normalize(String reference) {
        return reference == null ? "" : reference.trim().toUpperCase(Locale.ROOT);
    }

    /** The incidents of these tickets' places, for lists of tickets. */
    @Transactional(readOnly = true)
    public java.util.Map<Long, Incident> ofTickets(java.util.Collection<Long> ticketIds) {
        java.util.Map<Long, Incident> out = new java.util.HashMap<>();
        if (ticketIds.isEmpty()) {
            return out;
        }
        for (IncidentTicket m : members.ofTickets(ticketIds)) {
            if (m.getIncident() != null) {
                out.put(m.getTicketId(), m.getIncident());
            }
        }
        return out;
    }

    /** The tickets of an incident, in the order their failures happened. */
    @Transactional(readOnly = true)
    public List<IncidentTicket> members(Incident incident) {
        List<IncidentTicket> list = members.members(incident);
        list.forEach(m -> {
            if (m.getTicket().getAssignee() != null) {
                m.getTicket().getAssignee().getUsername();
            }
        });
        return list;
    }
}
