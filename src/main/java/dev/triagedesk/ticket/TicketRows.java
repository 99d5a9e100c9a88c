package dev.triagedesk.ticket;

import java.util.List;

/**
 * The tables whose rows belong to one ticket or to one of its attachments, children first (foreign keys), so that
 * whatever removes a ticket (housekeeping of stale drafts, an erasure on request) removes all of it. A feature that
 * adds a table referencing tickets adds it here.
 */
public final class TicketRows {

    /** Tables with a {@code ticket_id} column, children first; the {@code ticket} row itself goes after them. */
    public static final List<String> OWNED_BY_TICKET = List.of("request_identifier", "console_finding",
            "finding_signal", "failing_request", "evidence", "ticket_word", "audit_event", "ticket_note",
            "idempotency_key", "ticket_message", "requested_item", "outbox_message", "incident_ticket");

    /** Tables with an {@code evidence_id} column: what one attachment's analysis found, children first. */
    public static final List<String> OWNED_BY_EVIDENCE = List.of("request_identifier", "console_finding",
            "finding_signal", "failing_request");

    private TicketRows() {
    }
}
