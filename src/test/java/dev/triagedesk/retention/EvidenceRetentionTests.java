package dev.triagedesk.retention;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triagedesk.audit.AuditAction;
import dev.triagedesk.audit.AuditEvent;
import dev.triagedesk.audit.AuditLog;
import dev.triagedesk.storage.EvidenceStorage;
import dev.triagedesk.support.TicketFixtures;
import dev.triagedesk.ticket.Product;
import dev.triagedesk.ticket.Ticket;
import dev.triagedesk.ticket.TicketService;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/** Retention deletes the evidence files of tickets closed long enough ago, and only theirs; the ticket stays. */
@SpringBootTest(properties = {"triage.retention.evidence-days=30",
        "spring.datasource.url=jdbc:h2:mem:retention;DB_CLOSE_DELAY=-1",
        "triage.data-dir=target/test-data/retention"})
@Import(TicketFixtures.class)
class EvidenceRetentionTests {

    static final String HAR = "user-masteralan360-asaas-chrome143-404-body.har";

    @Autowired
    EvidenceRetention retention;
    @Autowired
    TicketFixtures fixtures;
    @Autowired
    TicketService tickets;
    @Autowired
    EvidenceStorage storage;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AuditLog audit;

    @Test
    void filesOfTicketsClosedLongerAgoGoAndTheTicketStays() {
        Ticket closed = fixtures.submit(TicketFixtures.answers(Product.CHATGPT_WEB, "closed", null), HAR);
        Ticket open = fixtures.submit(TicketFixtures.answers(Product.CHATGPT_WEB, "open", null), HAR);
        jdbc.update("UPDATE ticket SET status = 'CLOSED' WHERE id = ?", closed.getId());
        String closedFile = location(closed);
        String openFile = location(open);
        assertThat(storage.exists(closedFile)).isTrue();

        // not yet 30 days
        assertThat(retention.run(Instant.now().plus(Duration.ofDays(29)))).isZero();
        assertThat(storage.exists(closedFile)).isTrue();

        assertThat(retention.run(Instant.now().plus(Duration.ofDays(31)))).isEqualTo(1);
        assertThat(storage.exists(closedFile)).isFalse();
        assertThat(storage.exists(openFile)).isTrue();
        assertThat(tickets.details(closed.getId()).ticket().getSummaryText()).isNotBlank();
        assertThat(tickets.details(closed.getId()).failures()).isNotEmpty();
        List<AuditEvent> trail = audit.trail(closed.getId());
        assertThat(trail).filteredOn(e -> e.getAction() == AuditAction.EVIDENCE_FILES_DELETED)
                .extracting(AuditEvent::getDetail).containsExactly("1 evidence file of a ticket closed more than 30"
                        + " days ago");
        // nothing left to delete the next time
        assertThat(retention.run(Instant.now().plus(Duration.ofDays(31)))).isZero();
    }

    private String location(Ticket t) {
        return jdbc.queryForObject("SELECT stored_location FROM evidence WHERE ticket_id = ?", String.class, t.getId());
    }
}
