package dev.triagedesk.ticket;

/** What the status page showed when the reporter looked (step 2). */
public enum StatusPageAnswer {
    INCIDENT_THIS_COMPONENT("Incident for this component"),
    INCIDENT_OTHER_PRODUCT("Incident only for another product"),
    NO_INCIDENT("No incident"),
    NOT_CHECKED("Not checked");

    private final String label;

    StatusPageAnswer(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
