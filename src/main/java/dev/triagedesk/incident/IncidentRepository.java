package dev.triagedesk.incident;

import dev.triagedesk.ticket.TicketStatus;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Incidents. Finding a new report's incident is one probe of the (fingerprint, open_until) index. */
public interface IncidentRepository extends JpaRepository<Incident, Long> {

    Optional<Incident> findByReference(String reference);

    /** Incidents of this fingerprint still open to new reports, whose failures come near {@code from}..{@code to}. */
    default List<Incident> findOpen(String fingerprint, Instant now, Instant from, Instant to,
                                    Collection<TicketStatus> settled) {
        // sorted here, not by the query: an ORDER BY led H2 to walk the list index (every incident) instead of
        // probing incident_open for the few of this fingerprint
        List<Incident> open = new java.util.ArrayList<>(findOpenUnsorted(fingerprint, now, from, to, settled));
        open.sort(java.util.Comparator.comparing(Incident::getLastFailureAt).thenComparing(Incident::getId)
                .reversed());
        return open;
    }

    @Query("select i from Incident i where i.fingerprint = :fingerprint and i.openUntil >= :now and i.mergedInto is null"
            + " and i.status not in :settled and i.lastFailureAt >= :from and i.firstFailureAt <= :to")
    List<Incident> findOpenUnsorted(@Param("fingerprint") String fingerprint, @Param("now") Instant now,
                                    @Param("from") Instant from, @Param("to") Instant to,
                                    @Param("settled") Collection<TicketStatus> settled);

    /** The incidents staff see (not those merged into another), newest failure first. */
    @Query("select i from Incident i where i.mergedInto is null and (:status is null or i.status = :status)")
    Page<Incident> findListed(@Param("status") TicketStatus status, Pageable page);

    /**
     * The incidents staff see, narrowed as the queue narrows tickets where that applies to an incident: its status,
     * the verdict path and product of its fingerprint, its assignee ({@code -1}: nobody), and failures within
     * {@code from}..{@code to} (an incident whose failures overlap the range).
     */
    @Query("select i from Incident i left join i.assignee a where i.mergedInto is null"
            + " and (:status is null or i.status = :status) and (:verdict is null or i.verdictPath = :verdict)"
            + " and (:product is null or i.product = :product)"
            + " and (:assignee is null or (:assignee = -1 and a is null) or a.id = :assignee)"
            + " and (:from is null or i.lastFailureAt >= :from) and (:to is null or i.firstFailureAt < :to)")
    Page<Incident> findFiltered(@Param("status") TicketStatus status,
                                @Param("verdict") dev.triagedesk.evidence.TriagePath verdict,
                                @Param("product") dev.triagedesk.ticket.Product product,
                                @Param("assignee") Long assignee, @Param("from") Instant from,
                                @Param("to") Instant to, Pageable page);

    /** Incidents merged into this one (their references lead to it). */
    List<Incident> findByMergedInto(Incident target);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select i from Incident i where i.id = :id")
    Optional<Incident> lockById(@Param("id") long id);
}
