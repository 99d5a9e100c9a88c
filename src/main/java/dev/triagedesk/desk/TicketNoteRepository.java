package dev.triagedesk.desk;

import dev.triagedesk.ticket.Ticket;
import java.util.List;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

public interface TicketNoteRepository extends JpaRepository<TicketNote, Long> {

    @EntityGraph(attributePaths = "author")
    List<TicketNote> findByTicketOrderByCreatedAtAscIdAsc(Ticket ticket);
}
