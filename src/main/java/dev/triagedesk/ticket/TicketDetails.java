package dev.triagedesk.ticket;

import java.util.List;

/** A ticket with everything found in its evidence, as stored. */
public record TicketDetails(Ticket ticket, List<Evidence> evidence, List<FailingRequest> failures,
                            List<ConsoleFinding> consoleFindings, List<FindingSignal> signals,
                            List<RequestIdentifier> identifiers) {

    public List<Evidence> analyzed() {
        return evidence.stream().filter(Evidence::isAnalyzed).toList();
    }

    /** What the ticket's failure is judged by. */
    public TicketFailure failure() {
        return new TicketFailure(ticket, failures, signals);
    }

    public boolean has(EvidenceKind kind) {
        return evidence.stream().anyMatch(e -> e.isAnalyzed() && e.getKind() == kind);
    }
}
