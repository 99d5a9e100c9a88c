package dev.triagedesk.incident;

import static dev.triagedesk.support.MailParts.part;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import dev.triagedesk.notification.MailPreferences;
import dev.triagedesk.staff.Role;
import dev.triagedesk.staff.StaffService;
import dev.triagedesk.support.TicketFixtures;
import dev.triagedesk.support.TriageDeskTest;
import dev.triagedesk.ticket.Product;
import dev.triagedesk.ticket.Ticket;
import dev.triagedesk.webhook.WebhookEvent;
import dev.triagedesk.webhook.Webhooks;
import jakarta.mail.internet.MimeMessage;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A new incident is told to staff who chose the "incident opened" mail (received by GreenMail) and to webhook
 * endpoints of {@code incident.opened} (received by the JDK's HTTP server), both through the outbox; a report that
 * joins the incident tells no one again. One reply to the incident reaches each reporter by mail. Its own settings and database: a mail host, plain-http webhooks for the
 * local receiver, and no other tests' endpoints or staff preferences to be told.
 */
@TriageDeskTest
@TestPropertySource(properties = {"triage.public-url=https://help.example.com/triage",
        "triage.webhooks.allow-http=true", "triage.notifications.poll=1h",
        "spring.datasource.url=jdbc:h2:mem:incident-opened;DB_CLOSE_DELAY=-1"})
class IncidentOpenedTests {

    static final int PORT = freePort();
    static GreenMail smtp;
    static HttpServer receiver;
    static final BlockingQueue<Map<String, String>> received = new LinkedBlockingQueue<>();

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> PORT);
    }

    @BeforeAll
    static void start() throws IOException {
        smtp = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            received.add(Map.of(
                    "id", String.valueOf(exchange.getRequestHeaders().getFirst("webhook-id")),
                    "timestamp", String.valueOf(exchange.getRequestHeaders().getFirst("webhook-timestamp")),
                    "signature", String.valueOf(exchange.getRequestHeaders().getFirst("webhook-signature")),
                    "body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stop() {
        smtp.stop();
        receiver.stop(0);
    }

    @Autowired
    TicketFixtures fixtures;
    @Autowired
    IncidentService incidents;
    @Autowired
    StaffService staff;
    @Autowired
    MailPreferences preferences;
    @Autowired
    Webhooks webhooks;
    @Autowired
    IncidentReplies replies;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aNewIncidentIsMailedToStaffWhoChoseItAndDeliveredToItsWebhookOnce() throws Exception {
        String marker = "inc" + UUID.randomUUID().toString().substring(0, 8);
        String wants = marker + "-wants@example.com";
        String doesNot = marker + "-not@example.com";
        staff.create("a-" + marker, "Ada", "correct horse battery staple", Role.AGENT);
        staff.create("b-" + marker, "Bo", "correct horse battery staple", Role.AGENT);
        preferences.choose("a-" + marker, wants, false, false, true);
        preferences.choose("b-" + marker, doesNot, false, true, false);
        Webhooks.Registered endpoint = webhooks.register("http://127.0.0.1:" + receiver.getAddress().getPort()
                + "/hook", EnumSet.of(WebhookEvent.INCIDENT_OPENED));

        String word = Captures.word();
        Instant at = Instant.parse("2026-05-04T10:00:00Z");
        Ticket first = report("https://chatgpt.com/backend-api/" + word + "/1", at);
        Incident incident = incidents.ofTickets(List.of(first.getId())).get(first.getId());
        assertThat(incident).isNotNull();

        Map<String, String> delivery = received.poll(60, TimeUnit.SECONDS);
        assertThat(delivery).as("an incident.opened delivery").isNotNull();
        JsonNode json = JsonMapper.builder().build().readTree(delivery.get("body"));
        assertThat(json.get("type").asString()).isEqualTo("incident.opened");
        assertThat(json.get("data").get("reference").asString()).isEqualTo(incident.getReference());
        assertThat(json.get("data").get("title").asString()).isEqualTo(incident.getTitle());
        assertThat(json.get("data").get("ticket").asString()).isEqualTo(first.getReference());
        assertThat(delivery.get("body")).doesNotContain("It fails " + marker);
        assertThat(delivery.get("signature")).isEqualTo("v1," + hmac(endpoint.secret(),
                delivery.get("id") + "." + delivery.get("timestamp") + "." + delivery.get("body")));

        MimeMessage mail = arrived(wants);
        assertThat(mail.getSubject()).isEqualTo("Incident opened: " + incident.getReference());
        assertThat(part(mail, "text/plain")).contains(incident.getTitle(),
                "https://help.example.com/triage/desk/incidents/" + incident.getReference())
                .doesNotContain("It fails " + marker);

        // a second report of the same failure joins: no new incident, so nothing more is queued
        Ticket second = report("https://chatgpt.com/backend-api/" + word + "/2", at.plusSeconds(60));
        assertThat(incidents.ofTickets(List.of(second.getId())).get(second.getId()).getId())
                .isEqualTo(incident.getId());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message WHERE ticket_id IN (?, ?) AND event IN"
                + " ('incident.opened', 'staff.incident_opened')", Integer.class, first.getId(), second.getId()))
                .isEqualTo(2);
        assertThat(to(doesNot)).isEmpty();
    }

    @Test
    void oneReplyToTheIncidentReachesEachReporterByMail() throws Exception {
        String marker = "rep" + UUID.randomUUID().toString().substring(0, 8);
        String word = Captures.word();
        Instant at = Instant.parse("2026-05-04T12:00:00Z");
        staff.create("c-" + marker, "Cam from support", "correct horse battery staple", Role.AGENT);
        Ticket first = report("https://chatgpt.com/backend-api/" + word + "/1", at, marker + "-1@example.com");
        report("https://chatgpt.com/backend-api/" + word + "/2", at.plusSeconds(60), marker + "-2@example.com");
        Incident incident = incidents.ofTickets(List.of(first.getId())).get(first.getId());

        replies.replyToAll(incident.getReference(), "A fix is rolling out " + marker, "c-" + marker);

        for (String reporter : List.of(marker + "-1@example.com", marker + "-2@example.com")) {
            MimeMessage reply = arrived(reporter, "Support replied");
            assertThat(part(reply, "text/plain"))
                    .contains("Cam from support", "A fix is rolling out " + marker);
        }
    }

    private Ticket report(String url, Instant at) {
        return report(url, at, null);
    }

    private Ticket report(String url, Instant at, String email) {
        return fixtures.submitHar(TicketFixtures.answers(Product.CHATGPT_WEB, "It fails", email), "capture.har",
                Captures.har("POST", url, 500, null, at));
    }

    /** Waits for a mail to one address whose subject starts so (a reporter also gets the confirmation). */
    private static MimeMessage arrived(String to, String subject) throws Exception {
        for (int i = 0; i < 600; i++) {
            for (MimeMessage m : to(to)) {
                if (m.getSubject().startsWith(subject)) {
                    return m;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no mail \"" + subject + "\" to " + to);
    }

    /** Waits (the sender runs after commit, in the background) for a mail to one address. */
    private static MimeMessage arrived(String to) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            List<MimeMessage> mails = to(to);
            if (!mails.isEmpty()) {
                return mails.get(0);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no mail to " + to);
    }

    private static List<MimeMessage> to(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(address);
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    /** The signature as a receiver checks it: HMAC-SHA256 under the secret's Base64 part (after {@code whsec_}). */
    private static String hmac(String secret, String content) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
