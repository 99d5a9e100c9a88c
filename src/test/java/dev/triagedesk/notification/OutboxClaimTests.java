package dev.triagedesk.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.ServerSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

/** The outbox's claiming on H2 ({@code FOR UPDATE SKIP LOCKED}); PostgresOutboxTests runs the same on PostgreSQL. */
@SpringBootTest(properties = {"triage.notifications.poll=1h",
        "spring.datasource.url=jdbc:h2:mem:outbox-claims;DB_CLOSE_DELAY=-1"})
class OutboxClaimTests {

    static GreenMail smtp;
    static final int port = freePort();

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> port);
    }

    @BeforeAll
    static void start() {
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterAll
    static void stop() {
        smtp.stop();
    }

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    OutboxWorker worker;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void concurrentWorkersSendEachRowOnce() throws Exception {
        OutboxClaims.concurrentWorkersSendEachOnce(jdbc, worker, smtp);
    }

    @Test
    void aRowAnotherTransactionHoldsIsSkippedNotWaitedFor() throws Exception {
        OutboxClaims.aRowHeldElsewhereIsSkipped(jdbc, worker, smtp, transactions);
    }
}
