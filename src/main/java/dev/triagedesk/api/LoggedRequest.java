package dev.triagedesk.api;

import dev.triagedesk.ticket.Ticket;
import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How an API request is named in the log. A reporter link's token is a credential (whoever has it adds evidence to
 * the report), so it never reaches the log: {@code /api/reports/<token>/evidence} is written as
 * {@code /api/reports/{token}/evidence (ticket TD-2026-000123)}, with the ticket the controller had found.
 */
final class LoggedRequest {

    private static final String TICKET = LoggedRequest.class.getName() + ".ticket";
    private static final Pattern TOKEN_PATH = Pattern.compile("(.*/api/reports/)[^/]+(/.*)?");

    private LoggedRequest() {
    }

    /** Remembers which ticket the request is about, for its log line should it fail. */
    static void about(HttpServletRequest request, Ticket ticket) {
        request.setAttribute(TICKET, ticket.getReference() != null ? ticket.getReference() : "draft #" + ticket.getId());
    }

    static String of(HttpServletRequest request) {
        String uri = request.getRequestURI();
        Matcher m = TOKEN_PATH.matcher(uri);
        Object ticket = request.getAttribute(TICKET);
        String about = ticket == null ? "" : " (ticket " + ticket + ")";
        if (!m.matches()) {
            return uri + about;
        }
        return m.group(1) + "{token}" + (m.group(2) == null ? "" : m.group(2))
                + (ticket == null ? " (no ticket found for the token yet)" : about);
    }
}
