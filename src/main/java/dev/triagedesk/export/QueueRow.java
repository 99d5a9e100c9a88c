package dev.triagedesk.export;

import dev.triagedesk.evidence.TriagePath;
import dev.triagedesk.ticket.Product;
import dev.triagedesk.ticket.TicketStatus;
import java.time.Instant;

/** One line of the queue as the CSV has it, read as columns rather than as a ticket. */
public record QueueRow(String reference, Instant submittedAt, TicketStatus status, Product product,
                       TriagePath verdict, String assignee, String reporterEmail, Integer seenStatus,
                       String seenMessage, Instant updatedAt) {
}
