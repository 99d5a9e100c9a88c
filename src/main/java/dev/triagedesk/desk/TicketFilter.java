package dev.triagedesk.desk;

import dev.triagedesk.evidence.TriagePath;
import dev.triagedesk.ticket.Product;
import dev.triagedesk.ticket.TicketStatus;
import java.time.LocalDate;

/**
 * What the queue shows: every field is optional.
 *
 * @param q one search box: a reference, a request ID, a conversation URL or ID, the reporter's e-mail, or words
 *          of the description
 * @param assignee a staff member's id; {@code -1} for unassigned
 * @param from submitted on or after this day (UTC)
 * @param to submitted on or before this day (UTC)
 * @param hasEvidence only tickets with (true) or without (false) an analyzed attachment
 * @param sort {@code submitted}, {@code reference}, {@code status}, {@code verdict} or {@code product}, with
 *             {@code -} in front for descending
 */
public record TicketFilter(String q, TicketStatus status, TriagePath verdict, Product product, Long assignee,
                           LocalDate from, LocalDate to, Boolean hasEvidence, String sort) {

    public static TicketFilter none() {
        return new TicketFilter(null, null, null, null, null, null, null, null, null);
    }
}
