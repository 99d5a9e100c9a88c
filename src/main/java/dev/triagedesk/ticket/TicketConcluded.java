package dev.triagedesk.ticket;

/**
 * A submitted ticket's verdict and summary were stored: at submission and after every addition of evidence.
 * Published inside the transaction that stored them, so a listener's writes (the ticket's incident) commit or roll
 * back with it. Features that follow tickets listen to this instead of the ticket package calling them.
 */
public record TicketConcluded(long ticketId) {
}
