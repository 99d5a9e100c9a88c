package dev.triagedesk.statuspage;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.triagedesk.support.TriageDeskTest;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;

/**
 * The import against recorded Statuspage responses served by a local HTTP server; the importer under test is made
 * with that server's address (the shared application has no status page set), and stores into the real database.
 */
@TriageDeskTest
class StatusPageImportTests {

    @Autowired
    OfficialIncidents store;
    @Autowired
    ApplicationEventPublisher events;

    /** The ids of the recorded incidents.json. */
    static final List<String> RECORDED = List.of("inc0chatgpt500", "inc0apilatency");

    HttpServer server;
    final Map<String, String> ifNoneMatch = new ConcurrentHashMap<>();
    final List<String> requests = new CopyOnWriteArrayList<>();
    final AtomicInteger failWith = new AtomicInteger();

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        for (String name : List.of("incidents", "components")) {
            server.createContext("/api/v2/" + name + ".json", exchange -> {
                requests.add(exchange.getRequestURI().getPath());
                String sent = exchange.getRequestHeaders().getFirst("If-None-Match");
                if (sent != null) {
                    ifNoneMatch.put(name, sent);
                }
                String etag = "W/\"" + name + "-1\"";
                if (failWith.get() != 0) {
                    exchange.sendResponseHeaders(failWith.get(), -1);
                } else if (etag.equals(sent)) {
                    exchange.getResponseHeaders().add("ETag", etag);
                    exchange.sendResponseHeaders(304, -1);
                } else {
                    byte[] body;
                    try (InputStream in = getClass().getResourceAsStream("/statuspage/" + name + ".json")) {
                        body = in.readAllBytes();
                    }
                    exchange.getResponseHeaders().add("ETag", etag);
                    exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                }
                exchange.close();
            });
        }
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    StatusPageImport importer(String url) {
        return new StatusPageImport(new StatusPageProperties(url, Duration.ofMinutes(5), Duration.ofSeconds(2), null),
                store, events);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    @Test
    void importsIncidentsAndComponentsThenAsksWithTheEtagAndA304ChangesNothing() {
        StatusPageImport importer = importer(url());

        assertThat(importer.poll()).isEqualTo(StatusPageImport.Outcome.IMPORTED);
        assertThat(ifNoneMatch).isEmpty();
        OfficialIncident chatgpt = store.all().stream().filter(i -> i.id().equals("inc0chatgpt500")).findFirst()
                .orElseThrow();
        assertThat(chatgpt.name()).isEqualTo("Elevated error rates in ChatGPT");
        assertThat(chatgpt.status()).isEqualTo("resolved");
        assertThat(chatgpt.impact()).isEqualTo("major");
        assertThat(chatgpt.createdAt()).isEqualTo(Instant.parse("2019-03-12T14:05:30.118Z"));
        assertThat(chatgpt.resolvedAt()).isEqualTo(Instant.parse("2019-03-12T15:02:11.171Z"));
        assertThat(chatgpt.components()).containsExactly("ChatGPT");
        assertThat(chatgpt.link()).isEqualTo("https://stspg.example/abc123");
        assertThat(store.components()).extracting(StatusPageJson.Component::name)
                .contains("ChatGPT", "Chat Completions");

        assertThat(importer.poll()).isEqualTo(StatusPageImport.Outcome.UNCHANGED);
        assertThat(ifNoneMatch).containsEntry("incidents", "W/\"incidents-1\"")
                .containsEntry("components", "W/\"components-1\"");
        assertThat(requests).containsExactly("/api/v2/components.json", "/api/v2/incidents.json",
                "/api/v2/components.json", "/api/v2/incidents.json");
        // Other tests share the database and store incidents of their own (random ids): count the recorded ones only.
        assertThat(store.all()).extracting(OfficialIncident::id).filteredOn(RECORDED::contains)
                .containsExactlyInAnyOrderElementsOf(RECORDED);
    }

    @Test
    void aFailureKeepsTheLastData() {
        StatusPageImport importer = importer(url());
        importer.poll();
        failWith.set(503);

        assertThat(importer.poll()).isEqualTo(StatusPageImport.Outcome.FAILED);
        assertThat(store.all()).extracting(OfficialIncident::id).contains("inc0chatgpt500", "inc0apilatency");

        server.stop(0);
        assertThat(importer.poll()).isEqualTo(StatusPageImport.Outcome.FAILED);
        assertThat(store.all()).extracting(OfficialIncident::id).contains("inc0chatgpt500");
    }

    @Test
    void offWithoutAnAddress() {
        assertThat(importer(" ").poll()).isEqualTo(StatusPageImport.Outcome.OFF);
        assertThat(requests).isEmpty();
    }

    @Test
    void coversAFailureOfTheProductsComponentOnly() {
        importer(url()).poll();

        assertThat(store.covering("CHATGPT_WEB", Instant.parse("2019-03-12T14:30:00Z"), null))
                .hasValueSatisfying(c -> {
                    assertThat(c.incident().id()).isEqualTo("inc0chatgpt500");
                    assertThat(c.component()).isEqualTo("ChatGPT");
                });
        assertThat(store.covering("CHATGPT_WEB", Instant.parse("2019-03-12T15:30:00Z"), null)).isEmpty();
        assertThat(store.covering("CHATGPT_WEB", Instant.parse("2019-03-12T13:00:00Z"),
                Instant.parse("2019-03-12T14:10:00Z"))).isPresent();
        assertThat(store.covering("OPENAI_API", Instant.parse("2019-03-11T10:00:00Z"), null))
                .hasValueSatisfying(c -> assertThat(c.component()).isEqualTo("Chat Completions"));
        assertThat(store.covering("MOBILE_APP", Instant.parse("2019-03-11T10:00:00Z"), null)).isEmpty();
        assertThat(store.covering("OTHER", Instant.parse("2019-03-12T14:30:00Z"), null)).isEmpty();
    }

    @Test
    void anUnresolvedIncidentCoversAnyTimeSinceItOpened() {
        OfficialIncident open = new OfficialIncident("x", "Outage", "investigating", "critical",
                Instant.parse("2019-03-11T09:00:00Z"), null, List.of("API"), "https://status.example.com/incidents/x");
        assertThat(open.overlaps(Instant.parse("2030-01-01T00:00:00Z"), Instant.parse("2030-01-01T00:00:00Z")))
                .isTrue();
        assertThat(open.overlaps(Instant.parse("2019-03-11T08:00:00Z"), Instant.parse("2019-03-11T08:59:00Z")))
                .isFalse();
        assertThat(open.componentMatching(List.of("api"))).isEqualTo("API");
        assertThat(store.covering("OTHER", Instant.parse("2019-03-12T14:30:00Z"), null)).isEmpty();
    }
}
