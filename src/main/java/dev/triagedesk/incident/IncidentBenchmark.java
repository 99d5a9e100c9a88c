package dev.triagedesk.incident;

import dev.triagedesk.ticket.TicketDetails;
import dev.triagedesk.ticket.TicketService;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Incidents in {@code scripts/benchmark --queue}: once the queue's benchmark has seeded its tickets (application
 * runners run before the application is ready), adds 10,000 open incidents of other fingerprints and one incident of
 * 1,000 tickets, then times finding (or opening) a report's incident, as at submission (rolled back each time): once
 * opening a new incident, once joining the incident of 1,000 tickets (made its problem's for the purpose), and
 * reading an incident of 1,000 tickets as its page does (members, spread, request-ID sample; the page's rendering
 * is not counted). Median, 95th percentile and slowest of 100 runs after 200 warm-ups
 * ({@code triage.benchmark.incident-rounds} and {@code incident-warm-ups}); then the application exits. Not a test.
 * The warm-ups are many because the target is a running server's: after three, as the queue's figures take them,
 * the medians were two to three times as long, the time going to the JIT compiling Hibernate's and Spring's paths
 * (a profile of 1,500 runs showed the steady state's time spread over the handful of statements).
 */
@Component
@Profile("queue-benchmark")
class IncidentBenchmark {

    private static final int OTHER_INCIDENTS = 10_000;
    private static final int BIG_INCIDENT = 1_000;
    private static final String BIG_TITLE = "Benchmark incident of many tickets";

    private final JdbcTemplate jdbc;
    private final IncidentGrouping grouping;
    private final IncidentReader reader;
    private final TicketService tickets;
    private final TransactionTemplate transaction;
    private final ApplicationContext context;
    private final int rounds;
    private final int warmUps;

    IncidentBenchmark(JdbcTemplate jdbc, IncidentGrouping grouping, IncidentReader reader, TicketService tickets,
                      PlatformTransactionManager transactions, ApplicationContext context,
                      @Value("${triage.benchmark.incident-rounds:100}") int rounds,
                      @Value("${triage.benchmark.incident-warm-ups:200}") int warmUps) {
        this.context = context;
        this.rounds = rounds;
        this.warmUps = warmUps;
        this.jdbc = jdbc;
        this.grouping = grouping;
        this.reader = reader;
        this.tickets = tickets;
        this.transaction = new TransactionTemplate(transactions);
    }

    @EventListener(ApplicationReadyEvent.class)
    void run() {
        String big = seed();
        System.out.printf("incidents: %,d, tickets in incidents: %,d; median, 95th percentile and slowest of %d runs"
                + " after %d warm-ups:%n",
                jdbc.queryForObject("select count(*) from incident", Long.class),
                jdbc.queryForObject("select count(*) from incident_ticket", Long.class), rounds, warmUps);
        Long loose = jdbc.queryForObject("select min(t.id) from ticket t where t.submitted_at is not null and not"
                + " exists (select 1 from incident_ticket m where m.ticket_id = t.id)", Long.class);
        if (loose != null) {
            TicketDetails details = transaction.execute(s -> tickets.details(loose));
            // as at submission: the ticket's failure read in the transaction that groups it (TicketConcluded)
            Supplier<Long> assign = () -> transaction.execute(s -> {
                long members = grouping.group(tickets.failure(loose)).map(Incident::getTicketCount).orElse(0);
                s.setRollbackOnly();
                return members;
            });
            // the report's problem is new: it opens an incident (and announces it)
            jdbc.update("update incident set fingerprint = 'benchmark-big' where reference = ?", big);
            report("assign a report: opens an incident", assign);
            // the same report in a flood: the big incident becomes its problem's, open around its failure
            Instant failed = FailureTime.of(details);
            jdbc.update("update incident set fingerprint = ?, first_failure_at = ?, last_failure_at = ?, open_until = ?"
                    + " where reference = ?", Fingerprint.of(details).orElseThrow().hash(), Timestamp.from(failed),
                    Timestamp.from(failed), Timestamp.from(Instant.now().plusSeconds(30 * 24 * 3600L)), big);
            report("assign a report: joins the incident", assign);
        }
        report("read an incident of " + BIG_INCIDENT + " tickets", () -> (long) reader.overview(big).orElseThrow()
                .tickets().size());
        report("list incidents, first page", () -> reader.list(null, 0, 50).getTotalElements());
        // the last figures printed: a scheduler's thread would keep the process alive
        System.exit(SpringApplication.exit(context));
    }

    /** The incidents to measure against, made once with plain JDBC; returns the big incident's reference. */
    private String seed() {
        // by its title: a run leaves it with the fingerprint of the report that joined it
        String existing = jdbc.query("select reference from incident where title = '" + BIG_TITLE + "'",
                rs -> rs.next() ? rs.getString(1) : null);
        if (existing != null) {
            return existing;
        }
        Timestamp now = Timestamp.from(Instant.now());
        Timestamp open = Timestamp.from(Instant.now().plusSeconds(30 * 24 * 3600L));
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < OTHER_INCIDENTS; i++) {
            rows.add(new Object[]{String.format(Locale.ROOT, "%064x", i), "benchmark " + i, "Benchmark incident " + i,
                    now, now, open, now, now});
        }
        jdbc.batchUpdate("insert into incident (fingerprint, fingerprint_text, title, titled_by_staff, status,"
                + " ticket_count, first_failure_at, last_failure_at, open_until, created_at, updated_at)"
                + " values (?, ?, ?, false, 'NEW', 0, ?, ?, ?, ?, ?)", rows);
        jdbc.update("insert into incident (fingerprint, fingerprint_text, title, titled_by_staff, status, ticket_count,"
                + " first_failure_at, last_failure_at, open_until, created_at, updated_at) values ('benchmark-big',"
                + " 'benchmark big', '" + BIG_TITLE + "', false, 'NEW', ?, ?, ?, ?, ?, ?)",
                BIG_INCIDENT, now, now, open, now, now);
        Long id = jdbc.queryForObject("select id from incident where fingerprint = 'benchmark-big'", Long.class);
        String reference = String.format(Locale.ROOT, "IN-2026-%06d", id);
        jdbc.update("update incident set reference = ? where id = ?", reference, id);
        List<Long> members = jdbc.queryForList("select id from ticket where submitted_at is not null order by id desc",
                Long.class).stream().limit(BIG_INCIDENT).toList();
        List<Object[]> places = new ArrayList<>();
        for (Long ticket : members) {
            places.add(new Object[]{ticket, id, now, now});
        }
        jdbc.batchUpdate("insert into incident_ticket (ticket_id, incident_id, fingerprint, failure_at, by_hand,"
                + " joined_at) values (?, ?, 'benchmark-big', ?, false, ?)", places);
        return reference;
    }

    private void report(String name, Supplier<Long> query) {
        long found = 0;
        for (int i = 0; i < warmUps; i++) {
            found = query.get();
        }
        double[] ms = new double[rounds];
        for (int i = 0; i < ms.length; i++) {
            long t0 = System.nanoTime();
            query.get();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "  %-36s %6.1f ms median %6.1f ms p95 %6.1f ms slowest   (%,d found)%n", name,
                ms[ms.length / 2], ms[(int) Math.ceil(ms.length * 0.95) - 1], ms[ms.length - 1], found);
    }
}
