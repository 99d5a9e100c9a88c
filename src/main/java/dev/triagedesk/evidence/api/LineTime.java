package dev.triagedesk.evidence.api;

import java.util.regex.Matcher;

/**
 * The time printed near the start of a line, parsed the first time it is asked for: only the attempts of calls that
 * fail, or whose waits are measured, need it, and most lines of a long log belong to calls that succeeded at once.
 */
final class LineTime {

    /** No time: events that stand for no line of their own. */
    static final LineTime NONE = new LineTime("");

    private final String line;
    private boolean parsed;
    private String time;
    private long millis = Long.MIN_VALUE;

    LineTime(String line) {
        this.line = line;
    }

    /** The time as printed, or {@code null}. */
    String time() {
        parse();
        return time;
    }

    /** Its milliseconds as a local time (differences only), or {@link Long#MIN_VALUE} when the line has none. */
    long millis() {
        parse();
        return millis;
    }

    private void parse() {
        if (parsed) {
            return;
        }
        parsed = true;
        Matcher m = ApiLines.time(line);
        if (m != null) {
            time = m.group();
            millis = ApiLines.millis(m);
        }
    }
}
