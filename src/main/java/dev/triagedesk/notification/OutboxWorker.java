package dev.triagedesk.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what the outbox holds. A batch of due rows is claimed with {@code SELECT ... FOR UPDATE SKIP LOCKED} and
 * each is sent and marked within that transaction, so another instance (or this one's next run) skips rows being
 * sent and never sends one twice; a crash before the mark rolls the claim back and the row is sent again later (the
 * only case of a repeat: sent, but not yet marked). A failure is counted and the row waits longer each time
 * ({@link NotificationProperties#delayAfter}), until it is marked failed. Logs name rows by id and event, never their
 * content or recipient.
 */
@Component
@EnableScheduling
public class OutboxWorker implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);
    static final int BATCH = 10;
    private static final String CLAIM = "SELECT id, event, recipient, subject, body_text, body_html, attempts, channel"
            + " FROM outbox_message WHERE state = 'PENDING' AND next_attempt_at <= ?"
            + " ORDER BY next_attempt_at, id FETCH FIRST " + BATCH + " ROWS ONLY FOR UPDATE SKIP LOCKED";

    private record Claimed(long id, String event, String recipient, String subject, String text, String html,
                           int attempts, OutboxMessage.Channel channel) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final ObjectProvider<JavaMailSender> mail;
    private final java.util.Map<OutboxMessage.Channel, OutboxChannelSender> channels = new java.util.EnumMap<>(
            OutboxMessage.Channel.class);
    private final NotificationProperties settings;
    private final Clock clock;
    /** One sender thread; wake-ups while it runs fold into one more run. */
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "outbox-sender");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean wakeQueued = new AtomicBoolean();

    OutboxWorker(JdbcTemplate jdbc, PlatformTransactionManager transactions, ObjectProvider<JavaMailSender> mail,
                 List<OutboxChannelSender> senders, NotificationProperties settings, Clock clock) {
        senders.forEach(s -> channels.put(s.channel(), s));
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.mail = mail;
        this.settings = settings;
        this.clock = clock;
    }

    /** After the commit that queued a message: send it now rather than at the next poll. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void queued(OutboxQueued queued) {
        if (wakeQueued.compareAndSet(false, true)) {
            sender.execute(() -> {
                wakeQueued.set(false);
                sendDueQuietly();
            });
        }
    }

    /** Retries and what other instances (or a crashed run) left: every poll interval. */
    @Scheduled(initialDelayString = "${triage.notifications.poll:PT30S}",
            fixedDelayString = "${triage.notifications.poll:PT30S}")
    void poll() {
        sendDueQuietly();
    }

    private void sendDueQuietly() {
        try {
            sendDue(clock.instant());
        } catch (RuntimeException e) {
            log.warn("The outbox could not be read: {}", e.toString());
        }
    }

    /** Sends every message due at {@code now}; returns how many were sent. Safe to call from several threads. */
    public int sendDue(Instant now) {
        JavaMailSender sender = mail.getIfAvailable();
        int sent = 0;
        while (true) {
            int[] batch = transaction.execute(s -> sendBatch(sender, now));
            sent += batch[1];
            if (batch[0] < BATCH) {
                return sent;
            }
        }
    }

    /** Claims up to a batch, sends and marks each; returns {claimed, sent}. */
    private int[] sendBatch(JavaMailSender sender, Instant now) {
        List<Claimed> rows = jdbc.query(CLAIM, (rs, i) -> new Claimed(rs.getLong(1), rs.getString(2),
                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getInt(7),
                OutboxMessage.Channel.valueOf(rs.getString(8))), Timestamp.from(now));
        int sent = 0;
        for (Claimed row : rows) {
            Integer status = null;
            try {
                if (row.channel() == OutboxMessage.Channel.MAIL) {
                    if (sender == null) {
                        throw new MessagingException("mail is off (no spring.mail.host)");
                    }
                    sender.send(message(sender, row));
                } else {
                    OutboxChannelSender channel = channels.get(row.channel());
                    if (channel == null) {
                        throw new MessagingException("no sender for " + row.channel());
                    }
                    status = channel.deliver(new OutboxChannelSender.Delivery(row.id(), row.event(), row.recipient(),
                            row.subject(), row.text()));
                }
                jdbc.update("UPDATE outbox_message SET state = 'SENT', sent_at = ?, attempts = attempts + 1,"
                        + " last_error = NULL, last_status = ?,"
                        + " body_text = CASE WHEN clear_when_sent THEN NULL ELSE body_text END,"
                        + " body_html = CASE WHEN clear_when_sent THEN NULL ELSE body_html END WHERE id = ?",
                        Timestamp.from(clock.instant()), code(status), row.id());
                sent++;
            } catch (MailException | MessagingException e) {
                failed(row, e, null, now);
            } catch (OutboxChannelSender.DeliveryFailedException e) {
                failed(row, e, e.status(), now);
            }
        }
        return new int[] {rows.size(), sent};
    }

    private void failed(Claimed row, Exception e, Integer status, Instant now) {
        int attempts = row.attempts() + 1;
        String error = e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage());
        error = error.length() > 500 ? error.substring(0, 500) : error;
        if (attempts >= settings.maxAttempts()) {
            jdbc.update("UPDATE outbox_message SET state = 'FAILED', attempts = ?, last_error = ?, last_status = ?"
                    + " WHERE id = ?", attempts, error, code(status), row.id());
            log.warn("Outbox message {} ({}) failed for good after {} attempts: {}", row.id(), row.event(), attempts,
                    e.getClass().getSimpleName());
        } else {
            Instant next = now.plus(settings.delayAfter(attempts));
            jdbc.update("UPDATE outbox_message SET attempts = ?, next_attempt_at = ?, last_error = ?, last_status = ?"
                    + " WHERE id = ?", attempts, Timestamp.from(next), error, code(status), row.id());
            log.info("Outbox message {} ({}) not sent (attempt {}), next attempt at {}: {}", row.id(), row.event(),
                    attempts, next, e.getClass().getSimpleName());
        }
    }

    private static SqlParameterValue code(Integer status) {
        return new SqlParameterValue(Types.INTEGER, status);
    }

    private MimeMessage message(JavaMailSender sender, Claimed row) throws MessagingException {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom(settings.from());
        helper.setTo(row.recipient());
        helper.setSubject(row.subject());
        helper.setText(row.text(), row.html());
        return message;
    }

    @Override
    public void destroy() {
        sender.shutdownNow();
    }
}
