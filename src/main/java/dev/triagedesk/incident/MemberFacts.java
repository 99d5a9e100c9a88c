package dev.triagedesk.incident;

import dev.triagedesk.evidence.TriagePath;
import dev.triagedesk.ticket.Product;
import dev.triagedesk.ticket.TicketStatus;
import dev.triagedesk.ticket.WebChecks;
import java.time.Instant;

/**
 * What the incident page counts of each of its tickets, read as plain columns in one query (not as a thousand
 * ticket entities): the spread, the chart and the list of every ticket come from these.
 */
record MemberFacts(Long ticketId, String reference, Instant failureAt, Instant submittedAt, TicketStatus status,
                   TriagePath verdictPath, Product product, String timeZone, String reporterEmail, WebChecks checks) {
}
