package dev.triagedesk.evidence.api;

import dev.triagedesk.evidence.ErrorDetail;
import dev.triagedesk.evidence.RequestId;
import dev.triagedesk.evidence.SignalType;
import dev.triagedesk.evidence.console.ConsoleAnalysis;
import dev.triagedesk.evidence.console.ConsoleAnalyzer;
import dev.triagedesk.evidence.redact.Redactor;
import dev.triagedesk.evidence.triage.RequestIds;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;

/**
 * The state of one {@link ApiLogAnalyzer} analysis: the call being read and what has been found so far. It takes the
 * lines in order ({@link #line}) and correlates them into calls; {@link #finish()} gives the result.
 */
final class ApiLogReading implements CurlCalls.Attempts {

    private final Redactor redactor;
    private final int maxCalls;

    private final ApiLogFormat format;
    private final List<RequestId> otherIds = new ArrayList<>();
    private final Map<String, CallBuilder> retrying = new LinkedHashMap<>();
    private final ApiFindings found;
    private final CallReports reports;
    private final CurlTranscript curl;
    private long attempts;
    private long failedAttempts;
    private int lineNo;
    /** The call being read, or the last one finished by the SDK (an exception after it joins it). */
    private CallBuilder current;
    /** The last exception that was not the client's own (httpx.ConnectError…): the cause of the next one. */
    private String cause;
    private int causeLine;
    /** Indented lines after a Node exception: its properties ({@code status: 429}, {@code code: '…'}). */
    private CallBuilder dumpOf;
    /** Exception lines read so far, the last few remembered (a failing client prints the same line again and again). */
    private final ExceptionLines exceptionLines = new ExceptionLines();
    /** Which lines are the client's own; the others go to {@link #others}. */
    private final OwnLines own = new OwnLines();
    /** A successful response's headers are read only if its call is reported ({@link CallBuilder#deferHeaders}). */
    private final boolean deferHeaders;
    /** The console reader of the lines that are not the client's own (an app's or a browser's). */
    private final ConsoleAnalyzer.LineFeed others;

    ApiLogReading(ApiLogFormat format, Redactor redactor, int maxCalls) {
        this(format, redactor, maxCalls, true);
    }

    /** With {@code deferHeaders} false every line's headers are read at once: the reference its tests compare with. */
    ApiLogReading(ApiLogFormat format, Redactor redactor, int maxCalls, boolean deferHeaders) {
        this.deferHeaders = deferHeaders;
        this.redactor = redactor;
        this.maxCalls = maxCalls;
        this.others = new ConsoleAnalyzer(redactor).feed();
        this.format = format;
        this.found = new ApiFindings(format);
        this.reports = new CallReports(redactor, maxCalls);
        this.curl = format == ApiLogFormat.CURL
                ? new CurlTranscript(new CurlCalls(this, reports, redactor)::event) : null;
    }

    /** Reads one line: as the client's own, or else (see {@link OwnLines}) with the console reader. */
    void line(ParsedLine line) {
        if (lineNo < Integer.MAX_VALUE) {
            lineNo++;
        }
        String raw = line.raw;
        boolean read = read(line);
        if (!own.owns(line, read)) {
            others.line(lineNo, raw);
        }
    }

    /** Whether the line said something to this reader. */
    private boolean read(ParsedLine line) {
        String raw = line.raw;
        if (!found.hasTimestamps() && ApiLines.time(raw) != null) {
            found.timestamp();
        }
        // parsed only if an attempt needs it: most lines are of calls that succeed at once
        LineTime at = new LineTime(raw);
        if (curl != null && curl.line(raw, lineNo, at)) {
            return true;
        }
        if (dumpOf != null) {
            ExceptionDump.Line l = ExceptionDump.read(raw, dumpOf);
            if (l != ExceptionDump.Line.PART) {
                dumpOf = null;
            }
            if (l != ExceptionDump.Line.OTHER) {
                return true;
            }
        }
        boolean read = false;
        int kind = line.kind();
        boolean options = kind == ParsedLine.OPTIONS;
        if (!options) {
            identifiers(raw);
        }
        if (options || kind == ParsedLine.SENDING) {
            request(line, options, at);
            read = true;
        } else if (kind == ParsedLine.RESPONSE) {
            read = pythonResponse(line, at);
        } else if (kind == ParsedLine.REQUEST_ID) {
            String id = line.requestIdValue();
            read = id != null;
            if (read && current != null) {
                current.requestId("x-request-id", id);
            }
        } else if (raw.contains("Retrying request")) {
            MatchResult m = ResponseLines.retry(raw);
            read = m != null;
            if (read && current != null) {
                current.retryAnnounced = true;
                current.announcedWait = announcedSeconds(m.group(2));
                if (current.endpoint == null && m.group(1) != null) {
                    current.endpoint = m.group(1);
                }
            }
        } else if (raw.contains("Encountered ") || raw.contains("Raising ")) {
            Matcher m = ApiLines.PY_NO_RESPONSE.matcher(raw);
            read = m.find();
            if (read && current != null && !current.responded && !current.finished) {
                boolean timeout = m.group(1) != null ? m.group(1).contains("timeout") : "timeout".equals(m.group(2));
                if (current.netError == null) {
                    current.netError = timeout ? "request timed out" : "connection error";
                }
            }
        } else if (raw.contains("[log_")) {
            read = node(raw, at);
        } else if (raw.contains("OpenAI:DEBUG:response")) {
            read = node4(raw, at);
        }
        // an SDK line above is no exception ("Internal Server Error" is its reason, a prompt may say anything)
        if (!read && (raw.contains("Error") || raw.contains("Exception") || raw.contains("\": "))) {
            read = exception(raw, at);
        }
        if (current != null && !current.finished) {
            if (deferHeaders && read && !line.headersRead()) {
                current.deferHeaders(line); // whether it holds any changes nothing here: the line was read
            } else {
                List<String> headers = line.headers();
                current.takeHeaders(headers);
                read |= !headers.isEmpty();
            }
        }
        return read;
    }

    /**
     * The wait a retry line announces, or {@code null} for digits and dots that make no number ("1.2.3", "."): the
     * wait is then measured from the lines' times, and the log is read on.
     */
    private static Double announcedSeconds(String digitsAndDots) {
        try {
            return Double.valueOf(digitsAndDots);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    // ---- openai-python ----

    private void request(ParsedLine line, boolean options, LineTime at) {
        CallBuilder c = openAttempt(at, true);
        if (options) {
            // only the method, URL and model: the messages beside them are the prompt
            String model = line.optionModel();
            if (model != null) {
                c.model = model;
            }
            String url = c.endpoint == null ? line.optionUrl() : null;
            if (url != null) {
                c.endpoint = url;
            }
            String method = c.method == null ? line.optionMethod() : null;
            if (method != null) {
                c.method = method;
            }
        } else {
            MatchResult m = line.sending();
            if (m != null) {
                c.method = "<custom>".equals(m.group(1)) ? c.method : m.group(1);
                if (m.group(2) != null) {
                    c.endpoint = m.group(2);
                }
            }
        }
    }

    private boolean pythonResponse(ParsedLine line, LineTime at) {
        MatchResult m = line.pyResponse();
        if (m != null) {
            boolean old = ResponseLines.longStanding(m);
            found.pythonForm(old);
            int status = Integer.parseInt(ResponseLines.pyStatus(m));
            CallBuilder c = attemptFor(status, "sdk", at);
            c.respond("<custom>".equals(m.group(1)) ? null : m.group(1), old ? m.group(2) : null, status,
                    old ? m.group(4) : null);
            return true;
        }
        m = line.httpx();
        if (m != null) {
            int status = Integer.parseInt(m.group(3));
            CallBuilder c = attemptFor(status, "httpx", at);
            c.respond(m.group(1), m.group(2), status, m.group(4));
            return true;
        }
        return false;
    }

    // ---- openai-node ----

    private boolean node(String raw, LineTime at) {
        Matcher m = ApiLines.NODE_RESPONSE.matcher(raw);
        if (m.find()) {
            CallBuilder c = nodeAttempt(m.group(1), m.group(2), at);
            int status = Integer.parseInt(m.group(7));
            c.respond(m.group(4), m.group(5), status, null);
            c.requestId("x-request-id", m.group(3));
            c.durationMs = Double.valueOf(m.group(8));
            nodeOutcome(c, m.group(9));
            return true;
        }
        m = ApiLines.NODE_CONNECTION.matcher(raw);
        if (m.find()) {
            CallBuilder c = nodeAttempt(m.group(1), m.group(2), at);
            c.netError = "connection " + m.group(3);
            nodeOutcome(c, m.group(4));
            return true;
        }
        return false;
    }

    private CallBuilder nodeAttempt(String logId, String retryOf, LineTime at) {
        CallBuilder c = retryOf == null ? null : retrying.remove(retryOf);
        if (c != null) {
            c.nextAttempt(at);
            return c;
        }
        c = new CallBuilder(lineNo, at);
        c.logId = logId;
        return c;
    }

    /** {@code retrying, 2 attempts remaining} keeps the call open; anything else ends it. */
    private void nodeOutcome(CallBuilder c, String outcome) {
        if (outcome != null && outcome.startsWith("retrying")) {
            c.retryAnnounced = true;
            retrying.put(c.logId, c);
            if (retrying.size() > ApiLogAnalyzer.MAX_OPEN_CALLS) {
                String eldest = retrying.keySet().iterator().next();
                finish(retrying.remove(eldest));
            }
            return;
        }
        c.closed = true;
        replaceCurrent(c);
    }

    private boolean node4(String raw, LineTime at) {
        Matcher m = ApiLines.NODE4_RESPONSE.matcher(raw);
        if (!m.find()) {
            return false;
        }
        int status = Integer.parseInt(m.group(2));
        CallBuilder c = attemptFor(status, "node", at);
        c.respond(null, m.group(3), status, null);
        if (m.group(1) != null && m.group(1).startsWith("retrying")) {
            c.retryAnnounced = true;
        }
        return true;
    }

    // ---- exceptions of any client ----

    /**
     * Reads an exception line; says whether it was a client's error, or the cause of the call being sent (an
     * exception of another class that ends no call is left to the console reader too).
     */
    private boolean exception(String raw, LineTime at) {
        Matcher go = raw.contains("\": ") ? ApiLines.GO_ERROR.matcher(raw) : null;
        if (go != null && go.find()) {
            int status = Integer.parseInt(go.group(3));
            ErrorDetail detail = go.group(5) == null ? null : ErrorDicts.parse(go.group(5));
            clientError(null, raw, status, detail, false, at).respond(go.group(1), go.group(2), status,
                    go.group(4));
            return true;
        }
        ExceptionLines.Read read = exceptionLines.read(raw);
        if (read == null) {
            return false;
        }
        String cls = read.cls();
        String message = read.message();
        if (!read.client()) {
            if (message == null || message.isBlank()) {
                return false;
            }
            String text = cls + ": " + message;
            flushCause();
            cause = text;
            causeLine = lineNo;
            boolean sending = current != null && !current.finished && !current.responded;
            if (sending && current.netError != null) {
                current.netError = text;
            }
            return sending;
        }
        Integer status = read.status();
        ErrorDetail detail = read.detail();
        boolean noResponse = read.noResponse();
        CallBuilder c = clientError(cls, message, status, detail, noResponse, at);
        if (c != null && noResponse) {
            String simple = cls.substring(cls.lastIndexOf('.') + 1);
            c.netError = simple + (message == null || message.isBlank() ? "" : ": " + message)
                    + (cause == null ? "" : " (" + cause + ")");
        }
        dumpOf = c;
        if (noResponse) {
            cause = null; // said as the call's net error
        }
        flushCause();
        return true;
    }

    /** A cause no client error took (an exception of its own): its signal, if it is evidence of one. */
    private void flushCause() {
        if (cause != null) {
            SignalType t = ApiLines.failureSignal(cause);
            if (t != null) {
                reports.signal(t, causeLine, ApiFindings.clip(redactor.text(cause), 200));
            }
            cause = null;
        }
    }

    /** Joins an exception to the call it ends, or makes it a call of its own; {@code null} when it repeats one. */
    private CallBuilder clientError(String cls, String message, Integer status, ErrorDetail detail,
                                    boolean noResponse, LineTime at) {
        CallBuilder c = current;
        boolean joins = c != null && !c.finished && c.error == null && (c.failed() || !c.responded)
                && (status == null || c.status == null || status.equals(c.status));
        if (!joins && c != null && !c.finished && c.error != null && lineNo - c.errorLine < 200
                && sameError(c, status, detail)) {
            return c; // the same error printed twice (logged, then raised)
        }
        if (!joins) {
            c = new CallBuilder(lineNo, at);
            c.closed = true;
            replaceCurrent(c);
        }
        if (status != null && (c.status == null || !c.responded)) {
            c.respond(null, null, status, null);
        }
        if (detail != null) {
            c.error = detail;
        }
        c.errorClass = cls;
        c.errorLine = lineNo;
        if (message != null) {
            List<RequestId> ids = new ArrayList<>();
            RequestIds.fromText(message, ids);
            for (RequestId id : ids) {
                c.requestId(id.name(), id.value());
            }
        }
        if (noResponse && c.netError == null) {
            c.netError = "no response";
        }
        return c;
    }

    private static boolean sameError(CallBuilder c, Integer status, ErrorDetail detail) {
        return (status == null || status.equals(c.status)) && (detail == null || detail.equals(c.error));
    }

    // ---- calls ----

    /** The attempt a request line belongs to: the one just begun (Request options, then Sending), or a new one. */
    @Override
    public CallBuilder current() {
        return current;
    }

    @Override
    public CallBuilder openAttempt(LineTime at, boolean mergeUnanswered) {
        CallBuilder c = current;
        if (mergeUnanswered && c != null && !c.finished && !c.closed && !c.responded && c.netError == null
                && !c.retryAnnounced) {
            return c;
        }
        return newAttempt(at);
    }

    /** The attempt a status belongs to: one sent and unanswered, the other line of the same attempt, or a new one. */
    @Override
    public CallBuilder attemptFor(int status, String source, LineTime at) {
        CallBuilder c = current;
        if (c != null && !c.finished && !c.closed && !c.retryAnnounced) {
            if (!c.responded && c.netError == null) {
                c.statusSource = source;
                return c;
            }
            if (c.responded && c.status != null && c.status == status && c.statusSource != null
                    && !c.statusSource.equals(source)) {
                return c; // httpx's line and the SDK's line about one response
            }
        }
        CallBuilder n = newAttempt(at);
        n.statusSource = source;
        return n;
    }

    private CallBuilder newAttempt(LineTime at) {
        CallBuilder c = current;
        if (c != null && !c.finished && !c.closed && c.retryAnnounced) {
            c.nextAttempt(at);
            return c;
        }
        CallBuilder n = new CallBuilder(lineNo, at);
        replaceCurrent(n);
        return n;
    }

    private void replaceCurrent(CallBuilder next) {
        if (current != null && current != next) {
            finish(current);
        }
        current = next;
    }

    /** Counts a call and, when it failed, reports it with its signals. */
    private void finish(CallBuilder c) {
        if (c == null || c.finished) {
            return;
        }
        c.finished = true;
        c.closeAttempt();
        attempts += c.attempts;
        failedAttempts += c.failedAttempts;
        if (!c.failed()) {
            return;
        }
        c.readHeaders();
        found.call(c);
        reports.report(c);
    }

    /** Request IDs anywhere in the log (also of calls that succeeded), after those of failing calls. */
    private void identifiers(String raw) {
        if (otherIds.size() >= ApiLogAnalyzer.MAX_REQUEST_IDS || raw.indexOf("req") < 0 && raw.indexOf("Req") < 0) {
            return;
        }
        List<RequestId> ids = new ArrayList<>();
        RequestIds.fromText(raw, ids);
        // a header name in any case: HTTP header names are case-insensitive
        boolean header = raw.contains("request_id: ") || ReprHeaders.holdsRequestIdName(raw);
        for (RequestId id : ids) {
            if (otherIds.size() < ApiLogAnalyzer.MAX_REQUEST_IDS) {
                otherIds.add(header && id.value().startsWith("req_") ? new RequestId("x-request-id", id.value()) : id);
            }
        }
    }

    ApiLogAnalysis finish() {
        flushCause();
        if (curl != null) {
            curl.end();
        }
        for (CallBuilder c : List.copyOf(retrying.values())) {
            finish(c);
        }
        retrying.clear();
        finish(current);
        List<ApiCall> calls = new ArrayList<>(reports.calls);
        calls.sort(Comparator.comparingInt(ApiCall::line));
        List<RequestId> ids = new ArrayList<>(reports.callIds);
        for (RequestId id : otherIds) {
            if (ids.size() < ApiLogAnalyzer.MAX_REQUEST_IDS && reports.idValues.add(id.value())) {
                ids.add(new RequestId(id.name(), redactor.text(id.value())));
            }
        }
        ConsoleAnalysis console = others.finish(lineNo);
        return new ApiLogAnalysis(ApiLogAnalysis.KIND, format.id(), lineNo, List.copyOf(calls), reports.omitted,
                attempts, failedAttempts, List.copyOf(ids), List.copyOf(reports.signals),
                lineNo == 0 ? null : found.describe(calls.size() + reports.omitted, attempts, ids.size()),
                holdsFindings(console) ? console : null);
    }

    /** Request IDs alone are no reason for a console part: the API reader lists those of every line already. */
    private static boolean holdsFindings(ConsoleAnalysis console) {
        return !console.errors().isEmpty() || console.errorsOmitted() > 0 || !console.signals().isEmpty()
                || !console.conversationUrls().isEmpty();
    }
}
