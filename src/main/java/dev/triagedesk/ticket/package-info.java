/**
 * The ticket store: tickets with every answer of the guided form as a column, their evidence files (sanitized),
 * failing requests, console errors and request identifiers (indexed for lookup), and {@link
 * dev.triagedesk.ticket.TicketService}, the one place that creates, changes and submits them.
 */
package dev.triagedesk.ticket;
