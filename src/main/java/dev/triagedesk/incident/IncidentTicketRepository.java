package dev.triagedesk.incident;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Tickets' places in incidents, by ticket id. */
public interface IncidentTicketRepository extends JpaRepository<IncidentTicket, Long> {

    /** The members of an incident in the order their failures happened. */
    @Query("select m from IncidentTicket m join fetch m.ticket where m.incident = :incident"
            + " order by m.failureAt asc, m.ticketId asc")
    List<IncidentTicket> members(@Param("incident") Incident incident);

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
