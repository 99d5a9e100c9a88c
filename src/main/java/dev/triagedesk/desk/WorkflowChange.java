package dev.triagedesk.desk;

import dev.triagedesk.ticket.TicketStatus;

/**
 * A change of a ticket's workflow, and what it was based on, so that it is not applied over someone else's change
 * made in between (see {@link DeskService#change}).
 *
 * @param status the new status; null leaves it
 * @param assign whether the assignee changes, to {@code assigneeId} (null: nobody)
 * @param version the ticket's version the caller read (the staff API's {@code If-Match}); null: not checked
 * @param statusSeen the status the caller saw when deciding (the ticket page's form); null: not checked
 * @param assigneeSeen the assignee's user name the caller saw, {@code ""} for nobody; null: not checked
 */
public record WorkflowChange(TicketStatus status, boolean assign, Long assigneeId, Long version,
                             TicketStatus statusSeen, String assigneeSeen) {

    public static WorkflowChange status(TicketStatus status) {
        return new WorkflowChange(status, false, null, null, null, null);
    }

    public static WorkflowChange assignee(Long assigneeId) {
        return new WorkflowChange(null, true, assigneeId, null, null, null);
    }

    /** The same change, applied only if the status is still {@code seen}. */
    public WorkflowChange seenStatus(TicketStatus seen) {
        return new WorkflowChange(status, assign, assigneeId, version, seen, assigneeSeen);
    }

    /** The same change, applied only if the assignee is still the one called {@code seen} ({@code ""}: nobody). */
    public WorkflowChange seenAssignee(String seen) {
        return new WorkflowChange(status, assign, assigneeId, version, statusSeen, seen);
    }

    /** The same change, applied only if the ticket is still at {@code version}. */
    public WorkflowChange atVersion(Long version) {
        return new WorkflowChange(status, assign, assigneeId, version, statusSeen, assigneeSeen);
    }
}
