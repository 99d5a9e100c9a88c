package dev.triagedesk.evidence.api;

import java.util.regex.Pattern;

/**
 * Tells the lines of API client evidence that are the client's own from the rest of the file (an application's or a
 * browser's lines logged beside the SDK's), which the console reader reads. A client's line is one the API reader
 * read, one printed by the SDK's own loggers ({@code openai._base_client}, {@code httpx}, {@code httpcore},
 * openai-node's {@code [log_…]} and {@code OpenAI:DEBUG}), or part of a Python traceback; an indented line continues
 * the message above it and goes where that went. Blank lines, and a level word alone, say nothing to either reader.
 */
final class OwnLines {

    private static final Pattern LEVEL_ALONE = Pattern.compile(
            "(?i)\\s*(?:error|err|warning|warn|info|debug|critical|fatal|trace):?\\s*");

    private boolean lastOwn = true;
    private boolean inTraceback;

    /** Whether the line is the client's; {@code read} says whether the API reader found something in it. */
    boolean owns(ParsedLine line, boolean read) {
        String raw = line.raw;
        if (raw.isEmpty()) {
            return true;
        }
        char first = raw.charAt(0);
        if (first == ' ' || first == '\t') {
            if (raw.isBlank()) {
                return true;
            }
            return read || inTraceback || lastOwn;
        }
        if (raw.length() <= 10 && LEVEL_ALONE.matcher(raw).matches()) {
            return true; // "ERROR:" on a line of its own heads the next line: it says nothing to either reader
        }
        boolean own;
        if (line.holdsTraceback()) {
            inTraceback = true;
            own = true;
        } else if (inTraceback) {
            inTraceback = false;
            own = true; // the exception line that ends a traceback, whatever its class
        } else {
            own = read || sdkLogger(raw) || raw.startsWith("During handling of the above exception")
                    || raw.startsWith("The above exception was the direct cause");
        }
        lastOwn = own;
        return own;
    }

    private static final String TRACEBACK = "Traceback (most recent call last)";
    private static final int TRACEBACK_PAREN = TRACEBACK.indexOf('(');

    /**
     * {@code raw.contains(TRACEBACK)}, looked for only at the line's parentheses (found by the JDK's search for one
     * character): every line comes here, and most are long and hold none, where a search for the whole phrase
     * was one of the analyzer's thread's larger costs.
     */
    static boolean holdsTraceback(String raw) {
        for (int p = raw.indexOf('('); p >= 0; p = raw.indexOf('(', p + 1)) {
            if (raw.startsWith(TRACEBACK, p - TRACEBACK_PAREN)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sdkLogger(String raw) {
        return raw.contains("openai._") || raw.contains("httpx") || raw.contains("httpcore")
                || raw.contains("OpenAI:") || raw.contains("[log_");
    }
}
