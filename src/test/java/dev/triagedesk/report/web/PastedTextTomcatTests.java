package dev.triagedesk.report.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triagedesk.evidence.Corpus;
import dev.triagedesk.support.TriageDeskTest;
import dev.triagedesk.ticket.Product;
import dev.triagedesk.ticket.TicketService;
import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * Pasted console output through a real Tomcat, whose cap on a request's text fields
 * ({@code server.tomcat.max-http-form-post-size}) MockMvc never meets. Small limits here: 100 KB may be pasted,
 * Tomcat takes 512 KB of text fields. A paste between the two reaches the form and is refused next to its field
 * with everything else kept; beyond Tomcat's cap the request is refused as a whole, and the page says it was the
 * text, not the files.
 */
@TriageDeskTest
@TestPropertySource(properties = {
        "triage.upload.max-pasted-text=100KB", "server.tomcat.max-http-form-post-size=512KB",
        "spring.datasource.url=jdbc:h2:mem:pasted-text-tomcat;DB_CLOSE_DELAY=-1",
        "triage.data-dir=target/test-data/pasted-text-tomcat"})
class PastedTextTomcatTests {

    static final String HAR = "user-masteralan360-asaas-chrome143-404-body.har";
    static final String URL = "https://chatgpt.com/c/6915a9bc-afa8-8327-9a1b-0123456789ab";
    private static final Pattern CSRF_COOKIE = Pattern.compile("XSRF-TOKEN=([^;]+)");

    @LocalServerPort
    int port;
    @Autowired
    TicketService tickets;

    private RestClient http() {
        // redirects are looked at, not followed
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .requestFactory(new org.springframework.http.client.JdkClientHttpRequestFactory(
                        java.net.http.HttpClient.newBuilder().followRedirects(java.net.http.HttpClient.Redirect.NEVER)
                                .build()))
                .build();
    }

    private String draftAtEvidence() {
        TicketService.Draft d = tickets.startDraft();
        tickets.update(d.ticket().getId(), t -> {
            t.setProduct(Product.CHATGPT_WEB);
            t.setSeenMessage("Something went wrong");
            t.reachStep(3);
        });
        return d.token();
    }

    /** The evidence step as a browser posts it: the page's form address (with its CSRF token) and cookie. */
    private ResponseEntity<String> postStep(String token, String consoleText) throws Exception {
        ResponseEntity<String> page = http().get().uri("/report/{t}/evidence", token).retrieve().toEntity(String.class);
        String action = Jsoup.parse(page.getBody()).selectFirst("form#step-form").attr("action");
        String cookie = page.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
                .map(CSRF_COOKIE::matcher).filter(Matcher::find).map(m -> "XSRF-TOKEN=" + m.group(1)).findFirst()
                .orElseThrow();
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("consoleText", consoleText);
        form.add("conversationUrl", URL);
        form.add("nav", "next");
        form.add("har", new HttpEntity<>(new ByteArrayResource(Files.readAllBytes(Corpus.har(HAR))) {
            @Override
            public String getFilename() {
                return "capture.har";
            }
        }, jsonPart()));
        return http().post().uri(action).header(HttpHeaders.COOKIE, cookie).contentType(MediaType.MULTIPART_FORM_DATA)
                .body(form).retrieve().onStatus(s -> true, (req, res) -> { }).toEntity(String.class);
    }

    private static HttpHeaders jsonPart() {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        return h;
    }

    private static String consoleOf(int bytes) {
        String line = "12:00:00.100 POST https://chatgpt.com/backend-api/conversation 500 (Internal Server Error)\n";
        return line.repeat(bytes / line.length() + 1);
    }

    @Test
    void aPasteOverTheLimitButUnderTomcatsCapIsRefusedNextToItsFieldAndTheRestIsKept() throws Exception {
        String token = draftAtEvidence();
        ResponseEntity<String> answer = postStep(token, consoleOf(300 * 1024));
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        Document page = Jsoup.parse(answer.getBody());
        assertThat(page.select("#consoleText-error").text())
                .contains("The pasted text is 0.3 MB, more than the 0.1 MB that can be pasted: save it as a file");
        assertThat(page.select("#conversationUrl").attr("value")).isEqualTo(URL);
        assertThat(page.text()).contains("Attachments taken: 1 analyzed");
        var details = tickets.details(tickets.byToken(token).orElseThrow().getId());
        assertThat(details.evidence()).extracting(e -> e.getFileName()).containsExactly("capture.har");
        assertThat(details.ticket().getConversationUrl()).isEqualTo(URL);
    }

    @Test
    void aPasteUnderTheLimitIsTaken() throws Exception {
        String token = draftAtEvidence();
        ResponseEntity<String> answer = postStep(token, consoleOf(90 * 1024));
        assertThat(answer.getStatusCode().value()).isEqualTo(302);
        assertThat(tickets.details(tickets.byToken(token).orElseThrow().getId()).evidence())
                .extracting(e -> e.getFileName()).containsExactly("capture.har", "pasted console log");
    }

    @Test
    void aPasteBeyondTomcatsCapIsRefusedAsAWholeWithAMessageAboutTheText() throws Exception {
        String token = draftAtEvidence();
        ResponseEntity<String> answer = postStep(token, consoleOf(600 * 1024));
        assertThat(answer.getStatusCode().value()).isEqualTo(302);
        String back = answer.getHeaders().getLocation().getPath();
        assertThat(back).isEqualTo("/report/" + token + "/evidence");
        String session = answer.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
                .filter(c -> c.startsWith("JSESSIONID=")).map(c -> c.substring(0, c.indexOf(';'))).findFirst()
                .orElseThrow();
        String page = http().get().uri(back).header(HttpHeaders.COOKIE, session).retrieve().body(String.class);
        assertThat(Jsoup.parse(page).select("#upload-error").text())
                .isEqualTo("The text of the form was larger than 0.5 MB in all, so nothing was received: pasted"
                        + " console output can be up to 0.1 MB. Save a larger log as a file and attach it instead,"
                        + " then send the page again.");
        assertThat(tickets.details(tickets.byToken(token).orElseThrow().getId()).evidence()).isEmpty();
    }

    @Test
    void theApiAnswersAPasteOverTheLimitWith400AndBeyondTomcatsCapWith413() throws Exception {
        MultiValueMap<String, Object> report = new LinkedMultiValueMap<>();
        report.add("report", new HttpEntity<>("{\"product\": \"chatgpt_web\"}", jsonPart()));
        String reporterUrl = tools.jackson.databind.json.JsonMapper.builder().build().readTree(http().post()
                .uri("/api/reports").contentType(MediaType.MULTIPART_FORM_DATA).body(report).retrieve()
                .body(String.class)).path("reporterUrl").asString();
        String token = reporterUrl.substring(reporterUrl.lastIndexOf('/') + 1);
        ResponseEntity<String> over = postEvidence(token, consoleOf(300 * 1024));
        assertThat(over.getStatusCode().value()).isEqualTo(400);
        assertThat(over.getBody()).contains("\"field\":\"consoleText\"",
                "is 0.3 MB, more than the 0.1 MB that can be sent as text: send it as a console part (a file) instead");
        ResponseEntity<String> beyond = postEvidence(token, consoleOf(600 * 1024));
        assertThat(beyond.getStatusCode().value()).isEqualTo(413);
        assertThat(beyond.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(beyond.getBody()).contains("Text fields too large", "larger than 0.5 MB together",
                "send console output over 0.1 MB as a console part").doesNotContain("2 GB");
    }

    /**
     * Tomcat's own default refuses a request of more than 50 parts before the application sees it; a report may
     * hold 50 attachments, and what is beyond them is listed as not taken, with the reason.
     */
    @Test
    void aReportWithMoreFilesThanItTakesIsStoredWithTheRestListedAsNotTaken() throws Exception {
        MultiValueMap<String, Object> report = new LinkedMultiValueMap<>();
        report.add("report", new HttpEntity<>("{\"product\": \"chatgpt_web\"}", jsonPart()));
        for (int i = 1; i <= 55; i++) {
            String name = "console-" + i + ".log";
            report.add("console", new HttpEntity<>(new ByteArrayResource(consoleOf(200).getBytes()) {
                @Override
                public String getFilename() {
                    return name;
                }
            }, new HttpHeaders()));
        }
        ResponseEntity<String> answer = http().post().uri("/api/reports").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(report).retrieve().onStatus(s -> true, (req, res) -> { }).toEntity(String.class);
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(201);
        var evidence = tools.jackson.databind.json.JsonMapper.builder().build().readTree(answer.getBody()).path("evidence");
        assertThat(evidence.size()).isEqualTo(55);
        assertThat(evidence.get(49).path("status").asString()).isEqualTo("analyzed");
        assertThat(evidence.get(50).path("status").asString()).isEqualTo("rejected");
        assertThat(evidence.get(54).path("reason").asString()).contains("already holds 50 attachments");
    }

    @Test
    void aRequestOfMorePartsThanTomcatTakesIsToldSoInTheApi() {
        MultiValueMap<String, Object> report = new LinkedMultiValueMap<>();
        report.add("report", new HttpEntity<>("{\"product\": \"chatgpt_web\"}", jsonPart()));
        for (int i = 0; i < 205; i++) {
            report.add("note" + i, "x");
        }
        ResponseEntity<String> answer = http().post().uri("/api/reports").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(report).retrieve().onStatus(s -> true, (req, res) -> { }).toEntity(String.class);
        assertThat(answer.getStatusCode().value()).isEqualTo(413);
        assertThat(answer.getBody()).contains("Too many parts", "more than 200 parts", "/api/reports/{token}/evidence");
    }

    private ResponseEntity<String> postEvidence(String token, String consoleText) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("consoleText", consoleText);
        return http().post().uri("/api/reports/{t}/evidence", token).contentType(MediaType.MULTIPART_FORM_DATA)
                .body(form).retrieve().onStatus(s -> true, (req, res) -> { }).toEntity(String.class);
    }
}
