package dev.triagedesk.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.triagedesk.incident.Incident;
import dev.triagedesk.incident.IncidentReader;
import dev.triagedesk.incident.IncidentService;
import dev.triagedesk.statuspage.OfficialIncidents;
import dev.triagedesk.support.TicketFixtures;
import dev.triagedesk.ticket.Product;
import dev.triagedesk.ticket.Ticket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import dev.triagedesk.report.ReportService;
import dev.triagedesk.ticket.EvidenceKind;
import dev.triagedesk.ticket.TicketStatus;
import dev.triagedesk.ticket.Upload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Incidents on PostgreSQL: the schema of V28 as Hibernate expects it, grouping of reports as they arrive, and
 * reports of one problem sent at the same moment joining one incident (the slot lock), not several.
 */
@SpringBootTest(properties = MainConfiguration.ADDITIONAL_LOCATION)
@ActiveProfiles("postgres")
@Import(TicketFixtures.class)
@DirtiesContext
class PostgresIncidentTests extends PostgresSchemaPerClass {

    static final Instant AT = Instant.parse("2026-05-04T10:00:00Z");

    @Autowired
    DataSource dataSource;
    @Autowired
    TicketFixtures fixtures;
    @Autowired
    IncidentService incidents;
    @Autowired
    IncidentReader reader;
    @Autowired
    OfficialIncidents official;
    @Autowired
    ReportService reports;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void officialIncidentsOfV44CoverAFailureOfTheirComponent() {
        jdbc.update("INSERT INTO official_incident (id, name, status, impact, created_at, resolved_at, components, link,"
                + " imported_at) VALUES ('pg1', 'Errors', 'resolved', 'major', ?, ?, 'ChatGPT', "
                + "'https://status.example.com/incidents/pg1', ?)", java.sql.Timestamp.from(AT.minusSeconds(600)),
                java.sql.Timestamp.from(AT.plusSeconds(600)), java.sql.Timestamp.from(AT));

        assertThat(official.covering("CHATGPT_WEB", AT, AT)).hasValueSatisfying(c -> assertThat(c.incident()
                .createdAt()).isEqualTo(AT.minusSeconds(600)));
        assertThat(official.covering("CHATGPT_WEB", AT.plusSeconds(3600), AT.plusSeconds(3600))).isEmpty();
        assertThat(official.covering("OPENAI_API", AT, AT)).isEmpty();
    }

    private static String word() {
        StringBuilder b = new StringBuilder("probe");
        for (char c : UUID.randomUUID().toString().replace("-", "").substring(0, 10).toCharArray()) {
            b.append((char) ('a' + Character.digit(c, 16)));
        }
        return b.toString();
    }

    private static byte[] har(String url, int status, Instant at) {
        return String.format(Locale.ROOT, """
                {"log":{"version":"1.2","creator":{"name":"test","version":"1"},"entries":[
                 {"startedDateTime":"%s","time":120,"request":{"method":"POST","url":"%s","httpVersion":"h2",
                  "headers":[],"queryString":[],"cookies":[]},"response":{"status":%d,"statusText":"","httpVersion":"h2",
                  "headers":[{"name":"x-request-id","value":"req_%s"}],"cookies":[],
                  "content":{"size":2,"mimeType":"application/json","text":"{}"},"redirectURL":""},
                  "timings":{"send":0,"wait":100,"receive":1}}]}}
                """, at, url, status, UUID.randomUUID().toString().replace("-", "")).getBytes(StandardCharsets.UTF_8);
    }

    private Ticket report(String url, int status, Instant at) {
        return fixtures.submitHar(TicketFixtures.answers(Product.OPENAI_API, "Calls fail", null), "capture.har",
                har(url, status, at));
    }

    /** Adds a capture to a submitted ticket as the reporter's page does (its verdict is then concluded anew). */
    private void addCapture(long ticketId, byte[] har) throws Exception {
        Path copy = Files.createTempFile("capture", ".har");
        try {
            Files.write(copy, har);
            reports.addUpload(ticketId, new Upload(copy, "more.har", har.length, EvidenceKind.HAR));
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    private Incident incidentOf(Ticket t) {
        return incidents.ofTickets(List.of(t.getId())).get(t.getId());
    }

    @Test
    void reportsOfOneFailureJoinOneIncidentAndOthersTheirOwn() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
        }
        String url = "https://api.openai.com/v1/" + word() + "/completions";
        Ticket a = report(url, 500, AT);
        Ticket b = report(url, 500, AT.plusSeconds(600));
        Ticket c = report(url, 429, AT);
        assertThat(incidentOf(b).getId()).isEqualTo(incidentOf(a).getId());
        assertThat(incidentOf(c).getId()).isNotEqualTo(incidentOf(a).getId());
        var overview = reader.overview(incidentOf(a).getReference()).orElseThrow();
        assertThat(overview.incident().getTicketCount()).isEqualTo(2);
        assertThat(overview.incident().getTitle()).startsWith("HTTP 500 from api.openai.com POST /v1/");
        assertThat(overview.requestIds()).hasSize(2).allSatisfy(r -> assertThat(r.status()).isEqualTo(500));
        assertThat(reader.list(null, 0, 50).getContent()).extracting(Incident::getReference)
                .contains(incidentOf(a).getReference(), incidentOf(c).getReference());
    }

    /**
     * A staff change takes the incident's row and then its tickets'; a report concluded again (evidence added, its
     * failure time moved) took its ticket's row and then the incident's, so the two deadlocked and the staff's change
     * failed. Both now take the incident first.
     */
    @Test
    void aStaffChangeRacingAReportConcludedAgainNeitherDeadlocksNorFails() throws Exception {
        String url = "https://chatgpt.com/backend-api/" + word() + "/conversation";
        Ticket t = report(url, 500, AT);
        String reference = incidentOf(t).getReference();
        int rounds = 12;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> staff = pool.submit(() -> {
                start.await();
                for (int i = 0; i < rounds; i++) {
                    TicketStatus to = i % 2 == 0 ? TicketStatus.TRIAGING : TicketStatus.ESCALATED;
                    incidents.change(reference, new IncidentService.Change(to, false, null, null), "staff");
                }
                return null;
            });
            Future<?> reporter = pool.submit(() -> {
                start.await();
                for (int i = 1; i <= rounds; i++) {
                    addCapture(t.getId(), har(url, 500, AT.minusSeconds(i))); // an earlier failure each time
                }
                return null;
            });
            start.countDown();
            staff.get(2, TimeUnit.MINUTES);
            reporter.get(2, TimeUnit.MINUTES);
        } finally {
            pool.shutdownNow();
        }
        Incident after = reader.overview(reference).orElseThrow().incident();
        assertThat(after.getStatus()).isEqualTo(TicketStatus.ESCALATED);
        assertThat(after.getFirstFailureAt()).isEqualTo(AT.minusSeconds(rounds));
        assertThat(jdbc.queryForObject("SELECT status FROM ticket WHERE id = ?", String.class, t.getId()))
                .isEqualTo("ESCALATED");
    }

    @Test
    void reportsOfOneProblemSentTogetherOpenOneIncident() throws Exception {
        String url = "https://chatgpt.com/backend-api/" + word();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Ticket>> sent = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int n = i;
                sent.add(pool.submit((Callable<Ticket>) () -> report(url, 502, AT.plusSeconds(n))));
            }
            Set<Long> opened = new HashSet<>();
            for (Future<Ticket> f : sent) {
                opened.add(incidentOf(f.get()).getId());
            }
            assertThat(opened).hasSize(1);
            assertThat(reader.overview(incidentOf(sent.get(0).get()).getReference()).orElseThrow().incident()
                    .getTicketCount()).isEqualTo(8);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * PostgreSQL waits for a row lock without end unless told otherwise, so a staff change of an incident whose row
     * another transaction held (a long one, or one left open by a stuck client) hung its request instead of being
     * answered "Busy" as on H2. The connections' lock timeout makes it fail, be retried, and give up with the lock
     * failure the API answers 503 for; nothing of it is applied.
     */
    @Test
    void aStaffChangeOfAnIncidentHeldLockedGivesUpInsteadOfWaitingForever() throws Exception {
        Ticket t = report("https://chatgpt.com/backend-api/" + word() + "/conversation", 500, AT);
        Incident incident = incidentOf(t);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (var lock = holder.prepareStatement("SELECT id FROM incident WHERE id = ? FOR UPDATE")) {
                lock.setLong(1, incident.getId());
                lock.executeQuery().close();
            }
            Future<?> change = pool.submit(() -> incidents.change(incident.getReference(),
                    new IncidentService.Change(null, false, null, "Renamed while locked"), "staff"));
            // a generous bound: without a lock timeout the change never returns
            assertThatThrownBy(() -> change.get(2, TimeUnit.MINUTES)).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(PessimisticLockingFailureException.class);
            holder.rollback();
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject("SELECT title FROM incident WHERE id = ?", String.class, incident.getId()))
                .isEqualTo(incident.getTitle());
    }

    /** A report that keeps losing the incident slot of its problem fails with a lock failure (the API's 503). */
    @Test
    void aReportWhoseIncidentSlotStaysLockedFailsAsALockFailure() throws Exception {
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (var lock = holder.prepareStatement("SELECT slot FROM incident_slot FOR UPDATE")) {
                lock.executeQuery().close();
            }
            assertThatThrownBy(() -> report("https://chatgpt.com/backend-api/" + word(), 500, AT))
                    .isInstanceOf(org.springframework.dao.ConcurrencyFailureException.class);
            holder.rollback();
        }
    }
}
