package dev.triagedesk.ticket;

/**
 * Published in an erasure's transaction before the rows of a ticket are deleted, so features that keep what they
 * derived from it (an incident's counts and failure times) bring it in line in the same transaction.
 */
public record TicketErasing(long ticketId) {
}
