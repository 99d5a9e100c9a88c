package dev.triagedesk.operations;

import dev.triagedesk.notification.OutboxMessage;
import dev.triagedesk.ticket.TicketStatus;
import dev.triagedesk.ticket.TicketSubmitted;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The help desk's own metrics:
 * <ul>
 * <li>{@code triage_reports_submitted_total}: reports that became tickets through this instance (form or API),
 * counted once their submission is committed;</li>
 * <li>{@code triage_queue_open}: tickets submitted and not yet resolved or closed, the queue staff work through;</li>
 * <li>{@code triage_outbox_pending}: messages (mail, webhooks) waiting to be sent, failed ones excluded.</li>
 * </ul>
 * The two gauges are counted in the database when scraped, so every instance reports the same shared figure
 * (aggregate them with {@code max}, not {@code sum}); each is one count over an indexed column.
 */
@Component
class DeskMetrics {

    private static final Logger log = LoggerFactory.getLogger(DeskMetrics.class);

    /** The workflow's statuses but RESOLVED and CLOSED (a draft has none), as the ticket table stores them. */
    static final String OPEN_TICKETS = "SELECT count(*) FROM ticket WHERE status IN ("
            + Arrays.stream(TicketStatus.values()).filter(s -> s != TicketStatus.RESOLVED && s != TicketStatus.CLOSED)
                    .map(s -> "'" + s.name() + "'").collect(Collectors.joining(", ")) + ")";
    static final String PENDING_MESSAGES = "SELECT count(*) FROM outbox_message WHERE state = '"
            + OutboxMessage.State.PENDING.name() + "'";

    private final JdbcTemplate jdbc;
    private final Counter submitted;

    DeskMetrics(MeterRegistry registry, JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.submitted = Counter.builder("triage.reports.submitted")
                .description("Reports that became tickets through this instance").register(registry);
        Gauge.builder("triage.queue.open", this, m -> m.count(OPEN_TICKETS))
                .description("Submitted tickets not yet resolved or closed (all instances)").register(registry);
        Gauge.builder("triage.outbox.pending", this, m -> m.count(PENDING_MESSAGES))
                .description("Messages waiting in the outbox to be sent (all instances)").register(registry);
    }

    @TransactionalEventListener
    void submitted(TicketSubmitted event) {
        submitted.increment();
    }

    /** NaN when the database does not answer: the scrape goes on, and the gap shows in the graph. */
    private double count(String sql) {
        try {
            Long n = jdbc.queryForObject(sql, Long.class);
            return n == null ? Double.NaN : n;
        } catch (DataAccessException e) {
            log.warn("Metric not counted: {}", e.getMessage());
            return Double.NaN;
        }
    }
}
