package dev.triagedesk.audit;

/**
 * What happened to a ticket: a change of it, or an access that changed nothing (see {@link AuditLog}); and the
 * changes of staff accounts, recorded with no ticket.
 */
public enum AuditAction {
    SUBMITTED("submitted", true),
    EVIDENCE_ADDED("added evidence", true),
    VIEWED("viewed", false),
    STATUS_CHANGED("changed the status", true),
    ASSIGNED("changed the assignee", true),
    NOTE_ADDED("added a note", true),
    EXPORTED("exported", false),
    DOWNLOADED("downloaded an attachment", false),
    ACCOUNT_ADDED("added a staff account", true),
    ACCOUNT_DISABLED("disabled a staff account", true),
    ACCOUNT_ENABLED("enabled a staff account", true),
    PASSWORD_RESET("set a new password", true),
    ROLE_CHANGED("changed a role", true),
    REPLIED("replied to the reporter", true),
    REPORTER_ANSWERED("answered", true),
    ASKED_REPORTER("asked the reporter for", true),
    EVIDENCE_FILES_DELETED("deleted evidence files", true),
    INCIDENT_JOINED("joined an incident", true),
    INCIDENT_LEFT("left an incident", true),
    JUDGED_AGAIN("judged the verdict again", true),
    ERASED("erased on request", true);

    private final String label;
    private final boolean change;

    AuditAction(String label, boolean change) {
        this.label = label;
        this.change = change;
    }

    public String label() {
        return label;
    }

    /** Whether it changes the ticket (and is recorded in the change's transaction), or only reads it. */
    public boolean isChange() {
        return change;
    }
}
