package dev.triagedesk.persistence;

import dev.triagedesk.conversation.ConversationService;
import dev.triagedesk.erasure.ErasureScenario;
import dev.triagedesk.report.ReportService;
import dev.triagedesk.staff.StaffService;
import dev.triagedesk.storage.EvidenceStorage;
import dev.triagedesk.ticket.TicketService;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.FileSystemUtils;

/**
 * Erasure on PostgreSQL: the scenario of the H2 tests ({@link ErasureScenario}), in a schema of its own (see
 * {@link PostgresTestDatabase}).
 */
@ExtendWith(PostgresTestDatabase.Required.class)
@SpringBootTest(properties = {MainConfiguration.ADDITIONAL_LOCATION, "triage.notifications.poll=1h"})
@AutoConfigureMockMvc
@ActiveProfiles("postgres")
@DirtiesContext
class PostgresErasureTests {

    private static PostgresTestDatabase database;
    private static Path dataDir;

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

    @BeforeAll
    static void freshSchema() throws Exception {
        if (PostgresTestDatabase.configured()) {
            database = PostgresTestDatabase.createSchema();
            dataDir = Files.createTempDirectory("triage-postgres-erasure");
        }
    }

    @AfterAll
    static void dropSchema() throws Exception {
        if (database != null) {
            database.dropSchema();
        }
        if (dataDir != null) {
            FileSystemUtils.deleteRecursively(dataDir);
        }
    }

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("TRIAGE_DB_URL", () -> database.applicationUrl());
        registry.add("TRIAGE_DB_USER", () -> database.user);
        registry.add("TRIAGE_DB_PASSWORD", () -> database.password);
        registry.add("triage.data-dir", () -> dataDir.toString());
    }

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
