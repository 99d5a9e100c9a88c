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
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two instances of the application (two contexts on free ports in this JVM) on one PostgreSQL schema and one
 * S3-compatible store (S3Proxy), requests alternating between them as a round-robin balancer sends them.
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

            // six wrong passwords, three on each: the account is held back on both, as with one instance
            for (int i = 0; i < 6; i++) {
                HttpResponse<String> wrong = get(i % 2 == 0 ? urlA : urlB, basic("not the password " + i));
                assertThat(wrong.statusCode()).isNotEqualTo(200);
            }
            assertThat(get(urlA, basic(PASSWORD)).statusCode()).as("throttled across instances").isNotEqualTo(200);
        } finally {
            instances.forEach(ConfigurableApplicationContext::close);
            database.dropSchema();
        }
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
        String har = """
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
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"report\"\r\n"
                + "Content-Type: application/json\r\n\r\n{\"product\":\"chatgpt_web\",\"seenStatus\":500}\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"har\"; filename=\"capture.har\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + har + "\r\n--" + boundary + "--\r\n";
        return http.send(HttpRequest.newBuilder(URI.create(base + "/api/reports"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

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
