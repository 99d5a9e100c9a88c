package dev.triagedesk.ticket;

import dev.triagedesk.evidence.TriagePath;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * Tickets. The updates written as statements ({@link #touch}, {@link #setConversationUrl}, {@link #conclude}) are
 * what the reporter's evidence changes on a ticket: they leave its version alone, which only workflow changes (and
 * the reporter's answers while it is a draft) move, so a reporter adding evidence and an agent changing the status
 * at the same moment never make each other fail.
 */
public interface TicketRepository extends JpaRepository<Ticket, Long>, JpaSpecificationExecutor<Ticket> {

    Optional<Ticket> findByReporterTokenHash(String reporterTokenHash);

    Optional<Ticket> findByReference(String reference);

    boolean existsByReporterEmailLookupAndSubmittedAtIsNotNull(String emailLookup);

    /** The ticket, its row locked until the transaction ends: one writer of its verdict and summary at a time. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select t from Ticket t where t.id = :id")
    Optional<Ticket> lockById(@Param("id") long id);

    /** Moves the ticket's last change (the queue's "updated"). */
    @Modifying(flushAutomatically = true)
    @Query("update Ticket t set t.updatedAt = :at where t.id = :id")
    int touch(@Param("id") long id, @Param("at") Instant at);

    @Modifying(flushAutomatically = true)
    @Query("update Ticket t set t.conversationUrl = :url, t.updatedAt = :at where t.id = :id")
    int setConversationUrl(@Param("id") long id, @Param("url") String url, @Param("at") Instant at);

    /** Stores the verdict and the summary generated from the ticket's facts. */
    @Modifying(flushAutomatically = true)
    @Query("update Ticket t set t.verdictPath = :path, t.verdictReasons = :reasons, t.summaryMarkdown = :markdown,"
            + " t.summaryText = :text where t.id = :id")
    int conclude(@Param("id") long id, @Param("path") TriagePath path, @Param("reasons") String reasons,
                 @Param("markdown") String markdown, @Param("text") String text);
}
