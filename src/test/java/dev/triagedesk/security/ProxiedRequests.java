package dev.triagedesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triagedesk.report.ReportService;
import dev.triagedesk.support.TicketFixtures;
import dev.triagedesk.ticket.Product;
import dev.triagedesk.ticket.TicketService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Requests through a real Tomcat (MockMvc never meets its remote-IP valve), sent from the loopback address with
 * the headers a reverse proxy adds. {@link TrustedProxyTests} names the loopback address as a proxy,
 * {@link UntrustedPeerTests} leaves the setting at its default.
 */
abstract class ProxiedRequests {

    static final String CLIENT = "203.0.113.7";

    @LocalServerPort
    int port;
    @Autowired
    SignInThrottle throttle;
    @Autowired
    TicketService tickets;
    @Autowired
    ReportService reports;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void forget() {
        throttle.forgetAll();
    }

    /** A failed HTTP Basic sign-in with a made-up name, as a proxy forwards it for {@link #CLIENT}. */
    int failedSignInForwardedFor(String client) throws Exception {
        String basic = Base64.getEncoder().encodeToString(("nobody-" + UUID.randomUUID() + ":wrong password")
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/tickets"))
                .header("Authorization", "Basic " + basic).header("X-Forwarded-For", client).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** The private link the reporter page shows, asked for through a proxy that says it was reached over HTTPS. */
    String privateLinkForwardedAs(String host) throws Exception {
        TicketService.Draft draft = tickets.startDraft();
        tickets.answer(draft.ticket().getId(), TicketFixtures.answers(Product.CHATGPT_WEB, "forwarded", null));
        reports.submit(draft.ticket().getId());
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/r/" + draft.token()))
                .header("X-Forwarded-For", CLIENT).header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", host).GET().build();
        HttpResponse<String> page = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        return Jsoup.parse(page.body()).selectFirst("#private-link").attr("value")
                .replace(draft.token(), "<token>");
    }
}
