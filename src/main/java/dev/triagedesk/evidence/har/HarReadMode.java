package dev.triagedesk.evidence.har;

/** How the HAR reader meets JSON that breaks off or goes wrong part-way. */
public enum HarReadMode {
    /** Broken JSON refuses the file, with its line and column. */
    STRICT,
    /**
     * Keeps the complete entries read before the break, and says where it broke: what a reporter's upload gets, since a
     * capture saved while the browser was still writing it is common.
     */
    LENIENT;

    /** {@link #LENIENT} when {@code lenient}, else {@link #STRICT}: for a command-line switch. */
    public static HarReadMode lenientIf(boolean lenient) {
        return lenient ? LENIENT : STRICT;
    }
}
