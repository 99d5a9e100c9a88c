package dev.triagedesk.ticket;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface FailingRequestRepository extends JpaRepository<FailingRequest, Long> {

    List<FailingRequest> findByTicketOrderByIdAsc(Ticket ticket);
}
