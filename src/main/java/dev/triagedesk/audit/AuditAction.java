package dev.triagedesk.audit;

/** What happened to a ticket. */
public enum AuditAction {
    SUBMITTED("submitted"),
    EVIDENCE_ADDED("added evidence"),
    VIEWED("viewed"),
    STATUS_CHANGED("changed the status"),
    ASSIGNED("changed the assignee"),
    NOTE_ADDED("added a note"),
    EXPORTED("exported"),
    DOWNLOADED("downloaded an attachment");

    private final String label;

    AuditAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
