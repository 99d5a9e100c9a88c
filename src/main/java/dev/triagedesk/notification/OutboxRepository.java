package dev.triagedesk.notification;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface OutboxRepository extends JpaRepository<OutboxMessage, Long> {

    Page<OutboxMessage> findAllByOrderByIdDesc(Pageable page);

    long countByState(OutboxMessage.State state);

    java.util.List<OutboxMessage> findTop50ByChannelOrderByIdDesc(OutboxMessage.Channel channel);
}
