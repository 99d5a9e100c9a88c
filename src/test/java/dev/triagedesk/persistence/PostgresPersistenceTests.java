package dev.triagedesk.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import dev.triagedesk.desk.DeskService;
import dev.triagedesk.desk.TicketFilter;
import dev.triagedesk.report.ReportService;
import dev.triagedesk.storage.EvidenceStorage;
import dev.triagedesk.support.ManyFailuresHar;
import dev.triagedesk.ticket.Evidence;
import dev.triagedesk.ticket.EvidenceRepository;
import dev.triagedesk.ticket.RequestIdentifierRepository;
import dev.triagedesk.ticket.Ticket;
import dev.triagedesk.ticket.TicketRepository;
import dev.triagedesk.ticket.TicketDetails;
import dev.triagedesk.ticket.TicketService;
import dev.triagedesk.ticket.TicketStatus;
import jakarta.persistence.EntityManagerFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * The application as deployed with the {@code postgres} profile, against a real PostgreSQL server: Flyway
 * migrates an empty schema, Hibernate validates the entities against it, and a report posted over HTTP is stored
 * and found again by its reference and its request IDs. The server comes from {@code TRIAGE_TEST_DB_*} (see
 * {@link PostgresTestDatabase}); without it these tests skip locally and fail in CI.
 *
 * <p>The connection is handed to the application through the variables the profile reads
 * ({@code TRIAGE_DB_URL}, {@code TRIAGE_DB_USER}, {@code TRIAGE_DB_PASSWORD}), so the profile's own mapping is
 * exercised too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = MainConfiguration.ADDITIONAL_LOCATION)
@ActiveProfiles("postgres")
@AutoConfigureMockMvc
@DirtiesContext
class PostgresPersistenceTests extends PostgresSchemaPerClass {


    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    Flyway flyway;
    @Autowired
    Environment environment;
    @Autowired
    TicketRepository tickets;
    @Autowired
    EvidenceRepository evidence;
    @Autowired
    RequestIdentifierRepository identifiers;
    @Autowired
    EvidenceStorage storage;
    @Autowired
    TicketService ticketService;
    @Autowired
    DeskService desk;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    MockMvc mvc;
    @Autowired
    ReportService reports;
    @Autowired
    EntityManagerFactory entityManagers;

    @Test
    void flywayMigratesTheEmptySchemaAndHibernateValidatesIt() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
            assertThat(c.getSchema()).isEqualTo(database.schema);
        }
        // the context started, so Hibernate found every entity's table and column as it expects them
        assertThat(environment.getProperty("spring.jpa.hibernate.ddl-auto")).isEqualTo("validate");
        MigrationInfo[] applied = flyway.info().applied();
        // every migration the application ships is applied, in order, none left pending
        assertThat(applied).extracting(m -> m.getVersion().getVersion()).startsWith("1")
                .hasSize(flyway.info().all().length);
        assertThat(flyway.info().pending()).isEmpty();
        assertThat(applied).extracting(MigrationInfo::getState).containsOnly(MigrationState.SUCCESS);
        List<String> tables = new JdbcTemplate(dataSource).queryForList(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = ? ORDER BY table_name",
                String.class, database.schema);
        assertThat(tables).contains("ticket", "evidence", "failing_request", "console_finding", "request_identifier",
                "finding_signal", "flyway_schema_history");
    }

    @Test
    void aReportWithARealHarIsStoredAndFoundByReferenceAndRequestId() throws Exception {
        ReportClient.Created created = new ReportClient(port).postReportWithCorpusHar();
        assertThat(created.reference()).matches("TD-\\d{4}-\\d{6}");
        assertThat(created.summary()).contains(ReportClient.CF_RAY, ReportClient.REQUEST_ID);
        assertThat(created.body().path("evidence").path(0).path("status").asString()).isEqualTo("analyzed");

        Ticket ticket = tickets.findByReference(created.reference()).orElseThrow();
        assertThat(ticket.getSummaryText()).isEqualTo(created.summary())
                .contains(ReportClient.CF_RAY, ReportClient.REQUEST_ID);
        assertThat(identifiers.findByLookup(ReportClient.REQUEST_ID)).extracting(i -> i.getTicket().getId())
                .containsExactly(ticket.getId());
        assertThat(identifiers.findByLookup(ReportClient.CF_RAY.toLowerCase(Locale.ROOT)))
                .extracting(i -> i.getTicket().getId()).contains(ticket.getId());

        // the rows are in PostgreSQL, in this run's schema
        Integer rows = new JdbcTemplate(dataSource).queryForObject(
                "SELECT count(*) FROM " + database.schema + ".ticket WHERE reference = ?", Integer.class,
                created.reference());
        assertThat(rows).isEqualTo(1);

        List<Evidence> files = evidence.findByTicketOrderByIdAsc(ticket);
        assertThat(files).hasSize(1);
        assertThat(storage.exists(files.get(0).getStoredLocation())).isTrue();
    }

    /**
     * A summary is written while holding the ticket's row (so two additions of evidence cannot each store one
     * missing the other's file): an agent's change waits for it rather than failing, and evidence added later over
     * HTTP leaves the version the agent's next change rests on alone.
     */
    @Test
    void anAgentsChangeWaitsForASummaryBeingWrittenAndEvidenceAddedLaterLeavesTheVersionAlone() throws Exception {
        // no HAR: its request IDs are the other test's to find
        ReportClient.Created created = new ReportClient(port).post(ReportClient.ANSWERS, null);
        long id = tickets.findByReference(created.reference()).orElseThrow().getId();
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> conclusion = threads.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(s -> {
                ticketService.lockForConclusion(id);
                locked.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
            Future<Ticket> agent = threads.submit(() -> desk.changeStatus(created.reference(), TicketStatus.TRIAGING,
                    "dana"));
            Thread.sleep(500);
            assertThat(agent).as("the agent's change waits for the row").isNotDone();
            release.countDown();
            conclusion.get(30, TimeUnit.SECONDS);
            assertThat(agent.get(30, TimeUnit.SECONDS).getStatus()).isEqualTo(TicketStatus.TRIAGING);
        } finally {
            release.countDown();
            threads.shutdownNow();
        }
        long version = tickets.findById(id).orElseThrow().getVersion();

        String reporterUrl = created.body().path("reporterUrl").asString();
        String token = reporterUrl.substring(reporterUrl.lastIndexOf('/') + 1);
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("consoleText", "POST https://chatgpt.com/backend-api/conversation 502 (Bad Gateway)\n");
        String body = RestClient.create("http://localhost:" + port).post().uri("/api/reports/{token}/evidence", token)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(form).retrieve().body(String.class);
        assertThat(body).contains("pasted console log");

        Ticket after = tickets.findById(id).orElseThrow();
        assertThat(after.getStatus()).isEqualTo(TicketStatus.TRIAGING);
        assertThat(after.getVersion()).as("evidence is not a workflow change").isEqualTo(version);
        assertThat(after.getSummaryText()).contains("backend-api/conversation", "502");
        assertThat(evidence.findByTicketOrderByIdAsc(after)).extracting(Evidence::getFileName)
                .containsExactly("pasted console log");
    }

    @Test
    void whatAgentsPasteFindsTheTicket() throws Exception {
        // a HAR of its own: the corpus HAR's IDs are the other tests' to find once
        String ray = "5e1f0a9b8c7d6e2f";
        String requestId = "req_pg0123456789abcdef0123456789ab";
        Path har = Files.writeString(dataDir.resolve("pasted.har"), new dev.triagedesk.evidence.HarBuilder()
                .entry("POST", "https://pgtest0123.supabase.co/rest/v1/rpc/get_all_owners", 500)
                .responseHeader("cf-ray", ray + "-FRA").responseHeader("x-request-id", requestId)
                .body("application/json", "{\"code\":\"42P17\",\"message\":\"infinite recursion detected\"}")
                .add().json());
        ReportClient.Created created = new ReportClient(port).post(ReportClient.ANSWERS, har);
        for (String pasted : List.of(ray, "cf-ray: " + ray + "-FRA", "CF-RAY: " + ray.toUpperCase(Locale.ROOT),
                "x-request-id: " + requestId, "42P17", "pgtest0123.supabase.co", "/rest/v1/rpc/get_all_owners",
                "get_all_owners")) {
            assertThat(desk.queue(new TicketFilter(pasted, null, null, null, null, null, null, null, null), 0, 50)
                    .tickets().map(Ticket::getReference).toList()).as(pasted).contains(created.reference());
        }
        // "_" is escaped in the prefix, and the pattern still reads a range of the index
        try (Connection c = dataSource.getConnection(); var s = c.createStatement()) {
            s.execute("SET enable_seqscan = off");
            StringBuilder plan = new StringBuilder();
            try (var rows = s.executeQuery("EXPLAIN SELECT ticket_id FROM ticket_word"
                    + " WHERE word LIKE 'get\\_all%' ESCAPE '\\'")) {
                while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                }
            }
            assertThat(plan.toString()).containsPattern("Index Cond: .*word.*>= 'get_all'.*word.*< 'get_alm'");
        }
    }

    @Test
    void wordsAreFoundByTheirStartThroughTheIndex() throws Exception {
        ReportClient.Created created = new ReportClient(port).postReportWithCorpusHar();
        assertThat(desk.queue(new TicketFilter("SOMETH wrong", null, null, null, null, null, null, null, null), 0, 50)
                .tickets().map(Ticket::getReference).toList()).contains(created.reference());
        assertThat(desk.queue(new TicketFilter("something right", null, null, null, null, null, null, null, null), 0,
                50).tickets().getTotalElements()).isZero();
        // the start of a word is a range of the (word, ticket) key: words compare byte by byte (V8), whatever the
        // database's collation; a sequential scan is ruled out so that the tiny table does not hide a missing range
        try (Connection c = dataSource.getConnection(); var s = c.createStatement()) {
            s.execute("SET enable_seqscan = off");
            StringBuilder plan = new StringBuilder();
            try (var rows = s.executeQuery("EXPLAIN SELECT ticket_id FROM ticket_word WHERE word LIKE 'someth%'")) {
                while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                }
            }
            assertThat(plan.toString()).containsPattern("Index Cond: .*word.*>= 'someth'.*word.*< 'someti'");
        }
    }

    /** PostgreSQL's text cannot hold a NUL: one typed into the form (or {@code %00}) is stored as U+FFFD. */
    @Test
    void aNulTypedIntoTheFormIsSavedAsAReplacementCharacter() throws Exception {
        String token = ticketService.startDraft().token();
        mvc.perform(post("/report/" + token + "/what").with(csrf()).param("nav", "next").param("product", "CHATGPT_WEB")
                        .param("seenMessage", "HTTP\0" + "500").param("description", "It fails\0"))
                .andExpect(redirectedUrl("/report/" + token + "/status"));
        Ticket t = ticketService.byToken(token).orElseThrow();
        assertThat(t.getSeenMessage()).isEqualTo("HTTP\uFFFD500");
        assertThat(t.getDescription()).isEqualTo("It fails\uFFFD");
    }

    /** The API path's step 3 (V49): the client and how the calls are made, saved from the form into their columns. */
    @Test
    void anApiReportsClientAndCallModeAreStoredInTheirColumns() throws Exception {
        String token = ticketService.startDraft().token();
        mvc.perform(post("/report/" + token + "/what").with(csrf()).param("nav", "next").param("product", "OPENAI_API")
                        .param("seenMessage", "RateLimitError"))
                .andExpect(redirectedUrl("/report/" + token + "/status"));
        mvc.perform(post("/report/" + token + "/checks").with(csrf()).param("nav", "next")
                        .param("sdk", "openai-node 4.77.0").param("callMode", "BATCH"))
                .andExpect(redirectedUrl("/report/" + token + "/evidence"));
        Ticket t = ticketService.byToken(token).orElseThrow();
        assertThat(t.getApi().getSdk()).isEqualTo("openai-node 4.77.0");
        assertThat(t.getApi().getCallMode()).isEqualTo(dev.triagedesk.ticket.ApiCallMode.BATCH);
        Map<String, Object> row = new JdbcTemplate(dataSource).queryForMap("SELECT api_sdk, api_call_mode FROM "
                + database.schema + ".ticket WHERE id = ?", t.getId());
        assertThat(row).containsEntry("api_sdk", "openai-node 4.77.0").containsEntry("api_call_mode", "BATCH");
    }

    /**
     * The findings of an upload go to PostgreSQL in JDBC batches (sequence ids, sent as multi-row inserts): a
     * handful of statements for hundreds of rows, each ID still linked to its request.
     */
    @Test
    void theFindingsOfAnUploadAreInsertedInBatches() throws Exception {
        int failures = 200;
        long ticketId = ticketService.startDraft().ticket().getId();
        ManyFailuresHar.Counted counted = ManyFailuresHar.uploadCounted(reports, entityManagers, ticketId, failures,
                Files.createTempFile("finding-batches", ".har"));
        TicketDetails details = ticketService.details(ticketId);
        assertThat(details.failures()).hasSize(failures);
        assertThat(details.identifiers()).filteredOn(id -> id.getName().equals("x-request-id"))
                .hasSize(failures).allSatisfy(id -> assertThat(id.getValue())
                        .isEqualTo(ManyFailuresHar.requestId(id.getFailingRequest().getEntryIndex())));
        assertThat(counted.inserted()).isGreaterThanOrEqualTo(3L * failures);
        assertThat(counted.statements()).as("statements prepared for %d inserted rows", counted.inserted())
                .isLessThan(counted.inserted() / 10);
    }
}
