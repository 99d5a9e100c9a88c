package dev.triagedesk.ticket;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface EvidenceRepository extends JpaRepository<Evidence, Long> {

    List<Evidence> findByTicketOrderByIdAsc(Ticket ticket);

    long countByTicket(Ticket ticket);

    /** Analyzed attachments per ticket, for a page of the queue: [ticket id, count]. */
    @org.springframework.data.jpa.repository.Query("select e.ticket.id, count(e) from Evidence e where e.ticket.id in :ids"
            + " and e.status = dev.triagedesk.ticket.EvidenceStatus.ANALYZED group by e.ticket.id")
    List<Object[]> countAnalyzedByTicketIds(@org.springframework.data.repository.query.Param("ids") java.util.Collection<Long> ids);
}
