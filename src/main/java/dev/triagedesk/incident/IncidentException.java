package dev.triagedesk.incident;

/** A staff action on incidents that cannot be done, with what the API and the pages answer. */
public class IncidentException extends RuntimeException {

    public enum Kind {
        /** No such incident or ticket (404). */
        NOT_FOUND,
        /** The request itself is wrong: an empty title, merging an incident into itself (400). */
        INVALID,
        /** The incident's state forbids it: it was merged into another (409). */
        CONFLICT
    }

    private final Kind kind;

    public IncidentException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
