package dev.triagedesk.conversation;

import dev.triagedesk.ticket.Ticket;
import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface TicketMessageRepository extends JpaRepository<TicketMessage, Long> {

    List<TicketMessage> findByTicketOrderByCreatedAtAscIdAsc(Ticket ticket);

    /** Marks a reporter message waiting (keeps the oldest mark); a statement, so the ticket's version stays. */
    @Modifying(flushAutomatically = true)
    @Query("update Ticket t set t.reporterUnreadSince = coalesce(t.reporterUnreadSince, :at) where t.id = :id")
    int markUnread(@Param("id") long ticketId, @Param("at") Instant at);

    @Modifying(flushAutomatically = true)
    @Query("update Ticket t set t.reporterUnreadSince = null where t.id = :id and t.reporterUnreadSince is not null")
    int markRead(@Param("id") long ticketId);

    /** Back to triaging when it waited on the reporter; a statement, so an agent's change meanwhile stands. */
    @Modifying(flushAutomatically = true)
    @Query("update Ticket t set t.status = dev.triagedesk.ticket.TicketStatus.TRIAGING, t.updatedAt = :at"
            + " where t.id = :id and t.status = dev.triagedesk.ticket.TicketStatus.WAITING_ON_REPORTER")
    int backToTriaging(@Param("id") long ticketId, @Param("at") Instant at);
}
