package dev.triagedesk.persistence;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.triagedesk.notification.OutboxClaims;
import dev.triagedesk.notification.OutboxWorker;
import java.net.ServerSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The outbox's claiming on PostgreSQL, as several instances sharing one database do it: workers at once send each
 * row once, and a row another transaction holds is skipped. A schema of its own (see {@link PostgresTestDatabase}).
 */
@SpringBootTest(properties = {MainConfiguration.ADDITIONAL_LOCATION, "triage.notifications.poll=1h"})
@ActiveProfiles("postgres")
@DirtiesContext
class PostgresOutboxTests extends PostgresSchemaPerClass {

    private static final int PORT = freePort();
    private static GreenMail smtp;

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    OutboxWorker worker;
    @Autowired
    PlatformTransactionManager transactions;

    @BeforeAll
    static void mailServer() {
        if (PostgresTestDatabase.configured()) {
            smtp = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            smtp.start();
        }
    }

    @AfterAll
    static void stopMailServer() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> PORT);
    }

    @Test
    void concurrentWorkersSendEachRowOnce() throws Exception {
        OutboxClaims.concurrentWorkersSendEachOnce(jdbc, worker, smtp);
    }

    @Test
    void aRowAnotherTransactionHoldsIsSkippedNotWaitedFor() throws Exception {
        OutboxClaims.aRowHeldElsewhereIsSkipped(jdbc, worker, smtp, transactions);
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
