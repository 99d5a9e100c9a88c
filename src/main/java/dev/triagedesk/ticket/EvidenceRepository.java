package dev.triagedesk.ticket;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface EvidenceRepository extends JpaRepository<Evidence, Long> {

    List<Evidence> findByTicketOrderByIdAsc(Ticket ticket);

    long countByTicket(Ticket ticket);
}
