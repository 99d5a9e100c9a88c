package dev.triagedesk.report;

import dev.triagedesk.system.PageNotFoundException;
import dev.triagedesk.ticket.Ticket;
import dev.triagedesk.ticket.TicketService;
import java.net.URI;
import java.net.URISyntaxException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A report's private link: finds the report it names (an unknown link is a friendly 404, never a stack trace) and
 * writes it out in full. The full link is made from the service's public address ({@code triage.public-url},
 * {@code TRIAGE_PUBLIC_URL}) when one is set, so whatever a request says in its {@code Host} header never ends up
 * in a link handed to a reporter; only when it is unset does the link follow the request (whose host is the
 * forwarded one only from a trusted proxy).
 */
@Component
public class ReportLinks {

    private final TicketService tickets;
    private final String publicUrl;

    ReportLinks(TicketService tickets, @Value("${triage.public-url:}") String publicUrl) {
        this.tickets = tickets;
        this.publicUrl = publicBase(publicUrl);
    }

    /** The report a private link names; an unknown one is the friendly 404 page. */
    public Ticket ticket(String token) {
        return tickets.byToken(token).orElseThrow(() -> new PageNotFoundException("error.report.notFound"));
    }

    /** The reporter's private page, as a path of this service. */
    public static String reporterPage(String token) {
        return "/r/" + token;
    }

    /** The full private link of a report, for the reporter to keep; needs the current request only without a public URL. */
    public String reporterUrl(String token) {
        if (publicUrl != null) {
            return publicUrl + reporterPage(token);
        }
        return ServletUriComponentsBuilder.fromCurrentContextPath().path(reporterPage(token)).build().toUriString();
    }

    /** The configured public address without its trailing slash, or null when none is set; a bad one stops the start-up. */
    static String publicBase(String configured) {
        if (configured == null || configured.isBlank()) {
            return null;
        }
        String url = configured.trim();
        try {
            URI uri = new URI(url);
            if (!("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null
                    || uri.getRawUserInfo() != null) {
                throw new URISyntaxException(url, "not an http(s) address without query or fragment");
            }
        } catch (URISyntaxException e) {
            throw new IllegalStateException("triage.public-url (TRIAGE_PUBLIC_URL) must be the address the service is"
                    + " reached at, such as https://help.example.com or https://example.com/triage; \"" + url
                    + "\" is not", e);
        }
        return url.replaceAll("/+$", "");
    }
}
