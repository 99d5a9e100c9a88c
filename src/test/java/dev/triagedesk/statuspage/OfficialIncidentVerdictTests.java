package dev.triagedesk.statuspage;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.triagedesk.audit.AuditAction;
import dev.triagedesk.audit.AuditEvent;
import dev.triagedesk.audit.AuditLog;
import dev.triagedesk.desk.DeskService;
import dev.triagedesk.evidence.TriagePath;
import dev.triagedesk.support.TicketFixtures;
import dev.triagedesk.support.TriageDeskTest;
import dev.triagedesk.ticket.Product;
import dev.triagedesk.ticket.ReportAnswers;
import dev.triagedesk.ticket.Ticket;
import dev.triagedesk.ticket.TicketService;
import dev.triagedesk.ticket.TicketStatus;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A new official incident judges again the open tickets whose failure it covers: the recorded Statuspage answer is
 * served by a local HTTP server, with its ChatGPT incident moved to a time of this test's own (two days ago, at a
 * random minute, so no other test's failures fall in it) and given an id no earlier import used.
 */
@TriageDeskTest
class OfficialIncidentVerdictTests {

    @Autowired
    OfficialIncidents store;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TicketFixtures fixtures;
    @Autowired
    TicketService tickets;
    @Autowired
    DeskService desk;
    @Autowired
    AuditLog audit;

    HttpServer server;
    volatile byte[] incidents;

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        for (String name : List.of("incidents", "components")) {
            server.createContext("/api/v2/" + name + ".json", exchange -> {
                byte[] body;
                if (name.equals("incidents")) {
                    body = incidents;
                } else {
                    try (InputStream in = getClass().getResourceAsStream("/statuspage/components.json")) {
                        body = in.readAllBytes();
                    }
                }
                exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
        }
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    /** The recorded incidents, the ChatGPT one with this id and times; the API one as recorded. */
    static byte[] recordedWith(String id, Instant created, Instant resolved) throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        ObjectNode page;
        try (InputStream in = OfficialIncidentVerdictTests.class.getResourceAsStream("/statuspage/incidents.json")) {
            page = (ObjectNode) json.readTree(in);
        }
        ObjectNode chatgpt = (ObjectNode) ((ArrayNode) page.get("incidents")).get(0);
        assertThat(chatgpt.get("name").asString()).isEqualTo("Elevated error rates in ChatGPT");
        chatgpt.put("id", id);
        chatgpt.put("created_at", created.toString());
        chatgpt.put("updated_at", resolved.toString());
        chatgpt.put("resolved_at", resolved.toString());
        return json.writeValueAsString(page).getBytes(StandardCharsets.UTF_8);
    }

    StatusPageImport importer() {
        return new StatusPageImport(new StatusPageProperties("http://127.0.0.1:" + server.getAddress().getPort(),
                Duration.ofMinutes(5), Duration.ofSeconds(2), null), store, events);
    }

    /** A ChatGPT report with no capture and no answer about the status page, failing at {@code at} (UTC). */
    Ticket report(Instant at) {
        return fixtures.submit(new ReportAnswers(Product.CHATGPT_WEB, null, "Something went wrong", 500,
                LocalDateTime.ofInstant(at, ZoneOffset.UTC), "UTC", null, "Pat", "pat@example.com", "It fails",
                null, null, null, null));
    }

    List<AuditEvent> judgedAgain(Ticket t) {
        return audit.trail(t.getId()).stream().filter(e -> e.getAction() == AuditAction.JUDGED_AGAIN).toList();
    }

    @Test
    void aNewOfficialIncidentJudgesAgainTheOpenTicketsWhoseFailureItCovers() throws IOException {
        Instant failed = Instant.now().minus(Duration.ofDays(2))
                .minus(Duration.ofMinutes(ThreadLocalRandom.current().nextInt(1, 1_000)))
                .truncatedTo(ChronoUnit.MINUTES);
        Ticket covered = report(failed);
        Ticket later = report(failed.plus(Duration.ofHours(3)));
        Ticket resolved = report(failed);
        desk.changeStatus(resolved.getReference(), TicketStatus.RESOLVED, "someone");
        assertThat(covered.getVerdictPath()).isNotEqualTo(TriagePath.OUTAGE);
        TriagePath before = covered.getVerdictPath();

        String id = "inc" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        incidents = recordedWith(id, failed.minus(Duration.ofMinutes(10)), failed.plus(Duration.ofMinutes(30)));
        StatusPageImport importer = importer();
        assertThat(importer.poll()).isEqualTo(StatusPageImport.Outcome.IMPORTED);

        Ticket now = tickets.details(covered.getId()).ticket();
        assertThat(now.getVerdictPath()).isEqualTo(TriagePath.OUTAGE);
        assertThat(now.getVerdictReasons()).contains("The vendor's status page had an incident for ChatGPT at the"
                + " failure time: \"Elevated error rates in ChatGPT\"");
        assertThat(judgedAgain(covered)).singleElement().satisfies(e -> {
            assertThat(e.getActor()).isEqualTo("status page");
            assertThat(e.getDetail()).contains("\"Elevated error rates in ChatGPT\"", "major", "ChatGPT",
                    before.label() + " → " + TriagePath.OUTAGE.label());
        });
        // outside the official incident's time, or already resolved: left as they were
        assertThat(tickets.details(later.getId()).ticket().getVerdictPath()).isEqualTo(later.getVerdictPath());
        assertThat(judgedAgain(later)).isEmpty();
        assertThat(tickets.details(resolved.getId()).ticket().getVerdictPath()).isEqualTo(resolved.getVerdictPath());
        assertThat(judgedAgain(resolved)).isEmpty();

        // the same incident imported again is not new: nothing is judged again
        assertThat(importer.poll()).isEqualTo(StatusPageImport.Outcome.IMPORTED);
        assertThat(judgedAgain(covered)).hasSize(1);
    }
}
