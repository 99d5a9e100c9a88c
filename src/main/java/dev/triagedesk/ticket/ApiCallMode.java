package dev.triagedesk.ticket;

import java.util.Locale;

/** How the failing API calls were made: support looks for a stream's error event or a Batch job's error file. */
public enum ApiCallMode {
    PLAIN("plain calls"),
    STREAMING("streaming"),
    BATCH("Batch");

    private final String label;

    ApiCallMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The value the JSON API and the exports use ({@code plain}, {@code streaming}, {@code batch}). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
