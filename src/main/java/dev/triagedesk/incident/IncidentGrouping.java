package dev.triagedesk.incident;

import dev.triagedesk.ticket.TicketConcluded;
import dev.triagedesk.ticket.TicketDetails;
import dev.triagedesk.ticket.TicketFailure;
import dev.triagedesk.ticket.TicketErasing;
import dev.triagedesk.ticket.TicketLocking;
import dev.triagedesk.ticket.TicketService;
import dev.triagedesk.ticket.TicketStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts each submitted ticket into its incident as it arrives, and again when evidence is added (its verdict and
 * summary are then stored anew, which publishes {@link TicketConcluded}): an incident of the same fingerprint, still
 * open, whose failures come within the window of this one's; a new incident when there is none. A ticket staff put
 * somewhere or took out is left where they put it. It runs in the transaction that stored the verdict, so the
 * ticket and its place in an incident commit together. A new incident is announced ({@link IncidentOpened}) in
 * that same transaction. Grouping writes nothing into the ticket's trail (the ticket
 * page names its incident); what staff do with a ticket's incident is recorded there ({@link IncidentService}).
 */
@Component
@EnableConfigurationProperties(IncidentProperties.class)
public class IncidentGrouping {

    static final Set<TicketStatus> SETTLED = EnumSet.of(TicketStatus.RESOLVED, TicketStatus.CLOSED);

    private final TicketService tickets;
    private final IncidentRepository incidents;
    private final IncidentTicketRepository members;
    private final IncidentSlots slots;
    private final Clock clock;
    private final Duration window;
    private final ApplicationEventPublisher events;

    IncidentGrouping(TicketService tickets, IncidentRepository incidents, IncidentTicketRepository members,
                     IncidentSlots slots, Clock clock, IncidentProperties properties,
                     ApplicationEventPublisher events) {
        this.events = events;
        this.tickets = tickets;
        this.incidents = incidents;
        this.members = members;
        this.slots = slots;
        this.clock = clock;
        this.window = properties.window();
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(TicketConcluded event) {
        group(tickets.failure(event.ticketId()));
    }

    /**
     * Locks the incident the ticket is in before the ticket's own row is locked: a staff change locks the incident
     * and then its tickets, so a conclusion or erasure taking them the other way round deadlocked with it (on
     * PostgreSQL, one of them failed). An incident the ticket moves into is locked later, but a staff change of
     * that incident never waits for this ticket: it is not yet among its members.
     */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(TicketLocking event) {
        members.incidentOf(event.ticketId()).ifPresent(incidents::lockById);
    }

    /**
     * A ticket being erased leaves its incident: the incident's count and failure times come from the tickets that
     * remain; an incident left with none is removed (with the incidents merged into it, empty too), since what it
     * shows (its fingerprint, title and times) came from the erased report alone. An erased attachment is handled
     * by the ticket's conclusion that follows it ({@link TicketConcluded}).
     */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(TicketErasing event) {
        members.findById(event.ticketId()).ifPresent(place -> {
            Incident was = place.getIncident();
            members.delete(place);
            members.flush();
            if (was != null) {
                recountOrRemove(was);
            }
        });
    }

    /** Recounts an incident a ticket left; one left with no ticket is removed. */
    private void recountOrRemove(Incident was) {
        recount(was, clock.instant());
        if (was.getTicketCount() == 0) {
            remove(was);
        }
    }

    private void remove(Incident emptied) {
        List<Incident> gone = new ArrayList<>();
        Deque<Incident> next = new ArrayDeque<>(List.of(emptied));
        while (!next.isEmpty() && gone.size() < 10_000) {
            Incident i = next.pop();
            gone.add(i);
            next.addAll(incidents.findByMergedInto(i));
        }
        gone.forEach(i -> i.mergeInto(null, clock.instant()));
        incidents.flush();
        incidents.deleteAll(gone);
        incidents.flush();
    }

    /** Finds or opens the ticket's incident; returns it, or empty when the ticket has nothing to group by. */
    Optional<Incident> group(TicketFailure details) {
        long ticketId = details.ticket().getId();
        Optional<IncidentTicket> place = members.findById(ticketId);
        if (place.isPresent() && place.get().isByHand()) {
            return Optional.ofNullable(place.get().getIncident());
        }
        Optional<Fingerprint> fingerprint = Fingerprint.of(details);
        Instant failureAt = FailureTime.of(details);
        Instant now = clock.instant();
        if (fingerprint.isEmpty()) {
            place.ifPresent(p -> leave(p));
            return Optional.empty();
        }
        String hash = fingerprint.get().hash();
        if (place.isPresent() && hash.equals(place.get().getFingerprint())) {
            // the same problem as before: the failure time may have moved with the new evidence
            IncidentTicket p = place.get();
            if (!failureAt.equals(p.getFailureAt())) {
                p.failedAt(failureAt);
                members.flush();
                recount(p.getIncident(), now);
            }
            return Optional.of(p.getIncident());
        }
        slots.lock(hash);
        List<Incident> open = incidents.findOpen(hash, now, failureAt.minus(window), failureAt.plus(window), SETTLED);
        Incident incident = open.isEmpty() ? open(fingerprint.get(), failureAt, now) : open.get(0);
        // out of the incident it was in, unless that is where it goes (a merged-in ticket's own problem)
        place.filter(p -> p.getIncident() == null || !p.getIncident().getId().equals(incident.getId()))
                .ifPresent(this::leave);
        IncidentTicket row = place.orElseGet(() -> new IncidentTicket(ticketId, incident, hash, failureAt, false, now));
        row.join(incident, hash, failureAt, false, now);
        members.saveAndFlush(row);
        incident.keepOpenUntil(now.plus(window));
        if (open.isEmpty()) {
            incident.counted(1, failureAt, failureAt, now); // its only report: nothing to count
        } else {
            recount(incident, now);
        }
        if (open.isEmpty()) {
            // after the ticket joined, so listeners see an incident of one report
            events.publishEvent(new IncidentOpened(incident.getId(), incident.getReference(), incident.getTitle(),
                    ticketId));
        }
        return Optional.of(incident);
    }

    private Incident open(Fingerprint fingerprint, Instant failureAt, Instant now) {
        // an identity id: persisting inserts the row at once; no flush of everything else the transaction holds
        Incident incident = incidents.save(new Incident(fingerprint, failureAt, now.plus(window), now));
        incident.number(now);
        return incident;
    }

    private void leave(IncidentTicket place) {
        Incident was = place.getIncident();
        if (was == null) {
            return;
        }
        place.moveOut();
        // left by grouping, not by staff: it may join again by itself
        place.join(null, null, place.getFailureAt(), false, clock.instant());
        members.flush();
        recountOrRemove(was); // an incident its only report left (evidence added or erased) is gone
    }

    /**
     * How many other reports match this one's problem: the other tickets of its incident, or, for a report not yet
     * submitted ({@code verdict} is the one it would be stored with), of the incident it would join. Nothing else
     * of them: the reporter sees only the number.
     */
    @Transactional(readOnly = true)
    public long othersReporting(TicketDetails details, dev.triagedesk.evidence.TriagePath verdict) {
        Optional<IncidentTicket> place = members.findById(details.ticket().getId());
        if (place.isPresent() && place.get().getIncident() != null) {
            return Math.max(0, place.get().getIncident().getTicketCount() - 1);
        }
        if (!details.ticket().isDraft()) {
            return 0;
        }
        Optional<Fingerprint> fingerprint = Fingerprint.of(details, verdict);
        if (fingerprint.isEmpty()) {
            return 0;
        }
        Instant failureAt = FailureTime.of(details);
        List<Incident> open = incidents.findOpen(fingerprint.get().hash(), clock.instant(), failureAt.minus(window),
                failureAt.plus(window), SETTLED);
        return open.isEmpty() ? 0 : open.get(0).getTicketCount();
    }

    /** Brings an incident's count and failure times in line with its members. */
    void recount(Incident incident, Instant now) {
        Object[] stats = members.stats(incident);
        Object[] row = stats.length == 1 && stats[0] instanceof Object[] nested ? nested : stats;
        int count = ((Number) row[0]).intValue();
        incident.counted(count, (Instant) row[1], (Instant) row[2], now);
    }
}
