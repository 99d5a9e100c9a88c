package dev.triagedesk.ticket;

/**
 * A report became a ticket: published in the transaction that submits it, so a listener that writes (a message to
 * send) commits or rolls back with the submission.
 *
 * @param reporterToken the token of the reporter's private link when the submitter knows it (the form, the API),
 *                      for the confirmation that hands the link over; null otherwise. Never stored by the ticket.
 */
public record TicketSubmitted(long ticketId, String reporterToken) {
}
