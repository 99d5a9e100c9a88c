package dev.triagedesk.incident;

/**
 * Grouping opened a new incident for {@code ticketId}, the report that started it. Published in the transaction
 * that stored the report's verdict, so what listeners queue (mail, webhooks) commits or rolls back with it.
 */
public record IncidentOpened(long incidentId, String reference, String title, long ticketId) {
}
