package dev.triagedesk.ticket;

/** The outcome of one isolation step of the checklist. */
public enum CheckResult {
    WORKS("works"),
    STILL_FAILS("still fails"),
    NOT_TRIED("not tried");

    private final String label;

    CheckResult(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean tried() {
        return this != NOT_TRIED;
    }
}
