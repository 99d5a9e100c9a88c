package dev.triagedesk.export;

import dev.triagedesk.ticket.TicketDetails;

/**
 * The ticket page rendered for print: the same template as the staff page, without forms, buttons, navigation or
 * what is internal to the help desk. The workspace provides it; the PDF export only turns it into a PDF.
 */
public interface PrintableTicket {

    /** HTML of the printed ticket page (not XML: {@link TicketPdf} parses it leniently). */
    String html(TicketDetails details);
}
