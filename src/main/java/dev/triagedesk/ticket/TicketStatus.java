package dev.triagedesk.ticket;

/** Where a submitted ticket is in the help desk's workflow. A draft has no status yet. */
public enum TicketStatus {
    NEW("New"),
    TRIAGING("Triaging"),
    WAITING_ON_REPORTER("Waiting on reporter"),
    ESCALATED("Escalated to vendor"),
    RESOLVED("Resolved"),
    CLOSED("Closed");

    private final String label;

    TicketStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
