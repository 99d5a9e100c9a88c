package dev.triagedesk.report.web;

import dev.triagedesk.system.web.PageNotFoundException;
import dev.triagedesk.ticket.Ticket;
import dev.triagedesk.ticket.TicketService;
import org.springframework.stereotype.Component;

/** Finds the report a private link names; an unknown link is a friendly 404, never a stack trace. */
@Component
class ReportLinks {

    private final TicketService tickets;

    ReportLinks(TicketService tickets) {
        this.tickets = tickets;
    }

    Ticket ticket(String token) {
        return tickets.byToken(token).orElseThrow(() -> new PageNotFoundException("error.report.notFound"));
    }

    static String reporterPage(String token) {
        return "/r/" + token;
    }
}
