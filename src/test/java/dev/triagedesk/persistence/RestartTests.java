package dev.triagedesk.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.triagedesk.TriageDeskApplication;
import dev.triagedesk.evidence.Corpus;
import dev.triagedesk.evidence.redact.RedactionKey;
import dev.triagedesk.storage.EvidenceStorage;
import dev.triagedesk.storage.LocalEvidenceStorage;
import dev.triagedesk.ticket.Evidence;
import dev.triagedesk.ticket.EvidenceRepository;
import dev.triagedesk.ticket.RequestIdentifierRepository;
import dev.triagedesk.ticket.Ticket;
import dev.triagedesk.ticket.TicketRepository;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tickets survive a restart: the application runs as deployed by default (H2 in file mode under
 * {@code triage.data-dir}, the redaction key in a file beside it), here on a temporary folder. A report is submitted
 * over HTTP, the application is closed, and a new one started on the same folder still has the ticket, its summary,
 * its request IDs and its sanitized evidence file, and goes on numbering tickets after it.
 */
class RestartTests {

    @TempDir
    Path dataDir;

    @Test
    void aSubmittedTicketAndItsEvidenceSurviveARestart() throws Exception {
        ReportClient.Created created;
        String storedLocation;
        byte[] storedCopy;
        String key;
        try (ConfigurableApplicationContext app = start()) {
            assertThat(((HikariDataSource) app.getBean(javax.sql.DataSource.class)).getJdbcUrl())
                    .startsWith("jdbc:h2:file:" + dataDir.resolve("db"));
            created = new ReportClient(port(app)).postReportWithCorpusHar();
            Ticket ticket = app.getBean(TicketRepository.class).findByReference(created.reference()).orElseThrow();
            Evidence har = single(app.getBean(EvidenceRepository.class).findByTicketOrderByIdAsc(ticket));
            storedLocation = har.getStoredLocation();
            storedCopy = Files.readAllBytes(((LocalEvidenceStorage) app.getBean(EvidenceStorage.class)).resolve(storedLocation));
            key = Files.readString(dataDir.resolve(RedactionKey.FILE_NAME));
        }
        assertThat(dataDir.resolve("db").resolve("triage.mv.db")).isRegularFile();
        // the stored copy is the sanitized one: the capture's API keys are not in it
        List<String> apiKeys = requestHeaderValues(Corpus.har(ReportClient.HAR), "apikey");
        assertThat(apiKeys).isNotEmpty();
        assertThat(new String(storedCopy, StandardCharsets.UTF_8)).doesNotContain(apiKeys);

        try (ConfigurableApplicationContext app = start()) {
            Ticket ticket = app.getBean(TicketRepository.class).findByReference(created.reference()).orElseThrow();
            assertThat(ticket.getSummaryText()).isEqualTo(created.summary())
                    .contains(ReportClient.CF_RAY, ReportClient.REQUEST_ID);
            assertThat(app.getBean(RequestIdentifierRepository.class).findByLookup(ReportClient.REQUEST_ID))
                    .extracting(i -> i.getTicket().getId()).containsExactly(ticket.getId());

            Evidence har = single(app.getBean(EvidenceRepository.class).findByTicketOrderByIdAsc(ticket));
            assertThat(har.isAnalyzed()).isTrue();
            assertThat(har.getSecretsRemoved()).isPositive();
            assertThat(har.getStoredLocation()).isEqualTo(storedLocation);
            Path file = ((LocalEvidenceStorage) app.getBean(EvidenceStorage.class)).resolve(storedLocation);
            assertThat(file).isRegularFile().hasBinaryContent(storedCopy);
            assertThat(har.getStoredSize()).isEqualTo(storedCopy.length);
            assertThat(Files.readString(dataDir.resolve(RedactionKey.FILE_NAME))).isEqualTo(key);

            ReportClient.Created next = new ReportClient(port(app)).postReportWithCorpusHar();
            assertThat(next.reference()).isNotEqualTo(created.reference());
            assertThat(app.getBean(TicketRepository.class).count()).isEqualTo(2);
        }
    }

    /**
     * The application with its main configuration, on {@link #dataDir}: command-line arguments, as an operator
     * would pass them. The redaction key is emptied so that the key file in the data folder is used, as deployed.
     */
    private ConfigurableApplicationContext start() {
        List<String> args = new ArrayList<>(List.of(
                "--" + MainConfiguration.ADDITIONAL_LOCATION,
                "--triage.data-dir=" + dataDir,
                "--triage.redaction-key=",
                "--server.port=0"));
        return new SpringApplicationBuilder(TriageDeskApplication.class).run(args.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext app) {
        return ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    private static List<String> requestHeaderValues(Path har, String name) {
        List<String> values = new ArrayList<>();
        for (JsonNode entry : JsonMapper.builder().build().readTree(har.toFile()).path("log").path("entries")) {
            for (JsonNode header : entry.path("request").path("headers")) {
                if (header.path("name").asString().equalsIgnoreCase(name)) {
                    values.add(header.path("value").asString());
                }
            }
        }
        return values;
    }

    private static Evidence single(List<Evidence> rows) {
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }
}
