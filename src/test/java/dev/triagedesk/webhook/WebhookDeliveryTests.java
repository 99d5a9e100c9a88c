package dev.triagedesk.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.triagedesk.conversation.ConversationService;
import dev.triagedesk.notification.OutboxWorker;
import dev.triagedesk.report.ReportService;
import dev.triagedesk.support.TicketFixtures;
import dev.triagedesk.ticket.Product;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhooks delivered to a receiver the test starts (the JDK's HTTP server): signed bodies, the events, and retries
 * through the outbox when the receiver fails. Its own database, so other tests' endpoints are not told.
 */
@SpringBootTest(properties = {"triage.webhooks.allow-http=true", "triage.notifications.poll=1h",
        "spring.datasource.url=jdbc:h2:mem:webhooks;DB_CLOSE_DELAY=-1"})
class WebhookDeliveryTests {

    record Received(Map<String, String> headers, String body) {
    }

    @Autowired
    Webhooks webhooks;
    @Autowired
    ReportService reports;
    @Autowired
    ConversationService conversations;
    @Autowired
    OutboxWorker worker;
    @Autowired
    JdbcTemplate jdbc;

    HttpServer receiver;
    final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    /** The status the receiver answers with. */
    final AtomicInteger answer = new AtomicInteger(204);

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(Map.of(
                    "id", String.valueOf(exchange.getRequestHeaders().getFirst("webhook-id")),
                    "timestamp", String.valueOf(exchange.getRequestHeaders().getFirst("webhook-timestamp")),
                    "signature", String.valueOf(exchange.getRequestHeaders().getFirst("webhook-signature"))), body));
            exchange.sendResponseHeaders(answer.get(), -1);
            exchange.close();
        });
        receiver.start();
        jdbc.update("DELETE FROM webhook_endpoint");
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void eventsArriveSignedWithTheEndpointsSecret() throws Exception {
        // the ticket events: a report may open an incident too, whose delivery IncidentOpenedTests checks
        Webhooks.Registered endpoint = webhooks.register(url(), EnumSet.of(WebhookEvent.TICKET_CREATED,
                WebhookEvent.TICKET_STATUS_CHANGED, WebhookEvent.TICKET_REPORTER_REPLIED));
        assertThat(endpoint.secret()).startsWith("whsec_");
        // stored sealed, never as given
        assertThat(jdbc.queryForObject("SELECT sealed_secret FROM webhook_endpoint WHERE id = ?", String.class,
                endpoint.endpoint().getId())).doesNotContain(endpoint.secret().substring(6));

        ReportService.Created created = reports.create(TicketFixtures.answers(Product.CHATGPT_WEB,
                "Private words of the reporter", "pat@example.com"), List.of(), null);
        Received first = next();
        JsonNode json = JsonMapper.builder().build().readTree(first.body());
        assertThat(json.get("type").asString()).isEqualTo("ticket.created");
        assertThat(json.get("data").get("reference").asString()).isEqualTo(created.ticket().getReference());
        assertThat(first.body()).doesNotContain("Private words", "pat@example.com", created.token());
        String expected = WebhookSender.sign(endpoint.secret(),
                first.headers().get("id") + "." + first.headers().get("timestamp") + "." + first.body());
        assertThat(first.headers().get("signature")).isEqualTo("v1," + expected);
        assertThat(Math.abs(Instant.now().getEpochSecond() - Long.parseLong(first.headers().get("timestamp"))))
                .isLessThan(600);

        conversations.answer(created.ticket().getId(), "It still fails");
        Received reply = next();
        assertThat(reply.body()).contains("\"type\":\"ticket.reporter_replied\"").doesNotContain("It still fails");
    }

    @Test
    void aFailingReceiverGetsTheDeliveryAgainLaterWithTheSameId() throws Exception {
        webhooks.register(url(), EnumSet.of(WebhookEvent.TICKET_CREATED));
        answer.set(500);
        ReportService.Created created = reports.create(TicketFixtures.answers(Product.OPENAI_API, "x", null),
                List.of(), null);
        Received failed = next();
        Long status = awaitStatus(created.ticket().getId(), 500);
        assertThat(status).isEqualTo(500);
        answer.set(200);
        assertThat(worker.sendDue(Instant.now().plus(Duration.ofHours(1)))).isEqualTo(1);
        Received again = next();
        assertThat(again.headers().get("id")).isEqualTo(failed.headers().get("id"));
        assertThat(again.body()).isEqualTo(failed.body());
        assertThat(jdbc.queryForObject("SELECT state FROM outbox_message WHERE ticket_id = ? AND channel = 'WEBHOOK'",
                String.class, created.ticket().getId())).isEqualTo("SENT");
    }

    @Test
    void onlyHttpsAddressesAndAtLeastOneEvent() {
        assertThat(org.assertj.core.api.Assertions.catchThrowable(
                () -> webhooks.register("ftp://example.com/x", EnumSet.allOf(WebhookEvent.class))))
                .isInstanceOf(Webhooks.InvalidEndpointException.class);
        assertThat(org.assertj.core.api.Assertions.catchThrowable(
                () -> webhooks.register("https://example.com/x", EnumSet.noneOf(WebhookEvent.class))))
                .isInstanceOf(Webhooks.InvalidEndpointException.class);
    }

    private Long awaitStatus(long ticketId, int status) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            List<Long> found = jdbc.queryForList("SELECT last_status FROM outbox_message WHERE ticket_id = ? AND"
                    + " channel = 'WEBHOOK' AND attempts > 0", Long.class, ticketId);
            if (!found.isEmpty() && found.get(0) != null && found.get(0) == status) {
                return found.get(0);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the failed delivery was never recorded");
    }

    private Received next() throws InterruptedException {
        Received r = received.poll(60, TimeUnit.SECONDS);
        assertThat(r).as("a delivery").isNotNull();
        return r;
    }

    private String url() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }
}
