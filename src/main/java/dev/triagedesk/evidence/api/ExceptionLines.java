package dev.triagedesk.evidence.api;

import dev.triagedesk.evidence.ErrorDetail;
import java.util.regex.Matcher;

/**
 * Exception lines read alone ({@code openai.RateLimitError: Error code: 429 - {'error': {…}}}): the class, the
 * message, the status and the error it states. What a line says depends on the line only, and a failing client
 * prints the same line again and again (each retry's end, each traceback's last line), so the last few distinct
 * lines are remembered with what they said: their patterns (the exception, the status in the message, the error
 * dict) were most of what such a line cost the analyzer's thread.
 */
final class ExceptionLines {

    /** What an exception line states; {@code client} says whether the class is an API client's error. */
    record Read(String cls, String message, Integer status, ErrorDetail detail, boolean noResponse, boolean client) {
    }

    private static final int REMEMBERED = 4;
    /** A line that is no exception line, remembered as such (compared by identity). */
    private static final Read NONE = new Read(null, null, null, null, false, false);

    private final String[] lines = new String[REMEMBERED];
    private final Read[] reads = new Read[REMEMBERED];
    private int next;

    /** What the line states, or {@code null} when it is no exception line. */
    Read read(String raw) {
        for (int i = 0; i < REMEMBERED; i++) {
            if (raw.equals(lines[i])) {
                Read r = reads[i];
                return r == NONE ? null : r;
            }
        }
        Read r = parse(raw);
        lines[next] = raw;
        reads[next] = r == null ? NONE : r;
        next = (next + 1) % REMEMBERED;
        return r;
    }

    /** {@link #read} without remembering: the reference its tests compare it with. */
    static Read parse(String raw) {
        Matcher m = ApiLines.EXCEPTION.matcher(raw);
        String cls;
        String message;
        if (m.find()) {
            cls = m.group(1);
            message = m.group(2);
        } else {
            int codeAt = raw.indexOf("Error code: ");
            if (codeAt < 0) {
                return null;
            }
            cls = "APIStatusError";
            message = raw.substring(codeAt);
        }
        if (!ApiLines.isClientError(cls)) {
            return new Read(cls, message, null, null, false, false);
        }
        Integer status = ApiLines.messageStatus(message);
        if (status == null) {
            status = ApiLines.classStatus(cls);
        }
        ErrorDetail detail = ErrorDicts.ofMessage(message, status);
        boolean noResponse = status == null && ApiLines.isNoResponse(cls, message);
        return new Read(cls, message, status, detail, noResponse, true);
    }
}
