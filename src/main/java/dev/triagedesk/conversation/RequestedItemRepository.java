package dev.triagedesk.conversation;

import dev.triagedesk.ticket.Ticket;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface RequestedItemRepository extends JpaRepository<RequestedItem, Long> {

    List<RequestedItem> findByTicketOrderByIdAsc(Ticket ticket);

    List<RequestedItem> findByTicketAndDoneAtIsNullOrderByIdAsc(Ticket ticket);
}
