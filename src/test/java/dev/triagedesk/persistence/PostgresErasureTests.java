package dev.triagedesk.persistence;

import dev.triagedesk.conversation.ConversationService;
import dev.triagedesk.erasure.ErasureScenario;
import dev.triagedesk.report.ReportService;
import dev.triagedesk.staff.StaffService;
import dev.triagedesk.storage.EvidenceStorage;
import dev.triagedesk.ticket.TicketService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Erasure on PostgreSQL: the scenario of the H2 tests ({@link ErasureScenario}), in a schema of its own (see
 * {@link PostgresTestDatabase}).
 */
@SpringBootTest(properties = {MainConfiguration.ADDITIONAL_LOCATION, "triage.notifications.poll=1h"})
@AutoConfigureMockMvc
@ActiveProfiles("postgres")
@DirtiesContext
class PostgresErasureTests extends PostgresSchemaPerClass {


    @Autowired
    MockMvc mvc;
    @Autowired
    StaffService staff;
    @Autowired
    TicketService tickets;
    @Autowired
    ReportService reports;
    @Autowired
    ConversationService conversation;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EvidenceStorage storage;

    private ErasureScenario scenario() {
        return new ErasureScenario(mvc, staff, tickets, reports, conversation, jdbc, storage);
    }

    @Test
    void oneAttachmentGoesAndTheTicketIsConcludedAgain() throws Exception {
        scenario().oneAttachmentGoesAndTheTicketIsConcludedAgain();
    }

    @Test
    void aWholeTicketGoesLeavingOneAuditLine() throws Exception {
        scenario().aWholeTicketGoesLeavingOneAuditLine();
    }
}
