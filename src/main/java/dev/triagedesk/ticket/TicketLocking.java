package dev.triagedesk.ticket;

/**
 * Published just before a submitted ticket's row is locked for a change that may reach beyond it (its verdict
 * concluded anew, its erasure), in that transaction: a feature that keeps rows about several tickets (an incident)
 * takes its own locks now, so every path locks in one order (the incident first, then the ticket) and none deadlocks
 * with a change that starts from the other side.
 */
public record TicketLocking(long ticketId) {
}
