package dev.triagedesk.desk;

import dev.triagedesk.incident.IncidentService;
import dev.triagedesk.ticket.TicketStatus;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The queue's bulk actions: one change (status, assignee, or adding to an incident) to the selected tickets, each
 * ticket changed as its own page would change it (its trail, its events), all in one transaction: a ticket that
 * cannot take the change leaves every ticket as it was.
 */
@Service
public class BulkActions {

    /** At most this many tickets at once: a page of the queue and then some. */
    public static final int MAX_TICKETS = 200;

    /** What to do; null (or {@code assign} false) leaves that part alone. */
    public record Bulk(TicketStatus status, boolean assign, Long assigneeId, String incident) {

        boolean isEmpty() {
            return status == null && !assign && (incident == null || incident.isBlank());
        }
    }

    private final DeskService desk;
    private final IncidentService incidents;

    BulkActions(DeskService desk, IncidentService incidents) {
        this.desk = desk;
        this.incidents = incidents;
    }

    /**
     * Applies the change to each ticket; returns how many were selected.
     *
     * @throws IllegalArgumentException nothing selected or nothing to do, too many tickets, an unknown ticket or
     *                                  staff member
     * @throws dev.triagedesk.incident.IncidentException the incident cannot take them
     */
    @Transactional
    public int apply(List<String> references, Bulk bulk, String actor) {
        LinkedHashSet<String> selected = new LinkedHashSet<>();
        references.stream().filter(r -> r != null && !r.isBlank()).forEach(r -> selected.add(r.strip()));
        if (selected.isEmpty() || bulk.isEmpty()) {
            throw new IllegalArgumentException("nothing selected or nothing to do");
        }
        if (selected.size() > MAX_TICKETS) {
            throw new IllegalArgumentException("at most " + MAX_TICKETS + " tickets at once");
        }
        for (String reference : selected) {
            if (bulk.status() != null || bulk.assign()) {
                desk.change(reference, new WorkflowChange(bulk.status(), bulk.assign(), bulk.assigneeId(), null, null,
                        null), actor);
            }
            if (bulk.incident() != null && !bulk.incident().isBlank()) {
                incidents.add(bulk.incident(), reference, actor);
            }
        }
        return selected.size();
    }
}
