package dev.triagedesk.evidence.api;

import dev.triagedesk.evidence.ErrorDetail;
import dev.triagedesk.evidence.RequestId;
import dev.triagedesk.evidence.triage.RequestIds;
import java.util.ArrayList;
import java.util.List;

/**
 * The indented lines printed after an exception line: Node's property dump ({@code status: 429,},
 * {@code requestID: 'req_…',}, {@code error: { message: …, code: … }}), an error body that continues the message
 * ({@code Code 500 : {}, then the JSON), and stack frames, which say nothing. What they state goes into the call the
 * exception belongs to.
 */
final class ExceptionDump {

    /** What a line was. */
    enum Line {
        /** Part of the dump (read or skipped). */
        PART,
        /** The dump's closing brace: the dump is over, the line is taken. */
        END,
        /** Not part of it: the dump is over, the line is for the caller. */
        OTHER
    }

    private ExceptionDump() {
    }

    static Line read(String raw, CallBuilder into) {
        if (raw.isEmpty() || !Character.isWhitespace(raw.charAt(0))) {
            return raw.startsWith("}") ? Line.END : Line.OTHER;
        }
        String[] kv = ErrorDicts.inspectLine(raw);
        if (kv != null) {
            into.error = ErrorDicts.merge(into.error, kv[0], kv[1]);
            return Line.PART;
        }
        String t = raw.strip();
        if (t.startsWith("request_id: ") || t.startsWith("requestID: ")) {
            into.requestId("x-request-id", t.substring(t.indexOf(':') + 1).replaceAll("[\\s',\"]", ""));
            return Line.PART;
        }
        if (t.startsWith("status: ") && (into.status == null || !into.responded)) {
            Integer s = ApiLines.messageStatus("status " + t.substring(8).replace(",", ""));
            if (s != null) {
                into.respond(null, null, s, null);
            }
            return Line.PART;
        }
        if (t.indexOf('"') >= 0 || t.indexOf('\'') >= 0) {
            // a JSON or repr error body printed after the exception line ("Code 500 : {", then the body)
            ErrorDetail d = ErrorDicts.parse(t);
            if (d != null) {
                into.error = ErrorDicts.merge(ErrorDicts.merge(ErrorDicts.merge(ErrorDicts.merge(into.error,
                        "message", d.message()), "type", d.type()), "code", d.code()), "param", d.param());
            }
            List<RequestId> ids = new ArrayList<>();
            RequestIds.fromText(t, ids);
            ids.forEach(id -> into.requestId(id.name(), id.value()));
        }
        return Line.PART; // a stack frame or another property: part of the exception, nothing to read
    }
}
