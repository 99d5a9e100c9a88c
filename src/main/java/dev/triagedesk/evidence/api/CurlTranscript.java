package dev.triagedesk.evidence.api;

import java.util.function.Consumer;
import java.util.regex.Matcher;

/**
 * Reads a {@code curl -v} or {@code curl -i} transcript line by line and tells what each line is: the request line
 * and {@code Host}, the status line, a response header, the end of an error body, curl's own error, a retry, and
 * the TLS lines ({@code *  issuer: …}, {@code SSL certificate problem: …}). The body of a failing response is
 * gathered (at most {@value ApiLogAnalyzer#MAX_BODY} characters) and handed over when it ends; the body of a
 * successful one is never kept.
 */
final class CurlTranscript {

    enum Kind { REQUEST, HOST, STATUS, HEADER, BODY, ERROR, RETRY, TLS_PROBLEM, ISSUER }

    /**
     * One thing a transcript said. {@code method} is the method of a request or the name of a header, {@code url} the
     * path of a request or a host, {@code status} a status or the seconds of a retry, {@code text} a reason phrase,
     * header value, body or message.
     */
    record Event(Kind kind, int line, LineTime at, String method, String url, int status, String text) {
    }

    private enum Mode { NONE, HEADERS, BODY }

    private final Consumer<Event> events;
    private final StringBuilder body = new StringBuilder();
    private Mode mode = Mode.NONE;
    private boolean keepBody;
    private boolean angled;
    private String host;
    private String issuer;
    private int issuerLine;

    CurlTranscript(Consumer<Event> events) {
        this.events = events;
    }

    /** Reads one line; says whether it was curl's (else the caller reads it as any other line). */
    boolean line(String raw, int lineNo, LineTime at) {
        if (raw.startsWith("> ")) {
            endBody();
            Matcher m = ApiLines.CURL_REQUEST.matcher(raw);
            if (m.find()) {
                emit(Kind.REQUEST, lineNo, at, m.group(1), m.group(2), 0, null);
            } else if ((m = ApiLines.CURL_HOST.matcher(raw)).find()) {
                host = stripPort(m.group(1));
                emit(Kind.HOST, lineNo, at, null, m.group(1), 0, null);
                checkIssuer();
            }
            return true;
        }
        if (raw.startsWith("<") || raw.startsWith("HTTP/") && mode != Mode.HEADERS) {
            return response(raw, lineNo, at);
        }
        if (raw.startsWith("* ") || raw.startsWith("*\t")) {
            endBody();
            star(raw, lineNo, at);
            return true;
        }
        if (raw.startsWith("{ [") || raw.startsWith("} [")) {
            return true; // curl's data markers
        }
        if (raw.startsWith("curl: (")) {
            endBody();
            Matcher m = ApiLines.CURL_ERROR.matcher(raw);
            if (m.find()) {
                emit(Kind.ERROR, lineNo, at, null, null, 0, raw);
            }
            return true;
        }
        if (raw.startsWith("Warning: ")) {
            Matcher m = ApiLines.CURL_RETRY.matcher(raw);
            if (m.find()) {
                endBody();
                // the seconds as the status; -1 for more than an int holds ("in 99999999999 seconds"), no wait then
                String seconds = m.group(1);
                emit(Kind.RETRY, lineNo, at, null, null, seconds.length() <= 9 ? Integer.parseInt(seconds) : -1, null);
            }
            return true;
        }
        if (mode == Mode.HEADERS && !angled) {
            if (raw.isBlank()) {
                mode = Mode.BODY;
                return true;
            }
            Matcher m = ApiLines.CURL_HEADER.matcher(raw);
            if (m.find()) {
                emit(Kind.HEADER, lineNo, at, m.group(1), null, 0, m.group(2));
            }
            return true;
        }
        if (mode == Mode.BODY) {
            if (keepBody && body.length() < ApiLogAnalyzer.MAX_BODY) {
                body.append(raw, 0, Math.min(raw.length(), ApiLogAnalyzer.MAX_BODY - body.length())).append('\n');
            }
            return true;
        }
        return false;
    }

    private boolean response(String raw, int lineNo, LineTime at) {
        angled = raw.startsWith("<");
        String text = angled ? raw.substring(1).strip() : raw;
        if (text.isEmpty()) {
            mode = Mode.BODY;
            return true;
        }
        Matcher m = ApiLines.CURL_STATUS.matcher(text);
        if (m.find()) {
            endBody();
            int status = Integer.parseInt(m.group(1));
            keepBody = status >= 400;
            mode = Mode.HEADERS;
            emit(Kind.STATUS, lineNo, at, null, null, status, m.group(2));
            return true;
        }
        m = ApiLines.CURL_HEADER.matcher(text);
        if (m.find()) {
            emit(Kind.HEADER, lineNo, at, m.group(1), null, 0, m.group(2));
        }
        return true;
    }

    private void star(String raw, int lineNo, LineTime at) {
        Matcher m = ApiLines.CURL_ISSUER.matcher(raw);
        if (m.find()) {
            issuer = m.group(1);
            issuerLine = lineNo;
            checkIssuer();
            return;
        }
        m = ApiLines.CURL_CONNECTED.matcher(raw);
        if (m.find()) {
            host = m.group(1);
            return;
        }
        String lower = raw.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("ssl certificate problem") || lower.contains("certificate verify failed")
                || lower.contains("unable to get local issuer") || lower.contains("self signed certificate")
                || lower.contains("self-signed certificate")) {
            emit(Kind.TLS_PROBLEM, lineNo, at, null, null, 0, raw.substring(2).strip());
        }
    }

    /** Judges the issuer once both it and the host are known. */
    private void checkIssuer() {
        if (issuer != null && host != null) {
            emit(Kind.ISSUER, issuerLine, LineTime.NONE, null, host, 0, issuer);
            issuer = null;
        }
    }

    private void endBody() {
        if (mode == Mode.BODY && keepBody && body.length() > 0) {
            emit(Kind.BODY, 0, LineTime.NONE, null, null, 0, body.toString());
        }
        body.setLength(0);
        keepBody = false;
        if (mode == Mode.BODY) {
            mode = Mode.NONE;
        }
    }

    /** The end of the transcript: a body still open is handed over. */
    void end() {
        endBody();
    }

    private void emit(Kind kind, int line, LineTime at, String method, String url, int status, String text) {
        events.accept(new Event(kind, line, at, method, url, status, text));
    }

    private static String stripPort(String hostAndPort) {
        int colon = hostAndPort.lastIndexOf(':');
        return colon > 0 && hostAndPort.indexOf(']') < colon ? hostAndPort.substring(0, colon) : hostAndPort;
    }
}
