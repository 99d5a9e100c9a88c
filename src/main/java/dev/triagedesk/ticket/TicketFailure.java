package dev.triagedesk.ticket;

import java.util.List;

/**
 * A ticket with what its failure is judged by: its failing requests and signals. What groups it into an incident
 * needs no more, and a large capture's request IDs (thousands) and attachments are not read for it.
 */
public record TicketFailure(Ticket ticket, List<FailingRequest> failures, List<FindingSignal> signals) {
}
