package dev.triagedesk.ticket;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface FindingSignalRepository extends JpaRepository<FindingSignal, Long> {

    List<FindingSignal> findByTicketOrderByIdAsc(Ticket ticket);
}
