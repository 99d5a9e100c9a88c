package dev.triagedesk.ticket;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ConsoleFindingRepository extends JpaRepository<ConsoleFinding, Long> {

    List<ConsoleFinding> findByTicketOrderByIdAsc(Ticket ticket);
}
