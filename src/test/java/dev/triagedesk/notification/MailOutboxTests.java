package dev.triagedesk.notification;

import static dev.triagedesk.support.MailParts.part;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.triagedesk.conversation.ConversationService;
import dev.triagedesk.report.ReportService;
import dev.triagedesk.staff.Role;
import dev.triagedesk.staff.StaffService;
import dev.triagedesk.staff.StaffUser;
import dev.triagedesk.support.TicketFixtures;
import dev.triagedesk.ticket.Product;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** E-mail through the outbox, against a real SMTP server (GreenMail) started by the test on a free port. */
@SpringBootTest(properties = {"triage.public-url=https://help.example.com/triage",
        "triage.notifications.from=Help Desk <help@example.com>", "triage.notifications.poll=1h",
        "spring.datasource.url=jdbc:h2:mem:mail-outbox;DB_CLOSE_DELAY=-1"})
class MailOutboxTests {

    static final int PORT = freePort();
    static final ServerSetup SMTP = new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    static GreenMail smtp;

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> PORT);
    }

    @BeforeAll
    static void start() {
        smtp = new GreenMail(SMTP);
        smtp.start();
    }

    @AfterAll
    static void stop() {
        smtp.stop();
    }

    @Autowired
    ReportService reports;
    @Autowired
    ConversationService conversations;
    @Autowired
    StaffService staff;
    @Autowired
    OutboxWorker worker;
    @Autowired
    OutboxRepository outbox;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    String marker;
    String address;
    StaffUser agent;

    @BeforeEach
    void names() {
        marker = "mail" + UUID.randomUUID().toString().substring(0, 8);
        address = marker + "@example.com";
        agent = staff.create("agent-" + marker, "Dana from support", "correct horse battery staple", Role.AGENT);
    }

    @Test
    void theReporterGetsAConfirmationWithTheirLinkAndEachPublicReplyAsTextAndHtml() throws Exception {
        ReportService.Created created = reports.create(TicketFixtures.answers(Product.CHATGPT_WEB,
                "Every answer fails " + marker, address), List.of(), null);
        String reference = created.ticket().getReference();
        String link = "https://help.example.com/triage/r/" + created.token();

        MimeMessage confirmation = arrived(address, 1).get(0);
        assertThat(confirmation.getSubject()).isEqualTo("Your report " + reference + " was received");
        assertThat(confirmation.getFrom()[0].toString()).isEqualTo("Help Desk <help@example.com>");
        assertThat(confirmation.getContentType()).startsWith("multipart/mixed");
        String text = part(confirmation, "text/plain");
        String html = part(confirmation, "text/html");
        assertThat(text).contains(reference, link).doesNotContain("Every answer fails");
        assertThat(html).contains(reference, "href=\"" + link + "\"");
        // the private link does not stay in the database once it is sent
        OutboxMessage row = rows(created.ticket().getId()).get(0);
        assertThat(row.getState()).isEqualTo(OutboxMessage.State.SENT);
        assertThat(jdbc.queryForObject("SELECT body_text FROM outbox_message WHERE id = ?", String.class,
                row.getId())).isNull();

        conversations.reply(reference, "Please try a private window <b>now</b>", agent.getUsername());
        MimeMessage reply = arrived(address, 2).get(1);
        assertThat(reply.getSubject()).isEqualTo("Support replied to your report " + reference);
        assertThat(part(reply, "text/plain")).contains("Dana from support (support)",
                "> Please try a private window <b>now</b>").doesNotContain(created.token());
        assertThat(part(reply, "text/html")).contains("Please try a private window &lt;b&gt;now&lt;/b&gt;");
    }

    @Test
    void aRolledBackChangeSendsNothing() throws Exception {
        ReportService.Created created = reports.create(TicketFixtures.answers(Product.CHATGPT_WEB,
                "Rollback " + marker, address), List.of(), null);
        arrived(address, 1);
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        transaction.executeWithoutResult(s -> {
            conversations.reply(created.ticket().getReference(), "never sent " + marker, agent.getUsername());
            s.setRollbackOnly();
        });
        worker.sendDue(Instant.now().plus(Duration.ofDays(1)));
        assertThat(rows(created.ticket().getId())).hasSize(1);
        assertThat(to(address)).hasSize(1);
    }

    @Test
    void aRefusingServerIsTriedAgainLaterWithAGrowingDelay() throws Exception {
        ReportService.Created created = reports.create(TicketFixtures.answers(Product.CHATGPT_WEB,
                "Retry " + marker, address), List.of(), null);
        arrived(address, 1);
        smtp.stop();
        try {
            conversations.reply(created.ticket().getReference(), "first try fails " + marker, agent.getUsername());
            OutboxMessage failed = awaitAttempts(created.ticket().getId(), 1);
            assertThat(failed.getState()).isEqualTo(OutboxMessage.State.PENDING);
            assertThat(failed.getLastError()).isNotBlank();
            Instant first = failed.getNextAttemptAt();
            // due again only after the delay; a second failure doubles it
            assertThat(worker.sendDue(first.minusSeconds(1))).isZero();
            assertThat(worker.sendDue(first)).isZero();
            OutboxMessage twice = rows(created.ticket().getId()).get(1);
            assertThat(twice.getAttempts()).isEqualTo(2);
            assertThat(Duration.between(first, twice.getNextAttemptAt())).isEqualTo(Duration.ofMinutes(2));
        } finally {
            smtp = new GreenMail(SMTP);
            smtp.start();
        }
        assertThat(worker.sendDue(Instant.now().plus(Duration.ofHours(1)))).isEqualTo(1);
        MimeMessage reply = arrived(address, 1).get(0);
        assertThat(part(reply, "text/plain")).contains("first try fails " + marker);
        assertThat(rows(created.ticket().getId()).get(1).getState()).isEqualTo(OutboxMessage.State.SENT);
    }

    private List<OutboxMessage> rows(long ticketId) {
        return outbox.findAll().stream().filter(m -> m.getTicketId() != null && m.getTicketId() == ticketId)
                .sorted((a, b) -> Long.compare(a.getId(), b.getId())).toList();
    }

    private OutboxMessage awaitAttempts(long ticketId, int attempts) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            List<OutboxMessage> rows = rows(ticketId);
            if (rows.size() > 1 && rows.get(1).getAttempts() >= attempts) {
                return rows.get(1);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the worker never tried the reply");
    }

    /** Waits (up to a minute: the sender runs after commit, in the background) for {@code count} mails to one address. */
    private List<MimeMessage> arrived(String to, int count) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            List<MimeMessage> mails = to(to);
            if (mails.size() >= count) {
                return mails;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("fewer than " + count + " mails to " + to);
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

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
