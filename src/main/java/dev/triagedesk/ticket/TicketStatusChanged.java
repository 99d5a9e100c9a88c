package dev.triagedesk.ticket;

/** A submitted ticket's status changed: published in the transaction that changes it, by whoever changes it. */
public record TicketStatusChanged(long ticketId, TicketStatus from, TicketStatus to, String actor) {
}
