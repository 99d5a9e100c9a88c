package dev.triagedesk.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triagedesk.support.EdgeSettings;
import dev.triagedesk.support.TriageDeskTest;
import dev.triagedesk.ticket.Product;
import dev.triagedesk.ticket.TicketService;
import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Errors that happen outside the page controllers, on a real server: a request over the multipart size limit
 * (refused while Tomcat parses it; the 1 MB limit is {@link EdgeSettings}') and an address that names nothing.
 */
@TriageDeskTest
@EdgeSettings
class PageErrorsTests {

    @LocalServerPort
    int port;
    @Autowired
    TicketService tickets;

    @Test
    void anUploadOverTheRequestLimitSendsTheReporterBackToTheStepWithAMessage() throws Exception {
        String token = draftAtEvidence();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();

        HttpResponse<String> page = browser.send(upload(formAction(browser, "/report/" + token + "/evidence"),
                2 * 1024 * 1024), HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.uri().getPath()).isEqualTo("/report/" + token + "/evidence");
        assertThat(page.body()).contains("role=\"alert\"")
                .contains("The upload was larger than 1 MB for one request, so nothing was received.")
                .contains("<h1>Evidence</h1>");
    }

    @Test
    void theReporterPageGetsTheSameMessage() throws Exception {
        String token = draftAtEvidence();
        tickets.submit(tickets.byToken(token).orElseThrow().getId());
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();

        HttpResponse<String> page = browser.send(upload(formAction(browser, "/r/" + token), 2 * 1024 * 1024),
                HttpResponse.BodyHandlers.ofString());

        assertThat(page.uri().getPath()).isEqualTo("/r/" + token);
        assertThat(page.body()).contains("The upload was larger than 1 MB for one request");
    }

    @Test
    void theApiKeepsItsOwnAnswerForAnOversizedRequest() throws Exception {
        String token = draftAtEvidence();
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> answer = client.send(upload("/api/reports/" + token + "/evidence", 2 * 1024 * 1024),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.headers().firstValue("Location")).isEmpty();
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(answer.body()).contains("\"title\":\"Upload too large\"");
    }

    @Test
    void anUnknownAddressIsTheFriendlyNotFoundPage() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url("/no/such/page"))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("Page not found").contains("Go to the home page").doesNotContain("Exception")
                .contains("<link rel=\"icon\" href=\"/favicon.svg\"");
        // the icon itself is there for anyone, on the real server too
        HttpResponse<byte[]> icon = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url("/favicon.ico")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(icon.statusCode()).isEqualTo(200);
    }

    @Test
    void aFormSentWithoutItsSecurityCookieSaysToReloadAndSendAgain() throws Exception {
        String token = draftAtEvidence();
        // the page was opened, then the browser lost its cookies: the form's token no longer matches any
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url("/report/" + token + "/what"))
                .header("Accept", "text/html").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=stale&product=OTHER&seenMessage=x&nav=next")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("<h1>This form could not be sent</h1>").contains("reload the page and send it again")
                .doesNotContain("Something went wrong");
        assertThat(tickets.byToken(token).orElseThrow().getProduct()).isEqualTo(Product.CHATGPT_WEB);
    }

    private String draftAtEvidence() {
        TicketService.Draft draft = tickets.startDraft();
        tickets.update(draft.ticket().getId(), t -> {
            t.setProduct(Product.CHATGPT_WEB);
            t.setSeenMessage("Something went wrong");
            t.reachStep(3);
        });
        return draft.token();
    }

    /** The upload form's address as the page gives it to the browser (with its CSRF token). */
    private String formAction(HttpClient browser, String page) throws Exception {
        String html = browser.send(HttpRequest.newBuilder(url(page)).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("enctype=\"multipart/form-data\"[^>]*action=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("an upload form on " + page).isTrue();
        assertThat(m.group(1)).contains("_csrf=");
        return m.group(1).replace("&amp;", "&");
    }

    private HttpRequest upload(String path, int bytes) {
        String boundary = "----triage" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"nav\"\r\n\r\nstay\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"har\"; filename=\"big.har\"\r\n"
                + "Content-Type: application/json\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        body.writeBytes(head);
        byte[] filler = new byte[bytes];
        Arrays.fill(filler, (byte) ' ');
        body.writeBytes(filler);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(url(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
