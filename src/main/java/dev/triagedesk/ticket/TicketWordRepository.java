package dev.triagedesk.ticket;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface TicketWordRepository extends JpaRepository<TicketWord, TicketWord.Key> {

    @Modifying
    @Query("delete from TicketWord w where w.key.ticketId = :ticketId")
    void deleteByTicketId(long ticketId);
}
