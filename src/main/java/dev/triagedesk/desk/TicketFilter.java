package dev.triagedesk.desk;

import dev.triagedesk.evidence.TriagePath;
import dev.triagedesk.ticket.Product;
import dev.triagedesk.ticket.TicketStatus;
import java.time.LocalDate;
import java.util.List;

/**
 * What the queue shows: every field is optional.
 *
 * @param q one search box: a reference, a request ID, a conversation URL or ID, the reporter's e-mail, or words
 *          of the description
 * @param assignee a staff member's id; {@code -1} for unassigned
 * @param from submitted on or after this day (UTC)
 * @param to submitted on or before this day (UTC)
 * @param hasEvidence only tickets with (true) or without (false) an analyzed attachment
 * @param sort one of {@link #SORTS}, with {@code -} in front for descending
 * @param reporterReplied only tickets with (true) or without (false) a reporter message no agent has opened yet
 */
public record TicketFilter(String q, TicketStatus status, TriagePath verdict, Product product, Long assignee,
                           LocalDate from, LocalDate to, Boolean hasEvidence, String sort, Boolean reporterReplied) {

    /** What the queue can be sorted by ({@code reply}: the oldest unread reporter message first). */
    public static final List<String> SORTS = List.of("submitted", "updated", "reference", "status", "verdict", "product",
            "reply");

    /** A filter that does not look at reporter messages. */
    public TicketFilter(String q, TicketStatus status, TriagePath verdict, Product product, Long assignee,
                        LocalDate from, LocalDate to, Boolean hasEvidence, String sort) {
        this(q, status, verdict, product, assignee, from, to, hasEvidence, sort, null);
    }

    /** Whether {@code sort} is none or one the queue knows (an unknown one would silently sort by submission). */
    public static boolean validSort(String sort) {
        return sort == null || sort.isBlank() || SORTS.contains(sort.trim().startsWith("-") ? sort.trim().substring(1) : sort.trim());
    }

    /** Whether only the search box narrows the queue: no status, verdict, product, assignee, dates or evidence. */
    boolean searchOnly() {
        return status == null && verdict == null && product == null && assignee == null && from == null && to == null
                && hasEvidence == null && reporterReplied == null;
    }

    public static TicketFilter none() {
        return new TicketFilter(null, null, null, null, null, null, null, null, null);
    }
}
