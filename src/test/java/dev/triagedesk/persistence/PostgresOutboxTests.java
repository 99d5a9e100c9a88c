package dev.triagedesk.persistence;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.triagedesk.notification.OutboxClaims;
import dev.triagedesk.notification.OutboxWorker;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.util.FileSystemUtils;

/**
 * The outbox's claiming on PostgreSQL, as several instances sharing one database do it: workers at once send each
 * row once, and a row another transaction holds is skipped. A schema of its own (see {@link PostgresTestDatabase}).
 */
@ExtendWith(PostgresTestDatabase.Required.class)
@SpringBootTest(properties = {MainConfiguration.ADDITIONAL_LOCATION, "triage.notifications.poll=1h"})
@ActiveProfiles("postgres")
@DirtiesContext
class PostgresOutboxTests {

    private static final int PORT = freePort();
    private static PostgresTestDatabase database;
    private static Path dataDir;
    private static GreenMail smtp;

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    OutboxWorker worker;
    @Autowired
    PlatformTransactionManager transactions;

    @BeforeAll
    static void freshSchemaAndMailServer() throws Exception {
        if (PostgresTestDatabase.configured()) {
            database = PostgresTestDatabase.createSchema();
            dataDir = Files.createTempDirectory("triage-postgres-outbox");
            smtp = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            smtp.start();
        }
    }

    @AfterAll
    static void dropSchema() throws Exception {
        if (smtp != null) {
            smtp.stop();
        }
        if (database != null) {
            database.dropSchema();
        }
        if (dataDir != null) {
            FileSystemUtils.deleteRecursively(dataDir);
        }
    }

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("TRIAGE_DB_URL", () -> database.applicationUrl());
        registry.add("TRIAGE_DB_USER", () -> database.user);
        registry.add("TRIAGE_DB_PASSWORD", () -> database.password);
        registry.add("triage.data-dir", () -> dataDir.toString());
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
