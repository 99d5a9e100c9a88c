package dev.triagedesk.ticket;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface RequestIdentifierRepository extends JpaRepository<RequestIdentifier, Long> {

    List<RequestIdentifier> findByTicketOrderByIdAsc(Ticket ticket);

    List<RequestIdentifier> findByTicketAndEvidenceIsNull(Ticket ticket);

    List<RequestIdentifier> findByLookup(String lookup);

    boolean existsByLookupInAndTicket_SubmittedAtIsNotNull(java.util.Collection<String> lookups);
}
