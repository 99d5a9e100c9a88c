package dev.triagedesk.ticket;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface RequestIdentifierRepository extends JpaRepository<RequestIdentifier, Long> {

    List<RequestIdentifier> findByTicketOrderByIdAsc(Ticket ticket);

    List<RequestIdentifier> findByTicketAndEvidenceIsNull(Ticket ticket);

    /** The values alone, in the order stored, but those named {@code except}: no entity is loaded for them. */
    @Query("select i.value from RequestIdentifier i where i.ticket = :ticket and i.name <> :except order by i.id")
    List<String> valuesOfTicketExcept(Ticket ticket, String except);

    List<RequestIdentifier> findByLookup(String lookup);

    boolean existsByLookupInAndTicket_SubmittedAtIsNotNull(java.util.Collection<String> lookups);
}
