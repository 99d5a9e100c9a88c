package dev.triagedesk.audit;

import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AuditEventRepository extends JpaRepository<AuditEvent, Long> {

    List<AuditEvent> findByTicketIdOrderByAtDescIdDesc(Long ticketId);

    Page<AuditEvent> findByTicketIdIsNullOrderByAtDescIdDesc(Pageable page);
}
