package dev.triagedesk.evidence;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Evidence for a triage path. {@code entry} is the HAR entry index (for HARs), {@code line} the 1-based line
 * (for console logs); {@code detail} says what was seen, already redacted.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Signal(SignalType type, Integer entry, Integer line, String detail) {

    public static Signal atEntry(SignalType type, int entry, String detail) {
        return new Signal(type, entry, null, detail);
    }

    public static Signal atLine(SignalType type, int line, String detail) {
        return new Signal(type, null, line, detail);
    }
}
