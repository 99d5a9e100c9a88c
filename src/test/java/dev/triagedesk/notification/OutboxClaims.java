package dev.triagedesk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the outbox's claiming must do on every database: workers running at once (as several instances would)
 * send each row once, and a row another transaction holds is skipped, not waited for and not sent twice.
 */
public final class OutboxClaims {

    private OutboxClaims() {
    }

    /** Queues {@code count} due mails to one new address; returns the address. */
    public static String queue(JdbcTemplate jdbc, int count) {
        String to = "claims-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Timestamp due = Timestamp.from(Instant.now().minusSeconds(60));
        for (int i = 0; i < count; i++) {
            jdbc.update("INSERT INTO outbox_message (channel, event, recipient, subject, body_text, body_html,"
                    + " clear_when_sent, state, attempts, next_attempt_at, created_at) VALUES ('MAIL', 'test', ?, ?,"
                    + " 'text', '<p>html</p>', FALSE, 'PENDING', 0, ?, ?)", to, "claim " + i, due, due);
        }
        return to;
    }

    public static void concurrentWorkersSendEachOnce(JdbcTemplate jdbc, OutboxWorker worker, GreenMail smtp)
            throws Exception {
        String to = queue(jdbc, 3 * OutboxWorker.BATCH);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                runs.add(pool.submit((Callable<Integer>) () -> {
                    go.await();
                    return worker.sendDue(Instant.now());
                }));
            }
            go.countDown();
            int sent = 0;
            for (Future<Integer> run : runs) {
                sent += run.get(5, TimeUnit.MINUTES);
            }
            // another run (the after-commit wake, the poll) may have sent some: together, each once
            assertThat(received(smtp, to)).isEqualTo(3 * OutboxWorker.BATCH);
            assertThat(sent).isLessThanOrEqualTo(3 * OutboxWorker.BATCH);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message WHERE recipient = ? AND state = 'SENT'"
                    + " AND attempts = 1", Integer.class, to)).isEqualTo(3 * OutboxWorker.BATCH);
        } finally {
            pool.shutdownNow();
        }
    }

    public static void aRowHeldElsewhereIsSkipped(JdbcTemplate jdbc, OutboxWorker worker, GreenMail smtp,
                                                  PlatformTransactionManager transactions) throws Exception {
        String to = queue(jdbc, 2);
        long held = jdbc.queryForObject("SELECT MIN(id) FROM outbox_message WHERE recipient = ?", Long.class, to);
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService holder = Executors.newSingleThreadExecutor();
        try {
            Future<?> holding = holder.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(s -> {
                jdbc.queryForList("SELECT id FROM outbox_message WHERE id = ? FOR UPDATE", held);
                locked.countDown();
                try {
                    release.await(5, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            assertThat(locked.await(5, TimeUnit.MINUTES)).isTrue();
            worker.sendDue(Instant.now());
            assertThat(received(smtp, to)).isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT state FROM outbox_message WHERE id = ?", String.class, held))
                    .isEqualTo("PENDING");
            release.countDown();
            holding.get(5, TimeUnit.MINUTES);
            worker.sendDue(Instant.now());
            assertThat(received(smtp, to)).isEqualTo(2);
        } finally {
            release.countDown();
            holder.shutdownNow();
        }
    }

    private static long received(GreenMail smtp, String to) {
        return java.util.Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(to);
            } catch (Exception e) {
                return false;
            }
        }).count();
    }
}
