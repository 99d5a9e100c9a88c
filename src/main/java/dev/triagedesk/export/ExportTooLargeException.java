package dev.triagedesk.export;

/** The filtered queue holds more tickets than one CSV takes: the caller narrows the filters (a date range). */
public class ExportTooLargeException extends RuntimeException {

    private final long max;

    public ExportTooLargeException(long max) {
        super("the filtered queue holds more than " + max + " tickets");
        this.max = max;
    }

    public long max() {
        return max;
    }
}
