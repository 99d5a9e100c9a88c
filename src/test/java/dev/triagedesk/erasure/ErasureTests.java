package dev.triagedesk.erasure;

import dev.triagedesk.conversation.ConversationService;
import dev.triagedesk.report.ReportService;
import dev.triagedesk.staff.StaffService;
import dev.triagedesk.storage.EvidenceStorage;
import dev.triagedesk.support.TriageDeskTest;
import dev.triagedesk.ticket.TicketService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** Erasure on H2 (the same scenario runs on PostgreSQL in the persistence tests). */
@TriageDeskTest
class ErasureTests {

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
