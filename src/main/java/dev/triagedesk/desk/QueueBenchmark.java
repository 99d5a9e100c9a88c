package dev.triagedesk.desk;

import dev.triagedesk.evidence.TriagePath;
import dev.triagedesk.ticket.Product;
import dev.triagedesk.ticket.TicketStatus;
import dev.triagedesk.ticket.TicketWords;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How the queue holds up with many tickets: {@code scripts/benchmark --queue} starts the application with the
 * {@code queue-benchmark} profile on a scratch data folder. It fills the database up to
 * {@code triage.benchmark.tickets} submitted tickets (100,000 by default; three request IDs each, half with an
 * attachment and the words of a failing request, indexed as the application indexes them), then times what the
 * queue page and the staff API do: the default page, each filter, each sort, a deep page, and the search box by
 * reference, request ID, e-mail, words and what agents paste (a ray without its suffix, header lines, an error
 * code, a host, a path). Each query runs 15 times after 3 warm-ups; the median and the slowest are printed. Not a
 * test: timings depend on the machine.
 */
@Component
@Profile("queue-benchmark")
class QueueBenchmark implements ApplicationRunner {

    private static final String[] WORDS = ("chat fails loading spinner error network timeout upload file image voice "
            + "login session cookie blank page model response stream stops halfway retry button conversation history "
            + "sidebar project export attachment rate limit quota billing key organization proxy firewall vpn hotspot "
            + "browser extension cache incognito mobile desktop windows mac linux android iphone safari chrome firefox "
            + "edge slow freeze crash message something went wrong unusual activity verify human captcha").split(" ");

    /** Failing requests of tickets with evidence: URL, status, error code. */
    private static final String[][] FAILURES = {
            {"https://chatgpt.com/backend-api/conversation", "403", "unusual_activity"},
            {"https://chatgpt.com/backend-api/sentinel/chat-requirements", "429", "rate_limit_exceeded"},
            {"https://api.openai.com/v1/chat/completions", "429", "insufficient_quota"},
            {"https://api.openai.com/v1/responses", "500", "server_error"},
            {"https://ab.chatgpt.com/v1/rgstr", "502", "bad_gateway"},
            {"https://db.supabase.co/rest/v1/rpc/list_profiles", "500", "42P17"}};

    private final JdbcTemplate jdbc;
    private final DeskService desk;
    private final int target;
    /** False: seed only, leaving the time to the incidents' figures ({@code scripts/benchmark --incidents}). */
    private final boolean measure;

    QueueBenchmark(JdbcTemplate jdbc, DeskService desk, @Value("${triage.benchmark.tickets:100000}") int target,
                   @Value("${triage.benchmark.queue:true}") boolean measure) {
        this.jdbc = jdbc;
        this.desk = desk;
        this.target = target;
        this.measure = measure;
    }

    @Override
    public void run(ApplicationArguments args) {
        Integer existing = jdbc.queryForObject("select count(*) from ticket where submitted_at is not null", Integer.class);
        int have = existing == null ? 0 : existing;
        if (have < target) {
            long t0 = System.nanoTime();
            seed(have, target - have);
            System.out.printf("seeded %,d tickets in %.1f s%n", target - have, (System.nanoTime() - t0) / 1e9);
        }
        if (!measure) {
            return;
        }
        System.out.printf("queue of %,d tickets, %,d request IDs; median and slowest of 15 runs:%n",
                jdbc.queryForObject("select count(*) from ticket", Long.class),
                jdbc.queryForObject("select count(*) from request_identifier", Long.class));
        Map<String, TicketFilter> cases = new LinkedHashMap<>();
        // the row nearest above the middle: ids come from a sequence in steps of 50 (V55), so there are gaps
        String someId = jdbc.queryForObject("select id_value from request_identifier where id = (select min(id) from"
                + " request_identifier where id >= (select (min(id) + max(id)) / 2 from request_identifier))",
                String.class);
        String someRef = jdbc.queryForObject("select reference from ticket where id = (select max(id) / 3 from ticket)",
                String.class);
        String someEmail = jdbc.queryForObject("select reporter_email from ticket where id = (select max(id) / 4"
                + " from ticket)", String.class);
        cases.put("newest first (default page)", filter(null, null, null, null, null, null, null, "-submitted"));
        cases.put("status = escalated", filter(null, TicketStatus.ESCALATED, null, null, null, null, null, null));
        cases.put("verdict = api-rate-limit", filter(null, null, TriagePath.API_RATE_LIMIT, null, null, null, null, null));
        cases.put("product = OpenAI API", filter(null, null, null, Product.OPENAI_API, null, null, null, null));
        cases.put("unassigned", filter(null, null, null, null, -1L, null, null, null));
        cases.put("has evidence", filter(null, null, null, null, null, null, true, null));
        cases.put("submitted in one week", filter(null, null, null, null, null, LocalDate.now(ZoneOffset.UTC).minusDays(7),
                null, null));
        cases.put("status + product + unassigned", filter(null, TicketStatus.NEW, null, Product.CHATGPT_WEB, -1L, null,
                null, null));
        cases.put("sort by status", filter(null, null, null, null, null, null, null, "status"));
        cases.put("sort by verdict, descending", filter(null, null, null, null, null, null, null, "-verdict"));
        cases.put("search: reference", filter(someRef, null, null, null, null, null, null, null));
        cases.put("search: request ID", filter(someId, null, null, null, null, null, null, null));
        cases.put("search: e-mail", filter(someEmail, null, null, null, null, null, null, null));
        String someRay = jdbc.queryForObject("select id_value from request_identifier where name = 'cf-ray' and id ="
                + " (select max(id) from request_identifier where name = 'cf-ray')", String.class);
        String someRequestId = jdbc.queryForObject("select id_value from request_identifier where name = 'x-request-id'"
                + " and id = (select min(id) from request_identifier where name = 'x-request-id')", String.class);
        cases.put("search: ray without colo suffix", filter(someRay.substring(0, 16), null, null, null, null, null,
                null, null));
        cases.put("search: pasted cf-ray line", filter("cf-ray: " + someRay, null, null, null, null, null, null, null));
        cases.put("search: pasted x-request-id line", filter("x-request-id: " + someRequestId, null, null, null, null,
                null, null, null));
        cases.put("search: error code", filter("42P17", null, null, null, null, null, null, null));
        cases.put("search: host", filter("api.openai.com", null, null, null, null, null, null, null));
        cases.put("search: path", filter("/v1/chat/completions", null, null, null, null, null, null, null));
        cases.put("search: two words", filter("spinner halfway", null, null, null, null, null, null, null));
        cases.put("search: two words, status = new", filter("spinner halfway", TicketStatus.NEW, null, null, null, null,
                null, null));
        cases.put("search: one word in a quarter", filter("spinner", null, null, null, null, null, null, null));
        cases.put("search: one word, sort by status", filter("spinner", null, null, null, null, null, null, "status"));
        for (Map.Entry<String, TicketFilter> c : cases.entrySet()) {
            report(c.getKey(), () -> desk.queue(c.getValue(), 0, 50).tickets().getTotalElements());
        }
        report("page 1,000 of the default sort", () -> (long) desk.queue(TicketFilter.none(), 1000, 50).tickets().getNumberOfElements());
    }

    private static TicketFilter filter(String q, TicketStatus status, TriagePath verdict, Product product, Long assignee,
                                       LocalDate from, Boolean hasEvidence, String sort) {
        return new TicketFilter(q, status, verdict, product, assignee, from, null, hasEvidence, sort);
    }

    private static void report(String name, Supplier<Long> query) {
        long found = 0;
        for (int i = 0; i < 3; i++) {
            found = query.get();
        }
        long[] ms = new long[15];
        for (int i = 0; i < ms.length; i++) {
            long t0 = System.nanoTime();
            query.get();
            ms[i] = (System.nanoTime() - t0) / 1_000_000;
        }
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "  %-36s %6d ms median %6d ms slowest   (%,d found)%n", name, ms[ms.length / 2],
                ms[ms.length - 1], found);
    }

    /** Inserts tickets in batches with plain JDBC: the JPA path would take minutes for a hundred thousand. */
    private void seed(int offset, int count) {
        SplittableRandom random = new SplittableRandom(42 + offset);
        List<Long> staff = jdbc.queryForList("select id from staff_user", Long.class);
        if (staff.isEmpty()) {
            for (int i = 0; i < 10; i++) {
                jdbc.update("insert into staff_user (username, display_name, password_hash, role, enabled, created_at,"
                        + " version) values (?, ?, '{noop}unusable', 'AGENT', true, ?, 0)", "agent" + i, "Agent " + i,
                        Timestamp.from(Instant.now()));
            }
            staff = jdbc.queryForList("select id from staff_user", Long.class);
        }
        Long maxId = jdbc.queryForObject("select max(id) from ticket", Long.class);
        long nextId = maxId == null ? 1 : maxId + 1;
        Instant now = Instant.now();
        TicketStatus[] statuses = TicketStatus.values();
        TriagePath[] paths = TriagePath.values();
        Product[] products = Product.values();
        int batch = 1000;
        for (int done = 0; done < count; done += batch) {
            List<Object[]> tickets = new ArrayList<>();
            List<Object[]> ids = new ArrayList<>();
            List<Object[]> evidence = new ArrayList<>();
            List<Object[]> words = new ArrayList<>();
            for (int i = 0; i < Math.min(batch, count - done); i++) {
                long id = nextId++;
                Instant submitted = now.minus(Duration.ofSeconds(random.nextLong(365L * 24 * 3600)));
                StringBuilder description = new StringBuilder();
                for (int w = 0; w < 12 + random.nextInt(30); w++) {
                    description.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
                }
                String email = "reporter" + id + "@example.com";
                Long assignee = random.nextInt(3) == 0 ? null : staff.get(random.nextInt(staff.size()));
                Product product = products[random.nextInt(products.length)];
                tickets.add(new Object[] {id, String.format("TD-%d-%06d", 2026, id), hex(random, 32),
                        Timestamp.from(submitted), Timestamp.from(submitted), Timestamp.from(submitted),
                        statuses[random.nextInt(statuses.length)].name(), product.name(), "Something went wrong",
                        500, "UTC", email, email, description.toString().trim(),
                        paths[random.nextInt(paths.length)].name(), "Support note for ticket " + id, assignee});
                int before = ids.size();
                ids.add(new Object[] {id, "x-request-id", "req_" + hex(random, 16)});
                ids.add(new Object[] {id, "cf-ray", hex(random, 8) + "-IST"});
                ids.add(new Object[] {id, "x-client-request-id", uuid(random)});
                // indexed as the application indexes a ticket: its text, its request IDs, its failing request
                TicketWords.Index index = new TicketWords.Index().text("Something went wrong", description.toString());
                for (Object[] r : ids.subList(before, ids.size())) {
                    index.identifier((String) r[2]);
                }
                if (random.nextBoolean()) {
                    evidence.add(new Object[] {id, Timestamp.from(submitted)});
                    String[] failure = FAILURES[random.nextInt(FAILURES.length)];
                    index.url(failure[0]).status(Integer.valueOf(failure[1])).code(failure[2]);
                }
                for (String w : index.words()) {
                    words.add(new Object[] {id, w});
                }
            }
            jdbc.batchUpdate("insert into ticket (id, reference, reporter_token_hash, created_at, updated_at, submitted_at,"
                    + " status, step_reached, product, seen_message, seen_status, time_zone, reporter_email,"
                    + " reporter_email_lookup, description, verdict_path, summary_text, assignee_id, version)"
                    + " values (?, ?, ?, ?, ?, ?, ?, 5, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)", tickets);
            List<Object[]> idRows = new ArrayList<>();
            for (Object[] r : ids) {
                idRows.add(new Object[] {r[0], r[1], r[2], ((String) r[2]).toLowerCase(Locale.ROOT)});
            }
            jdbc.batchUpdate("insert into request_identifier (ticket_id, name, id_value, lookup) values (?, ?, ?, ?)", idRows);
            jdbc.batchUpdate("insert into ticket_word (ticket_id, word) values (?, ?)", words);
            jdbc.batchUpdate("insert into evidence (ticket_id, kind, status, file_name, stored_size, received_size,"
                    + " added_at, added_after_submit, entry_count, failure_count, stream_error_count, signal_count,"
                    + " secrets_removed, already_sanitized, partial_input) values (?, 'HAR', 'ANALYZED', 'capture.har',"
                    + " 1000, 1000, ?, false, 10, 1, 0, 0, 0, false, false)", evidence);
        }
        // identity columns continue after the rows given explicit ids
        if (jdbc.getDataSource() != null) {
            try {
                jdbc.execute("alter table ticket alter column id restart with " + nextId);
            } catch (RuntimeException e) {
                jdbc.execute("select setval(pg_get_serial_sequence('ticket', 'id'), " + (nextId - 1) + ")");
            }
        }
    }

    private static String hex(SplittableRandom random, int bytes) {
        byte[] b = new byte[bytes];
        for (int i = 0; i < bytes; i++) {
            b[i] = (byte) random.nextInt(256);
        }
        return HexFormat.of().formatHex(b);
    }

    private static String uuid(SplittableRandom random) {
        String h = hex(random, 16);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20)
                + "-" + h.substring(20);
    }
}
