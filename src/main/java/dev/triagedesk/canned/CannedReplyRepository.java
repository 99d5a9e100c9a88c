package dev.triagedesk.canned;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface CannedReplyRepository extends JpaRepository<CannedReply, Long> {

    List<CannedReply> findAllByOrderByNameAsc();

    Optional<CannedReply> findByNameIgnoreCase(String name);
}
