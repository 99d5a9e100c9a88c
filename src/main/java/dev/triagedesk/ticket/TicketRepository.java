package dev.triagedesk.ticket;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface TicketRepository extends JpaRepository<Ticket, Long>, JpaSpecificationExecutor<Ticket> {

    Optional<Ticket> findByReporterTokenHash(String reporterTokenHash);

    Optional<Ticket> findByReference(String reference);

    boolean existsByReporterEmailLookupAndSubmittedAtIsNotNull(String emailLookup);
}
