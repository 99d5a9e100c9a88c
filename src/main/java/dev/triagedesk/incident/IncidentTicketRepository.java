package dev.triagedesk.incident;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Tickets' places in incidents, by ticket id. */
public interface IncidentTicketRepository extends JpaRepository<IncidentTicket, Long> {

    /** The members of an incident in the order their failures happened. */
    @Query("select m from IncidentTicket m join fetch m.ticket where m.incident = :incident"
            + " order by m.failureAt asc, m.ticketId asc")
    List<IncidentTicket> members(@Param("incident") Incident incident);

    /**
     * The ticket ids of one page of an incident's members, in the order their failures happened: sorted from the
     * members' own rows, so only the page's tickets are read afterwards ({@link #withTickets}). Joined to the tickets
     * in one query, H2 read and sorted every member's ticket row to keep fifty.
     */
    @Query("select m.ticketId from IncidentTicket m where m.incident = :incident order by m.failureAt asc, m.ticketId asc")
    List<Long> pageIds(@Param("incident") Incident incident, Pageable page);

    /** These members with their tickets and the tickets' assignees. */
    @Query("select m from IncidentTicket m join fetch m.ticket t left join fetch t.assignee where m.ticketId in :ids")
    List<IncidentTicket> withTickets(@Param("ids") Collection<Long> ids);

    /** What the incident page counts of every member, as plain columns, in the order their failures happened. */
    @Query("select new dev.triagedesk.incident.MemberFacts(m.ticketId, t.reference, m.failureAt, t.submittedAt,"
            + " t.status, t.verdictPath, t.product, t.timeZone, t.reporterEmailLookup, t.checks)"
            + " from IncidentTicket m join m.ticket t where m.incident = :incident"
            + " order by m.failureAt asc, m.ticketId asc")
    List<MemberFacts> facts(@Param("incident") Incident incident);

    /** Request IDs of an incident's tickets (conversation IDs left out: they name a chat, not a call). */
    @Query("select count(r) from IncidentTicket m, RequestIdentifier r where r.ticket.id = m.ticketId"
            + " and m.incident = :incident and r.name <> :conversation")
    long requestIdCount(@Param("incident") Incident incident, @Param("conversation") String conversation);

    /** Count, first and last failure of an incident's members (one range scan of its index). */
    @Query("select count(m), min(m.failureAt), max(m.failureAt) from IncidentTicket m where m.incident = :incident")
    Object[] stats(@Param("incident") Incident incident);

    /** The incident a ticket is in now, if any (not one it was moved out of). */
    @Query("select m.incident.id from IncidentTicket m where m.ticketId = :ticketId and m.incident is not null")
    Optional<Long> incidentOf(@Param("ticketId") long ticketId);

    /** Places of these tickets in incidents, with their incident, for the queue's column. */
    @Query("select m from IncidentTicket m join fetch m.incident where m.ticketId in :ids")
    List<IncidentTicket> ofTickets(@Param("ids") Collection<Long> ids);
}
