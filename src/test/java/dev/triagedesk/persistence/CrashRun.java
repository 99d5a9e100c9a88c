package dev.triagedesk.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A crash under load, as an operator would meet it: starts the packaged application ({@code java -jar}) on a data
 * folder of its own, has many submitters post reports with a HAR (and an {@code Idempotency-Key}) through
 * {@code POST /api/reports}, kills the process with SIGKILL in the middle of it, starts it again on the same data
 * folder (right after a 201) and checks that every report answered with a 201 is there with its evidence (rows and files), that the
 * requests cut off by the kill, sent again with their key, each make exactly one ticket, and what debris the crash
 * left before and after the start-up's housekeeping.
 *
 * <p>One file, needing nothing but the JDK and a JDBC driver (H2's or PostgreSQL's), so that
 * {@code scripts/crashtest} runs it with the source launcher at a larger scale; the {@code *CrashIT} tests run it
 * small.
 */
public final class CrashRun {

    /** What the run does. {@code database} is "h2" or "postgres"; for postgres, {@code pg*} name the schema. */
    public record Options(Path jar, Path dataDir, int submitters, Duration load, String database, String pgUrl,
                          String pgUser, String pgPassword, String pgSchema, List<String> appArguments,
                          int maxEntries) {
    }

    /** What the crash left: drafts in the database, evidence files no row names, temporary files. */
    public record Debris(int drafts, int unnamedEvidenceFiles, long unnamedEvidenceBytes, int temporaryFiles,
                         long temporaryBytes) {

        @Override
        public String toString() {
            return drafts + " drafts, " + unnamedEvidenceFiles + " evidence files no row names (" + mb(unnamedEvidenceBytes)
                    + "), " + temporaryFiles + " temporary files (" + mb(temporaryBytes) + ")";
        }
    }

    /** The figures of a run. */
    public record Result(int sent, int acknowledged, int cutOff, int lost, int evidenceMissing, int retried,
                         int retriedReplayed, int retryFailures, int replaysChecked, int replayMismatches,
                         int keysWithoutOneTicket, long ticketsInDatabase, long expectedTickets, Debris afterKill,
                         Debris afterRestart, double lastAckBeforeKillSeconds, List<String> problems) {

        public String report() {
            return String.join("\n",
                    "reports sent:                     " + sent,
                    "acknowledged (201) before kill:   " + acknowledged
                            + String.format(" (last one %.2f s before the kill)", lastAckBeforeKillSeconds),
                    "cut off by the kill (no answer):  " + cutOff,
                    "acknowledged but LOST:            " + lost,
                    "acknowledged, evidence missing:   " + evidenceMissing,
                    "cut off, sent again with its key: " + retried + " (" + retriedReplayed
                            + " had been stored before the kill, " + retryFailures + " failed)",
                    "acknowledged, sent again:         " + replaysChecked + " (" + replayMismatches
                            + " did not return the same ticket)",
                    "keys not giving exactly 1 ticket: " + keysWithoutOneTicket,
                    "tickets in the database:          " + ticketsInDatabase + " (expected " + expectedTickets + ")",
                    "debris after the kill:            " + afterKill,
                    "debris after the restart:         " + afterRestart,
                    problems.isEmpty() ? "other problems: none" : "other problems:\n  " + String.join("\n  ", problems));
        }
    }

    /** A request and what became of it. */
    private record Sent(String key, byte[] body, String boundary, int files, long startedNanos) {
    }

    private record Answered(Sent request, String reference, String reporterUrl, int evidence, long atNanos) {
    }

    /** Acknowledged reports the kill waits for, whatever the load's duration. */
    private static final int MIN_ACKNOWLEDGED = 5;
    private static final Pattern REFERENCE = Pattern.compile("\"reference\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern REPORTER_URL = Pattern.compile("\"reporterUrl\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern EVIDENCE_NAME = Pattern.compile("\"kind\"\\s*:");

    private final Options options;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final List<String> problems = new ArrayList<>();

    private CrashRun(Options options) {
        this.options = options;
    }

    public static Result run(Options options) throws Exception {
        return new CrashRun(options).run();
    }

    private Result run() throws Exception {
        Files.createDirectories(options.dataDir());
        int port = freePort();
        Process app = start(port, 1);
        ConcurrentLinkedQueue<Answered> acknowledged = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Sent> cutOff = new ConcurrentLinkedQueue<>();
        java.util.concurrent.ConcurrentHashMap<String, Integer> refused = new java.util.concurrent.ConcurrentHashMap<>();
        int[] sent = new int[1];
        java.util.concurrent.atomic.AtomicLong killAt = new java.util.concurrent.atomic.AtomicLong(Long.MAX_VALUE);
        List<Thread> submitters = new ArrayList<>();
        for (int i = 0; i < options.submitters(); i++) {
            Thread t = new Thread(() -> {
                while (killAt.get() == Long.MAX_VALUE) {
                    Sent request = newRequest();
                    synchronized (sent) {
                        sent[0]++;
                    }
                    try {
                        HttpResponse<String> response = post(port, request);
                        if (response.statusCode() == 201) {
                            acknowledged.add(answered(request, response));
                        } else {
                            refused.merge(response.statusCode() + " " + response.body(), 1, Integer::sum);
                        }
                    } catch (IOException e) {
                        if (request.startedNanos() < killAt.get()) {
                            cutOff.add(request); // sent before the kill, answer lost
                        }
                        return; // the process is gone
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "submitter-" + i);
            t.start();
            submitters.add(t);
        }
        Thread.sleep(options.load().toMillis());
        // on a slow machine the first answers may take longer than the load: the kill waits for a few of them
        long cap = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (acknowledged.size() < MIN_ACKNOWLEDGED && System.nanoTime() < cap) {
            Thread.sleep(100);
        }
        // the kill comes right after a 201: that report must be stored although it was answered a moment ago
        int seen = acknowledged.size();
        long next = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (acknowledged.size() == seen && System.nanoTime() < next) {
            Thread.sleep(1);
        }
        long killedAt = System.nanoTime();
        killAt.set(killedAt);
        app.destroyForcibly(); // SIGKILL on Linux and macOS
        app.waitFor(30, TimeUnit.SECONDS);
        for (Thread t : submitters) {
            t.join(TimeUnit.MINUTES.toMillis(2));
        }
        // a submitter may have been between two requests at the kill: what it had not sent is not cut off
        long lastAck = acknowledged.stream().mapToLong(Answered::atNanos).max().orElse(killedAt);

        refused.forEach((answer, times) -> problems.add("before the kill, " + times + " times: " + answer));
        Debris afterKill = debris();

        Process again = start(port, 2);
        int retried = 0;
        int replayed = 0;
        int retryFailures = 0;
        List<Answered> retriedAnswers = new ArrayList<>();
        for (Sent request : cutOff) {
            retried++;
            HttpResponse<String> response = post(port, request);
            if (response.statusCode() == 201) {
                retriedAnswers.add(answered(request, response));
                if (response.headers().firstValue("Idempotent-Replayed").isPresent()) {
                    replayed++;
                }
            } else {
                retryFailures++;
                problems.add("sent again after the restart: " + response.statusCode() + " " + response.body());
            }
        }
        int replaysChecked = 0;
        int replayMismatches = 0;
        for (Answered a : acknowledged.stream().limit(20).toList()) {
            replaysChecked++;
            HttpResponse<String> response = post(port, a.request());
            Answered b = response.statusCode() == 201 ? answered(a.request(), response) : null;
            if (b == null || !a.reference().equals(b.reference()) || !a.reporterUrl().equals(b.reporterUrl())
                    || response.headers().firstValue("Idempotent-Replayed").isEmpty()) {
                replayMismatches++;
                problems.add("an acknowledged report sent again gave " + response.statusCode() + " "
                        + (b == null ? response.body() : b.reference()) + " instead of " + a.reference());
            }
        }
        int lostOnPage = 0;
        for (Answered a : acknowledged) {
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(a.reporterUrl())).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (page.statusCode() != 200 || !page.body().contains(a.reference())) {
                lostOnPage++;
            }
        }
        stop(again);

        Map<String, Integer> lostAndMissing = checkStored(acknowledged);
        Debris afterRestart = debris();
        int keysWithoutOneTicket = 0;
        long tickets;
        try (Connection c = connect()) {
            tickets = count(c, "SELECT COUNT(*) FROM ticket WHERE submitted_at IS NOT NULL");
            Set<String> keys = new HashSet<>();
            acknowledged.forEach(a -> keys.add(a.request().key()));
            cutOff.forEach(s -> keys.add(s.key()));
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT COUNT(*) FROM idempotency_key WHERE key_hash = ? AND ticket_id IS NOT NULL")) {
                for (String key : keys) {
                    s.setString(1, lookup(key));
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                        if (rs.getLong(1) != 1) {
                            keysWithoutOneTicket++;
                        }
                    }
                }
            }
        }
        if (lostOnPage != lostAndMissing.get("lost")) {
            problems.add(lostOnPage + " acknowledged reports had no reporter page after the restart");
        }
        // each acknowledged report, and each cut-off one sent again (stored before the kill or made now), is one ticket
        long expected = acknowledged.size() + retriedAnswers.size();
        return new Result(sent[0], acknowledged.size(), cutOff.size(), lostAndMissing.get("lost"),
                lostAndMissing.get("missing"), retried, replayed, retryFailures, replaysChecked, replayMismatches,
                keysWithoutOneTicket, tickets, expected, afterKill, afterRestart,
                (killedAt - lastAck) / 1e9, List.copyOf(problems));
    }

    /** Acknowledged references missing from the database ("lost"), and those whose evidence is not all there. */
    private Map<String, Integer> checkStored(Iterable<Answered> acknowledged) throws SQLException {
        int lost = 0;
        int missing = 0;
        Path evidenceRoot = options.dataDir().resolve("evidence");
        try (Connection c = connect();
             PreparedStatement ticket = c.prepareStatement(
                     "SELECT id FROM ticket WHERE reference = ? AND submitted_at IS NOT NULL");
             PreparedStatement evidence = c.prepareStatement(
                     "SELECT status, stored_location, stored_size, analysis_location FROM evidence WHERE ticket_id = ?")) {
            for (Answered a : acknowledged) {
                ticket.setString(1, a.reference());
                Long id = null;
                try (ResultSet rs = ticket.executeQuery()) {
                    if (rs.next()) {
                        id = rs.getLong(1);
                    }
                }
                if (id == null) {
                    lost++;
                    continue;
                }
                evidence.setLong(1, id);
                int rows = 0;
                boolean whole = true;
                try (ResultSet rs = evidence.executeQuery()) {
                    while (rs.next()) {
                        rows++;
                        if ("ANALYZED".equals(rs.getString(1))) {
                            Path file = evidenceRoot.resolve(rs.getString(2));
                            whole &= Files.isRegularFile(file) && size(file) == rs.getLong(3);
                            String analysis = rs.getString(4);
                            whole &= analysis == null || Files.isRegularFile(evidenceRoot.resolve(analysis));
                        }
                    }
                }
                if (rows != a.evidence() || !whole) {
                    missing++;
                }
            }
        }
        return Map.of("lost", lost, "missing", missing);
    }

    private Debris debris() throws SQLException, IOException {
        Set<String> named = new HashSet<>();
        int drafts;
        try (Connection c = connect(); Statement s = c.createStatement()) {
            drafts = (int) count(c, "SELECT COUNT(*) FROM ticket WHERE submitted_at IS NULL");
            try (ResultSet rs = s.executeQuery("SELECT stored_location, analysis_location FROM evidence")) {
                while (rs.next()) {
                    named.add(rs.getString(1));
                    named.add(rs.getString(2));
                }
            }
        }
        Path evidence = options.dataDir().resolve("evidence");
        int unnamed = 0;
        long unnamedBytes = 0;
        for (Path file : files(evidence)) {
            if (!named.contains(evidence.relativize(file).toString().replace('\\', '/'))) {
                unnamed++;
                unnamedBytes += size(file);
            }
        }
        int temporary = 0;
        long temporaryBytes = 0;
        for (Path file : files(options.dataDir().resolve("tmp"))) {
            temporary++;
            temporaryBytes += size(file);
        }
        return new Debris(drafts, unnamed, unnamedBytes, temporary, temporaryBytes);
    }

    private Process start(int port, int run) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", options.jar().toString(), "--server.port=" + port,
                "--triage.data-dir=" + options.dataDir(), "--logging.level.root=WARN",
                "--logging.level.dev.triagedesk=INFO"));
        ProcessBuilder builder = new ProcessBuilder(command);
        if (options.database().equals("postgres")) {
            command.add("--spring.profiles.active=postgres");
            builder.environment().put("TRIAGE_DB_URL", options.pgUrl() + (options.pgUrl().contains("?") ? "&" : "?")
                    + "currentSchema=" + options.pgSchema());
            builder.environment().put("TRIAGE_DB_USER", options.pgUser());
            builder.environment().put("TRIAGE_DB_PASSWORD", options.pgPassword());
        }
        command.addAll(options.appArguments());
        builder.command(command);
        builder.environment().remove("TRIAGE_ADMIN_USERNAME");
        builder.environment().remove("TRIAGE_ADMIN_PASSWORD");
        Path log = options.dataDir().resolveSibling(options.dataDir().getFileName() + "-app-" + run + ".log");
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        Process p = builder.start();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(900);
        while (System.nanoTime() < until) {
            if (!p.isAlive()) {
                throw new IllegalStateException("the application stopped at start-up; see " + log);
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() < 500) {
                    return p;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        p.destroyForcibly();
        throw new IllegalStateException("the application did not answer within 900 s; see " + log);
    }

    private static void stop(Process p) throws InterruptedException {
        p.destroy();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private Connection connect() throws SQLException {
        if (options.database().equals("postgres")) {
            Connection c = DriverManager.getConnection(options.pgUrl(), options.pgUser(), options.pgPassword());
            try (Statement s = c.createStatement()) {
                s.execute("SET search_path TO " + options.pgSchema());
            }
            return c;
        }
        return DriverManager.getConnection("jdbc:h2:file:" + options.dataDir().resolve("db").resolve("triage")
                + ";IFEXISTS=TRUE", "sa", "");
    }

    private HttpResponse<String> post(int port, Sent request) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/reports"))
                .timeout(Duration.ofMinutes(5))
                .header("Content-Type", "multipart/form-data; boundary=" + request.boundary())
                .header("Idempotency-Key", request.key())
                .POST(HttpRequest.BodyPublishers.ofByteArray(request.body())).build(), HttpResponse.BodyHandlers.ofString());
    }

    private Answered answered(Sent request, HttpResponse<String> response) {
        Matcher reference = REFERENCE.matcher(response.body());
        Matcher url = REPORTER_URL.matcher(response.body());
        if (!reference.find() || !url.find()) {
            throw new IllegalStateException("a 201 without a reference: " + response.body());
        }
        int evidence = (int) EVIDENCE_NAME.matcher(response.body()).results().count();
        return new Answered(request, reference.group(1), url.group(1), evidence, System.nanoTime());
    }

    /** A report with a synthetic HAR (one failing request and a random number of others) and sometimes a console log. */
    private Sent newRequest() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String key = UUID.randomUUID().toString();
        String boundary = "crash" + UUID.randomUUID().toString().replace("-", "");
        String requestId = "req_" + UUID.randomUUID().toString().replace("-", "");
        StringBuilder har = new StringBuilder("{\"log\":{\"version\":\"1.2\",\"creator\":{\"name\":\"crashtest\","
                + "\"version\":\"1\"},\"entries\":[");
        int others = random.nextInt(options.maxEntries() + 1);
        for (int i = 0; i <= others; i++) {
            boolean failing = i == others;
            if (i > 0) {
                har.append(',');
            }
            har.append("{\"startedDateTime\":\"2026-01-07T13:23:").append(String.format("%02d", i % 60))
                    .append(".000Z\",\"time\":12,\"request\":{\"method\":\"POST\",\"url\":\"https://chatgpt.com/backend-api/")
                    .append(failing ? "conversation" : "ping/" + i)
                    .append("\",\"httpVersion\":\"HTTP/2\",\"headers\":[{\"name\":\"x-request-id\",\"value\":\"")
                    .append(failing ? requestId : "req_other_" + i)
                    .append("\"}],\"queryString\":[],\"cookies\":[],\"headersSize\":-1,\"bodySize\":0},")
                    .append("\"response\":{\"status\":").append(failing ? 500 : 200)
                    .append(",\"statusText\":\"\",\"httpVersion\":\"HTTP/2\",\"headers\":[],\"cookies\":[],")
                    .append("\"content\":{\"size\":0,\"mimeType\":\"application/json\",\"text\":\"")
                    .append(failing ? "{\\\"error\\\":{\\\"message\\\":\\\"Something went wrong\\\",\\\"type\\\":\\\"server_error\\\"}}"
                            : "x".repeat(800))
                    .append("\"},\"redirectURL\":\"\",\"headersSize\":-1,\"bodySize\":-1},\"cache\":{},")
                    .append("\"timings\":{\"send\":0,\"wait\":10,\"receive\":2}}");
        }
        har.append("]}}");
        String report = "{\"product\":\"CHATGPT_WEB\",\"seenMessage\":\"Something went wrong\",\"seenStatus\":500,"
                + "\"timeZone\":\"Europe/Berlin\",\"reporterEmail\":\"crash@example.com\","
                + "\"description\":\"crash test " + requestId + "\"}";
        StringBuilder body = new StringBuilder();
        part(body, boundary, "report", null, "application/json", report);
        part(body, boundary, "har", "capture.har", "application/json", har.toString());
        int files = 1;
        if (random.nextInt(3) == 0) {
            part(body, boundary, "console", "console.log", "text/plain",
                    "POST https://chatgpt.com/backend-api/conversation 500 (Internal Server Error)\n");
            files++;
        }
        body.append("--").append(boundary).append("--\r\n");
        return new Sent(key, body.toString().getBytes(StandardCharsets.UTF_8), boundary, files, System.nanoTime());
    }

    private static void part(StringBuilder body, String boundary, String name, String fileName, String type,
                             String content) {
        body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(name)
                .append('"');
        if (fileName != null) {
            body.append("; filename=\"").append(fileName).append('"');
        }
        body.append("\r\nContent-Type: ").append(type).append("\r\n\r\n").append(content).append("\r\n");
    }

    /** The idempotency key's lookup hash, as the application stores it. */
    private static String lookup(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(("lookup\0" + key).getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<Path> files(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String mb(long bytes) {
        return String.format("%.1f MB", bytes / 1048576.0);
    }

    /**
     * {@code java -cp <jdbc driver> CrashRun.java --jar target/triage-desk.jar --data <folder> [--submitters 50]
     * [--seconds 60] [--database h2|postgres] [--max-entries 2000] [-- application arguments...]}; for postgres the
     * environment gives TRIAGE_TEST_DB_URL, TRIAGE_TEST_DB_USER, TRIAGE_TEST_DB_PASSWORD and a schema is made and
     * dropped. Exits 1 when an acknowledged report was lost or incomplete.
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> named = new LinkedHashMap<>(Map.of("--submitters", "50", "--seconds", "60",
                "--database", "h2", "--max-entries", "2000"));
        List<String> appArguments = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--")) {
                appArguments.addAll(List.of(args).subList(i + 1, args.length));
                break;
            }
            named.put(args[i], args[++i]);
        }
        String database = named.get("--database");
        String schema = null;
        Map<String, String> env = new HashMap<>(System.getenv());
        if (database.equals("postgres")) {
            schema = "crash_" + System.currentTimeMillis();
            try (Connection c = DriverManager.getConnection(env.get("TRIAGE_TEST_DB_URL"), env.get("TRIAGE_TEST_DB_USER"),
                    env.get("TRIAGE_TEST_DB_PASSWORD")); Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA " + schema);
            }
        }
        Options options = new Options(Path.of(named.get("--jar")).toAbsolutePath(),
                Path.of(named.get("--data")).toAbsolutePath(), Integer.parseInt(named.get("--submitters")),
                Duration.ofSeconds(Long.parseLong(named.get("--seconds"))), database, env.get("TRIAGE_TEST_DB_URL"),
                env.get("TRIAGE_TEST_DB_USER"), env.get("TRIAGE_TEST_DB_PASSWORD"), schema, appArguments,
                Integer.parseInt(named.get("--max-entries")));
        Result result;
        try {
            result = run(options);
        } finally {
            if (schema != null) {
                try (Connection c = DriverManager.getConnection(env.get("TRIAGE_TEST_DB_URL"),
                        env.get("TRIAGE_TEST_DB_USER"), env.get("TRIAGE_TEST_DB_PASSWORD"));
                     Statement s = c.createStatement()) {
                    s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                }
            }
        }
        System.out.println(result.report());
        System.exit(result.lost() == 0 && result.evidenceMissing() == 0 ? 0 : 1);
    }
}
