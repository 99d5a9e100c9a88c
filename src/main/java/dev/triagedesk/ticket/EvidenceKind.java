package dev.triagedesk.ticket;

/** What an attachment is. */
public enum EvidenceKind {
    HAR("HAR"),
    CONSOLE("Console log"),
    SCREENSHOT("Screenshot"),
    API_LOG("SDK log or transcript"),
    BATCH("Batch file");

    private final String label;

    EvidenceKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
