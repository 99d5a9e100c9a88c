package dev.triagedesk.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triagedesk.TriageDeskApplication;
import dev.triagedesk.storage.EvidenceStorage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.gaul.s3proxy.AuthenticationType;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two instances of the application (two contexts on free ports in this JVM) on one PostgreSQL schema and one
 * S3-compatible store (S3Proxy), requests alternating between them as a round-robin balancer sends them: what one
 * stores, the other reads (tickets, evidence files, sessions with their pending answers and one-time messages), and
 * what one counts, the other counts on (the sign-in throttle, the first administrator, the setup page). One test
 * method, as starting the two instances is what takes the time.
 */
@ExtendWith(PostgresTestDatabase.Required.class)
class TwoInstancesTests {

    private static final String ADMIN = "dana";
    private static final String PASSWORD = "two instances, one desk";

    @RegisterExtension
    final S3ProxyExtension s3proxy = S3ProxyExtension.builder().withBlobStoreProvider("transient")
            .withCredentials(AuthenticationType.AWS_V2_OR_V4, "test-access", "test-secret").build();

    @TempDir
    Path dataDirs;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void whatOneInstanceStoresAndCountsTheOtherSees() throws Exception {
        PostgresTestDatabase database = PostgresTestDatabase.createSchema();
        List<ConfigurableApplicationContext> instances = new ArrayList<>();
        // Logback is one per JVM: two applications setting it up at the same moment race (one failed to start with
        // "Unknown format 'CONSOLE_LOG_STRUCTURED_FORMAT_IS_UNDEFINED'"), so both log through the test's as it is
        String loggingSystem = System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
        try {
            // started together on an empty database, both with the first administrator's variables
            CompletableFuture<ConfigurableApplicationContext> startA = CompletableFuture.supplyAsync(() -> start(database, "a"));
            CompletableFuture<ConfigurableApplicationContext> startB = CompletableFuture.supplyAsync(() -> start(database, "b"));
            ConfigurableApplicationContext a = startA.join();
            instances.add(a);
            ConfigurableApplicationContext b = startB.join();
            instances.add(b);
            String urlA = "http://127.0.0.1:" + a.getEnvironment().getProperty("local.server.port");
            String urlB = "http://127.0.0.1:" + b.getEnvironment().getProperty("local.server.port");
            assertThat(count(database, "SELECT count(*) FROM staff_user")).as("the first administrator, once").isEqualTo(1);

            // submitted through A
            HttpResponse<String> created = submit(urlA);
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            Matcher ref = Pattern.compile("\"reference\"\\s*:\\s*\"([^\"]+)\"").matcher(created.body());
            assertThat(ref.find()).isTrue();
            String reference = ref.group(1);

            // its sanitized HAR is in B's store and in B's ZIP export
            String location = storedLocation(database, reference);
            assertThat(b.getBean(EvidenceStorage.class).exists(location)).isTrue();
            HttpResponse<byte[]> zip = http.send(HttpRequest.newBuilder(URI.create(urlB + "/api/tickets/" + reference
                    + "/export/zip")).header("Authorization", basic(PASSWORD)).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(zip.statusCode()).isEqualTo(200);
            assertThat(zipMembers(zip.body())).anySatisfy(name -> assertThat(name).contains("/har/"));

            evidenceAddedThroughBIsInAsExport(urlA, urlB, a, reporterToken(created.body()), reference);
            staffSessionMadeOnAIsValidOnB(urlA, urlB);
            reportFormStartedOnAGoesOnOnB(urlA, urlB, database);
            // the first administrator exists: the setup page is closed on both
            Visitor visitor = new Visitor();
            assertThat(Visitor.location(visitor.get(urlA + "/setup"))).isEqualTo("/login");
            assertThat(Visitor.location(visitor.get(urlB + "/setup"))).isEqualTo("/login");

            // six wrong passwords, three on each: the account is held back on both, as with one instance
            for (int i = 0; i < 6; i++) {
                HttpResponse<String> wrong = get(i % 2 == 0 ? urlA : urlB, basic("not the password " + i));
                assertThat(wrong.statusCode()).isNotEqualTo(200);
            }
            assertThat(get(urlA, basic(PASSWORD)).statusCode()).as("throttled across instances").isNotEqualTo(200);
        } finally {
            instances.forEach(ConfigurableApplicationContext::close);
            database.dropSchema();
            if (loggingSystem == null) {
                System.clearProperty(LoggingSystem.SYSTEM_PROPERTY);
            } else {
                System.setProperty(LoggingSystem.SYSTEM_PROPERTY, loggingSystem);
            }
        }
    }

    /** A second HAR sent to B for the ticket A took: in the shared store, and in A's ZIP export beside the first. */
    private void evidenceAddedThroughBIsInAsExport(String urlA, String urlB, ConfigurableApplicationContext a,
                                                   String token, String reference) throws Exception {
        HttpResponse<String> added = new Visitor().postMultipart(urlB + "/api/reports/" + token + "/evidence", Map.of(),
                "har", "second-capture.har", HAR);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
        HttpResponse<byte[]> zip = http.send(HttpRequest.newBuilder(URI.create(urlA + "/api/tickets/" + reference
                + "/export/zip")).header("Authorization", basic(PASSWORD)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(zipMembers(zip.body())).filteredOn(name -> name.contains("/har/"))
                .anySatisfy(name -> assertThat(name).contains("second-capture"))
                .anySatisfy(name -> assertThat(name).contains("capture").doesNotContain("second"));
    }

    /** Signed in on A, the queue opens on B with the same cookie; signed out on B, A no longer knows the session. */
    private void staffSessionMadeOnAIsValidOnB(String urlA, String urlB) throws Exception {
        Visitor staff = new Visitor();
        HttpResponse<String> signedIn = staff.postForm(urlA + "/login", Map.of("_csrf", staff.csrf(urlA + "/login"),
                "username", ADMIN, "password", PASSWORD));
        assertThat(Visitor.location(signedIn)).isEqualTo("/desk");
        HttpResponse<String> queue = staff.get(urlB + "/desk");
        assertThat(queue.statusCode()).as("the queue on B, signed in on A").isEqualTo(200);
        assertThat(queue.body()).doesNotContain("name=\"password\"");
        HttpResponse<String> signedOut = staff.postForm(urlB + "/logout", Map.of("_csrf", staff.csrf(urlB + "/desk")));
        assertThat(Visitor.location(signedOut)).isEqualTo("/login");
        assertThat(Visitor.location(staff.get(urlA + "/desk"))).as("signed out on B, so on A too").isEqualTo("/login");
    }

    /**
     * A reporter whose requests go to A and B in turn: the one-time messages, the answers left invalid on a step
     * (kept in the session until the step is opened again, changed twice) and the upload's message all follow.
     */
    private void reportFormStartedOnAGoesOnOnB(String urlA, String urlB, PostgresTestDatabase database) throws Exception {
        Visitor reporter = new Visitor();
        String csrf = reporter.csrf(urlA + "/");
        String what = Visitor.location(reporter.postForm(urlA + "/report", Map.of("_csrf", csrf)));
        String token = what.split("/")[2];
        assertThat(reporter.get(urlB + what).body()).contains("Your report is started.");

        String status = Visitor.location(reporter.postForm(urlB + what, Map.of("_csrf", csrf, "nav", "next",
                "product", "OPENAI_API", "seenMessage", "429 Too Many Requests on every call")));
        assertThat(status).isEqualTo("/report/" + token + "/status");
        assertThat(reporter.get(urlA + status).body()).contains("Step 1 is saved.");
        String checks = Visitor.location(reporter.postForm(urlA + status, Map.of("_csrf", csrf, "nav", "next",
                "statusPage", "NO_INCIDENT")));
        assertThat(checks).isEqualTo("/report/" + token + "/checks");

        // Back with an answer that is not valid, twice: the second one is what the step shows, on either instance
        for (String[] typed : new String[][] {{urlB, "lots"}, {urlA, "nearly all of them"}}) {
            HttpResponse<String> back = reporter.postForm(typed[0] + checks, Map.of("_csrf", csrf, "nav", "back",
                    "model", "gpt-5", "failingPercent", typed[1]));
            assertThat(Visitor.location(back)).isEqualTo(status);
        }
        Element percent = Jsoup.parse(reporter.get(urlB + checks).body()).getElementById("failingPercent");
        assertThat(percent).isNotNull();
        assertThat(percent.attr("value")).isEqualTo("nearly all of them");
        assertThat(percent.attr("aria-invalid")).isEqualTo("true");

        String evidence = "/report/" + token + "/evidence";
        HttpResponse<String> uploaded = reporter.postMultipart(urlB + evidence + "?_csrf=" + csrf, Map.of("nav", "stay"),
                "har", "capture.har", HAR);
        assertThat(Visitor.location(uploaded)).isEqualTo(evidence);
        assertThat(reporter.get(urlA + evidence).body()).contains("Attachments taken: 1 analyzed");
        String review = Visitor.location(reporter.postMultipart(urlA + evidence + "?_csrf=" + csrf, Map.of("nav", "next"),
                null, null, null));
        assertThat(review).isEqualTo("/report/" + token + "/review");

        String reporterPage = Visitor.location(reporter.postForm(urlB + review,
                Map.of("_csrf", csrf, "nav", "submit")));
        assertThat(reporterPage).isEqualTo("/r/" + token);
        assertThat(reporter.get(urlB + reporterPage).body()).contains("Your report is sent. Its reference is TD-");
        assertThat(count(database, "SELECT count(*) FROM spring_session")).as("sessions in the database").isPositive();
        // what the reporter typed lies sealed in the table, not readable
        assertThat(count(database, "SELECT count(*) FROM spring_session_attributes")).isPositive();
        assertThat(count(database, "SELECT count(*) FROM spring_session_attributes"
                + " WHERE position(convert_to('nearly all', 'UTF8') in attribute_bytes) > 0")).isZero();
    }

    private static String reporterToken(String created) {
        Matcher url = Pattern.compile("\"reporterUrl\"\\s*:\\s*\"[^\"]*/r/([^\"/]+)\"").matcher(created);
        assertThat(url.find()).as(created).isTrue();
        return url.group(1);
    }

    private ConfigurableApplicationContext start(PostgresTestDatabase database, String name) {
        return new SpringApplicationBuilder(TriageDeskApplication.class).profiles("postgres").run(
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--spring.datasource.url=" + database.applicationUrl(),
                "--spring.datasource.username=" + database.user,
                "--spring.datasource.password=" + database.password,
                "--triage.data-dir=" + dataDirs.resolve(name),
                "--triage.cluster=true",
                "--triage.redaction-key=key-of-the-two-instances-test",
                "--triage.admin.username=" + ADMIN,
                "--triage.admin.password=" + PASSWORD,
                "--triage.storage.type=s3",
                "--triage.storage.s3.endpoint=" + s3proxy.getUri(),
                "--triage.storage.s3.bucket=evidence",
                "--triage.storage.s3.access-key=" + s3proxy.getAccessKey(),
                "--triage.storage.s3.secret-key=" + s3proxy.getSecretKey(),
                "--triage.storage.s3.create-bucket=true");
    }

    private HttpResponse<String> get(String base, String authorization) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + "/api/tickets")).header("Authorization", authorization)
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String password) {
        return "Basic " + Base64.getEncoder().encodeToString((ADMIN + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> submit(String base) throws IOException, InterruptedException {
        String boundary = "----two-instances-" + UUID.randomUUID();
        String har = HAR;
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"report\"\r\n"
                + "Content-Type: application/json\r\n\r\n{\"product\":\"chatgpt_web\",\"seenStatus\":500}\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"har\"; filename=\"capture.har\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + har + "\r\n--" + boundary + "--\r\n";
        return http.send(HttpRequest.newBuilder(URI.create(base + "/api/reports"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static final String HAR = """
                {"log":{"version":"1.2","creator":{"name":"test","version":"1"},"entries":[{
                "startedDateTime":"2026-12-06T10:00:00.000Z","time":12,
                "request":{"method":"POST","url":"https://chatgpt.com/backend-api/conversation","httpVersion":"HTTP/1.1",
                "headers":[{"name":"Authorization","value":"Bearer sk-proj-abcdefghijklmnopqrstuvwxyz0123456789"}],
                "queryString":[],"cookies":[],"headersSize":-1,"bodySize":0},
                "response":{"status":500,"statusText":"Internal Server Error","httpVersion":"HTTP/1.1",
                "headers":[{"name":"x-request-id","value":"req_0123456789abcdef"}],"cookies":[],
                "content":{"size":2,"mimeType":"application/json","text":"{}"},"redirectURL":"","headersSize":-1,
                "bodySize":2},"cache":{},"timings":{"send":1,"wait":10,"receive":1}}]}}
                """;

    private static String storedLocation(PostgresTestDatabase database, String reference) throws Exception {
        try (Connection c = java.sql.DriverManager.getConnection(database.applicationUrl(), database.user,
                database.password); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT e.stored_location FROM evidence e JOIN ticket t ON t.id = e.ticket_id"
                     + " WHERE t.reference = '" + reference.replace("'", "") + "' AND e.kind = 'HAR'")) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }

    private static long count(PostgresTestDatabase database, String sql) throws Exception {
        try (Connection c = java.sql.DriverManager.getConnection(database.applicationUrl(), database.user,
                database.password); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> zipMembers(byte[] zip) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                names.add(e.getName());
                in.transferTo(new ByteArrayOutputStream());
            }
        }
        return names;
    }
}
