package dev.triagedesk.ticket;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface TicketRepository extends JpaRepository<Ticket, Long> {

    Optional<Ticket> findByReporterTokenHash(String reporterTokenHash);

    Optional<Ticket> findByReference(String reference);
}
