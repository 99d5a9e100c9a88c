package dev.triagedesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triagedesk.evidence.HostileCorpus;
import dev.triagedesk.support.TriageDeskTest;
import dev.triagedesk.ticket.Evidence;
import dev.triagedesk.ticket.EvidenceStatus;
import dev.triagedesk.ticket.Product;
import dev.triagedesk.ticket.TicketService;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hostile corpus ({@link HostileCorpus}) through a real Tomcat, as an attacker or a broken browser would send
 * it: to {@code POST /api/reports}, to {@code POST /api/reports/{token}/evidence} and to the form's evidence step.
 * Each upload goes beside a good HAR. Whatever it is, the answer is never a 500, the report is kept with the good
 * HAR analyzed, and the hostile file is listed with its outcome; only a request that cannot be taken apart at all
 * (a part header beyond its cap) is refused as a whole, with a problem detail or a message on
 * the page saying why. Nothing of it leaves a stack trace in the log. Its own database: its reports carry the
 * conversation ID other tests look up expecting only their own tickets.
 */
@TriageDeskTest
@TestPropertySource(properties = {"spring.datasource.url=jdbc:h2:mem:hostile-input;DB_CLOSE_DELAY=-1",
        "triage.data-dir=target/test-data/hostile-input"})
@ExtendWith(OutputCaptureExtension.class)
class HostileInputTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern CSRF_COOKIE = Pattern.compile("XSRF-TOKEN=([^;]+)");
    private static final String URL = "https://chatgpt.com/c/6915a9bc-afa8-8327-9a1b-0123456789ab";
    /** Per channel: uploads tried, and handled cleanly. */
    private static final Map<String, int[]> COUNTS = new LinkedHashMap<>();

    private static List<HostileCorpus.Upload> corpus;

    @LocalServerPort
    int port;
    @Autowired
    TicketService tickets;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void corpus() throws IOException {
        corpus = HostileCorpus.all(Path.of("target", "hostile-corpus"));
    }

    @AfterAll
    static void counts() {
        COUNTS.forEach((channel, c) -> System.out.println("hostile corpus, " + channel + ": " + c[0] + " tried, "
                + c[1] + " handled cleanly"));
    }

    @Test
    void theApiTakesEveryReportAndListsEachHostileFileWithItsOutcome(CapturedOutput log) throws Exception {
        List<String> faults = new ArrayList<>();
        for (HostileCorpus.Upload u : corpus) {
            Multipart body = new Multipart().field("report", "{\"product\": \"chatgpt_web\", \"description\":"
                    + " \"hostile upload\"}").file("har", "good.har", HostileCorpus.goodHar().getBytes(StandardCharsets.UTF_8))
                    .file(u.part(), u.fileName(), u.file());
            HttpResponse<String> answer = post("/api/reports", body, null);
            String fault = u.refusedAsAWhole() ? refusedWithAProblem(answer) : apiTookAll(answer, 2);
            if (fault == null && !u.refusedAsAWhole()) {
                String reporterUrl = JSON.readTree(answer.body()).path("reporterUrl").asString();
                fault = reportKept(reporterUrl.substring(reporterUrl.lastIndexOf('/') + 1));
            }
            count("API, POST /api/reports", u, fault, faults);
        }
        assertThat(faults).isEmpty();
        assertThat(log.getOut() + log.getErr()).doesNotContain("\tat ");
    }

    @Test
    void theApiAddsEvidenceToAReportWhateverTheFile(CapturedOutput log) throws Exception {
        List<String> faults = new ArrayList<>();
        for (HostileCorpus.Upload u : corpus) {
            HttpResponse<String> created = post("/api/reports", new Multipart().field("report",
                    "{\"product\": \"chatgpt_web\"}"), null);
            String reporterUrl = JSON.readTree(created.body()).path("reporterUrl").asString();
            String token = reporterUrl.substring(reporterUrl.lastIndexOf('/') + 1);
            Multipart body = new Multipart().file("har", "good.har", HostileCorpus.goodHar().getBytes(StandardCharsets.UTF_8))
                    .file(u.part(), u.fileName(), u.file());
            HttpResponse<String> answer = post("/api/reports/" + token + "/evidence", body, null);
            String fault = u.refusedAsAWhole() ? refusedWithAProblem(answer) : apiTookAll(answer, 2);
            if (fault == null) {
                fault = reportKept(token);
            }
            count("API, POST /api/reports/{token}/evidence", u, fault, faults);
        }
        assertThat(faults).isEmpty();
        assertThat(log.getOut() + log.getErr()).doesNotContain("\tat ");
    }

    @Test
    void theFormsEvidenceStepTakesEveryFileOrSaysWhyNot(CapturedOutput log) throws Exception {
        List<String> faults = new ArrayList<>();
        for (HostileCorpus.Upload u : corpus) {
            EvidenceStep step = evidenceStep();
            Multipart body = new Multipart().field("conversationUrl", URL).field("nav", "stay")
                    .file("har", "good.har", HostileCorpus.goodHar().getBytes(StandardCharsets.UTF_8))
                    .file(u.part(), u.fileName(), u.file());
            HttpResponse<String> answer = post(step.action(), body, step.cookie());
            String fault = formAnswered(answer, step.draft().token(), u);
            count("form, step 4 (evidence)", u, fault, faults);
        }
        assertThat(faults).isEmpty();
        assertThat(log.getOut() + log.getErr()).doesNotContain("\tat ");
    }

    /**
     * Tomcat refuses a whole request whose part names a file with a NUL in it; that attachment alone is rejected,
     * saying why, and the good HAR beside it is kept, through the API, the evidence address and the form.
     */
    @Test
    void aNulInAFileNameRejectsThatAttachmentAlone() throws Exception {
        byte[] good = HostileCorpus.goodHar().getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> created = post("/api/reports", new Multipart().field("report",
                "{\"product\": \"chatgpt_web\"}").file("har", "good.har", good).file("har", "cap\u0000ture.har", good), null);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertNulNamedRejected(JSON.readTree(created.body()).path("evidence"));

        String reporterUrl = JSON.readTree(created.body()).path("reporterUrl").asString();
        String token = reporterUrl.substring(reporterUrl.lastIndexOf('/') + 1);
        HttpResponse<String> added = post("/api/reports/" + token + "/evidence", new Multipart()
                .file("har", "good.har", good).file("har", "cap\u0000ture.har", good), null);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
        assertNulNamedRejected(JSON.readTree(added.body()).path("evidence"));

        EvidenceStep step = evidenceStep();
        HttpResponse<String> answer = post(step.action(), new Multipart().field("conversationUrl", URL)
                .field("nav", "stay").file("har", "good.har", good).file("har", "cap\u0000ture.har", good), step.cookie());
        assertThat(answer.statusCode()).isEqualTo(302);
        List<Evidence> rows = tickets.details(step.draft().ticket().getId()).evidence();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).isAnalyzed()).isTrue();
        assertThat(rows.get(1).getStatus()).isEqualTo(EvidenceStatus.REJECTED);
        assertThat(rows.get(1).getFileName()).isEqualTo("cap_ture.har");
        assertThat(rows.get(1).getReason()).contains("control character");
        assertThat(tickets.byToken(step.draft().token()).orElseThrow().getConversationUrl()).isEqualTo(URL);
    }

    /** A draft at the form's evidence step, the address its form posts to and the CSRF cookie that goes with it. */
    private record EvidenceStep(TicketService.Draft draft, String action, String cookie) {
    }

    private EvidenceStep evidenceStep() throws Exception {
        TicketService.Draft d = tickets.startDraft();
        tickets.update(d.ticket().getId(), t -> {
            t.setProduct(Product.CHATGPT_WEB);
            t.setSeenMessage("Something went wrong");
            t.reachStep(3);
        });
        HttpResponse<String> page = get("/report/" + d.token() + "/evidence", null);
        String action = Jsoup.parse(page.body()).selectFirst("form#step-form").attr("action");
        Matcher csrf = CSRF_COOKIE.matcher(String.join(";", page.headers().allValues("set-cookie")));
        assertThat(csrf.find()).as("the CSRF cookie of the evidence page (HTTP %s, cookies %s)", page.statusCode(),
                page.headers().allValues("set-cookie")).isTrue();
        return new EvidenceStep(d, action, "XSRF-TOKEN=" + csrf.group(1));
    }

    private static void assertNulNamedRejected(JsonNode evidence) {
        assertThat(evidence).hasSize(2);
        assertThat(evidence.get(0).path("status").asString()).isEqualTo("analyzed");
        assertThat(evidence.get(1).path("status").asString()).isEqualTo("rejected");
        assertThat(evidence.get(1).path("name").asString()).isEqualTo("cap_ture.har");
        assertThat(evidence.get(1).path("reason").asString()).contains("control character");
    }

    @Test
    void aReportPartTheApiCannotReadIsA400InItsOwnWords() throws Exception {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("nested 600 deep", "{\"product\": \"chatgpt_web\", \"x\": " + "[".repeat(600) + "]".repeat(600) + "}");
        parts.put("a number of 5000 digits", "{\"product\": \"chatgpt_web\", \"description\": " + "9".repeat(5000) + "}");
        parts.put("an array", "[{\"product\": \"chatgpt_web\"}]");
        parts.put("a string", "\"chatgpt_web\"");
        parts.put("broken", "{\"product\": \"chatgpt_web\",");
        parts.put("a long unknown field", "{\"product\": \"chatgpt_web\", \"" + "f".repeat(5000) + "\": 1}");
        for (var part : parts.entrySet()) {
            HttpResponse<String> answer = post("/api/reports", new Multipart().field("report", part.getValue()), null);
            assertThat(answer.statusCode()).as(part.getKey()).isEqualTo(400);
            assertThat(answer.body()).as(part.getKey()).doesNotContain("`", "jackson", "Jackson", "JsonToken",
                    "dev.triagedesk", "StreamReadConstraints", "f".repeat(200));
            assertThat(JSON.readTree(answer.body()).path("errors").get(0).path("message").asString()).as(part.getKey())
                    .matches("(is not valid JSON|must be a JSON object of the report's fields|unknown field).*");
        }
        HttpResponse<String> deep = post("/api/reports", new Multipart().field("report", parts.get("nested 600 deep")), null);
        assertThat(JSON.readTree(deep.body()).path("errors").get(0).path("message").asString())
                .isEqualTo("is not valid JSON: it is nested more than 500 levels deep");
    }

    @Test
    void aLoneSurrogateOrANulInTheReportIsNotEchoedBack() throws Exception {
        HttpResponse<String> answer = post("/api/reports", new Multipart().field("report", "{\"product\": \"chatgpt_web\","
                + " \"description\": \"before \\ud800 between \\u0000 after \\udc00\"}"), null);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        String summary = JSON.readTree(answer.body()).path("summary").asString();
        assertThat(summary).contains("before \uFFFD between \uFFFD after \uFFFD");
        assertThat(summary.chars().anyMatch(c -> Character.isSurrogate((char) c) || c == 0)).isFalse();
        assertThat(answer.body()).doesNotContainIgnoringCase("\\ud800").doesNotContain("\\u0000");

        HttpResponse<String> wrong = post("/api/reports", new Multipart().field("report", "{\"product\": \"\\ud800x\"}"), null);
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).doesNotContainIgnoringCase("\\ud800").contains("\uFFFDx");
    }

    @Test
    void theErrorAddressAskedForDirectlyIsNotFound() throws Exception {
        HttpResponse<String> json = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/error"))
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(json.statusCode()).isEqualTo(404);
        assertThat(json.body()).doesNotContain("999");
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/error"))
                .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("Page not found").doesNotContain("999");
    }

    // ------------------------------------------------------------------ what a clean answer is

    /** Null when the API took the report and listed at least {@code rows} attachments, each with its outcome. */
    private static String apiTookAll(HttpResponse<String> answer, int rows) {
        if (answer.statusCode() != 201 && answer.statusCode() != 200) {
            return "answered " + answer.statusCode() + ": " + clip(answer.body());
        }
        JsonNode evidence = JSON.readTree(answer.body()).path("evidence");
        if (evidence.size() < rows) {
            return "listed " + evidence.size() + " attachments: " + clip(answer.body());
        }
        if (!evidence.get(0).path("status").asString().equals("analyzed")) {
            return "the good HAR was not analyzed: " + clip(answer.body());
        }
        for (JsonNode e : evidence) {
            String name = e.path("name").asString();
            if (name.isEmpty() || name.length() > 300 || name.chars().anyMatch(Character::isISOControl)) {
                return "an attachment is named \"" + clip(name) + "\"";
            }
            if (e.path("status").asString().equals("rejected") && e.path("reason").asString().isBlank()) {
                return "rejected without a reason: " + clip(e.toString());
            }
        }
        return null;
    }

    /** Null when the request was refused as a whole with a problem detail that says why (and no 500). */
    private static String refusedWithAProblem(HttpResponse<String> answer) {
        int s = answer.statusCode();
        String type = answer.headers().firstValue("content-type").orElse("");
        if (s < 400 || s >= 500 || !type.startsWith("application/problem+json")) {
            return "answered " + s + " " + type + ": " + clip(answer.body());
        }
        JsonNode p = JSON.readTree(answer.body());
        String detail = p.path("detail").asString();
        if (p.path("title").asString().isBlank() || detail.isBlank() || detail.contains("Exception")
                || detail.contains("jackson") || detail.contains("text fields")) {
            return "a problem detail that does not say what was wrong: " + clip(answer.body());
        }
        return null;
    }

    /** Null when the report still answers at its private link (its reference was not used up). */
    private String reportKept(String token) throws Exception {
        if (tickets.byToken(token).isEmpty()) {
            return "the report is gone";
        }
        HttpResponse<String> page = get("/r/" + token, null);
        return page.statusCode() == 200 ? null : "its page answers " + page.statusCode();
    }

    private String formAnswered(HttpResponse<String> answer, String token, HostileCorpus.Upload u) throws Exception {
        var ticket = tickets.byToken(token);
        if (ticket.isEmpty()) {
            return "the draft is gone";
        }
        List<Evidence> rows = tickets.details(ticket.get().getId()).evidence();
        String location = answer.headers().firstValue("location").orElse("");
        if (u.refusedAsAWhole()) {
            if (answer.statusCode() != 302 || !URI.create(location).getPath().equals("/report/" + token + "/evidence")) {
                return "answered " + answer.statusCode() + " " + location + ": " + clip(answer.body());
            }
            String session = answer.headers().allValues("set-cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                    .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElse(null);
            String message = Jsoup.parse(get(URI.create(location).getPath(), session).body()).select("#upload-error").text();
            return message.isBlank() || message.contains("text of the form")
                    ? "sent back without a message that says why: \"" + message + "\"" : null;
        }
        if (answer.statusCode() != 302 || !location.matches(".*/report/" + token + "/evidence#attachment-\\d+")) {
            return "answered " + answer.statusCode() + " " + location + ": " + clip(answer.body());
        }
        if (rows.size() < 2 || !rows.get(0).isAnalyzed()) {
            return "took " + rows.size() + " attachments";
        }
        if (!URL.equals(ticket.get().getConversationUrl())) {
            return "lost the conversation URL typed on the same page";
        }
        return null;
    }

    private static void count(String channel, HostileCorpus.Upload u, String fault, List<String> faults) {
        int[] c = COUNTS.computeIfAbsent(channel, k -> new int[2]);
        c[0]++;
        if (fault == null) {
            c[1]++;
        } else {
            faults.add(u.label() + ": " + fault);
        }
    }

    private static String clip(String s) {
        return s == null || s.length() < 400 ? s : s.substring(0, 399) + "…";
    }

    // ------------------------------------------------------------------ HTTP

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (cookie != null) {
            r.header("Cookie", cookie);
        }
        return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, Multipart body, String cookie) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "multipart/form-data; boundary=" + Multipart.BOUNDARY)
                .POST(body.publisher());
        if (cookie != null) {
            r.header("Cookie", cookie);
        }
        return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A multipart body written byte for byte, so a file name can hold what no HTTP client library would send (a
     * NUL, a control character) and a large file is streamed from disk.
     */
    static final class Multipart {
        static final String BOUNDARY = "----hostile-boundary-7MA4YWxkTrZu0gW";
        private final List<HttpRequest.BodyPublisher> parts = new ArrayList<>();

        Multipart field(String name, String value) {
            text("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
            return this;
        }

        Multipart file(String name, String fileName, byte[] bytes) {
            fileHeader(name, fileName);
            parts.add(HttpRequest.BodyPublishers.ofByteArray(bytes));
            text("\r\n");
            return this;
        }

        Multipart file(String name, String fileName, Path file) {
            fileHeader(name, fileName);
            try {
                parts.add(HttpRequest.BodyPublishers.ofFile(file));
            } catch (java.io.FileNotFoundException e) {
                throw new java.io.UncheckedIOException(e);
            }
            text("\r\n");
            return this;
        }

        private void fileHeader(String name, String fileName) {
            text("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        }

        private void text(String s) {
            parts.add(HttpRequest.BodyPublishers.ofByteArray(s.getBytes(StandardCharsets.UTF_8)));
        }

        HttpRequest.BodyPublisher publisher() {
            List<HttpRequest.BodyPublisher> all = new ArrayList<>(parts);
            all.add(HttpRequest.BodyPublishers.ofByteArray(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8)));
            return HttpRequest.BodyPublishers.concat(all.toArray(HttpRequest.BodyPublisher[]::new));
        }
    }
}
