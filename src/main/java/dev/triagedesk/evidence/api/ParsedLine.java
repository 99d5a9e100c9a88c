package dev.triagedesk.evidence.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.MatchResult;

/**
 * A line of API client evidence with what can be read from it alone: the SDK's response, httpx's and request-ID
 * patterns, a {@code Request options} dict's method, URL and model, the headers of interest in a repr dump. These
 * depend on the line only, never on the calls read so far, so a reader thread can work them out ahead
 * ({@link #readAhead()}) while the analyzer's thread correlates the lines before; asked for first, they are
 * worked out on the spot. Either way the analyzer sees the same values.
 */
final class ParsedLine {

    private static final MatchResult NONE = ApiLines.PY_REQUEST_ID.matcher("");
    /** {@link #requestIdValue} looked and found none (compared by identity). */
    private static final String NO_ID = new String("no request ID");

    final String raw;
    private MatchResult sending;
    private MatchResult pyResponse;
    private MatchResult httpx;
    private MatchResult requestId;
    private String requestIdValue;
    private String model;
    private String url;
    private String method;
    private boolean options;
    private int kind;
    /** 0: not looked for yet, 1: holds a traceback's first line, 2: holds none. */
    private int traceback;
    private List<String> headers;

    ParsedLine(String raw) {
        this.raw = raw;
    }

    /** The document's first line without a byte-order mark. */
    static ParsedLine first(String raw) {
        return new ParsedLine(!raw.isEmpty() && raw.charAt(0) == '\uFEFF' ? raw.substring(1) : raw);
    }

    /**
     * Works out the values the analyzer will ask for, so its thread finds them ready: those of the branch
     * {@link ApiLogAnalyzer} takes for such a line (a sending line, a response line), and the headers, but a
     * successful response's (its call seldom needs them, see {@link CallBuilder#deferHeaders}); anything else is
     * worked out when asked. A {@code Request options} dict's values, a {@code request_id: } line's ID and whether a
     * line holds a traceback's first line are left to the analyzer's thread: with them here this thread was the
     * busier of the two (measured as each thread's CPU time).
     */
    ParsedLine readAhead() {
        switch (kind()) {
            case OPTIONS, REQUEST_ID -> { } // see above
            case SENDING -> sending();
            case RESPONSE -> {
                MatchResult response = pyResponse();
                String status = response != null ? ResponseLines.pyStatus(response)
                        : (response = httpx()) != null ? response.group(3) : null;
                if (status != null && status.charAt(0) == '2') {
                    return this; // a success: its headers are seldom needed (CallBuilder#deferHeaders)
                }
            }
            default -> { }
        }
        headers();
        return this;
    }

    /** {@link OwnLines#holdsTraceback} of the line, worked out once. */
    boolean holdsTraceback() {
        if (traceback == 0) {
            traceback = OwnLines.holdsTraceback(raw) ? 1 : 2;
        }
        return traceback == 1;
    }

    /** Whether {@link #headers()} was worked out already (the read-ahead leaves a successful response's). */
    boolean headersRead() {
        return headers != null;
    }

    /** What {@link #kind()} says of a line: the first of these words it holds, in the analyzer's order. */
    static final int OTHER = 1;
    /** {@code Request options: }. */
    static final int OPTIONS = 2;
    /** {@code Sending HTTP Request} or {@code Building HTTP request} (the first holds "HTTP Request: " too). */
    static final int SENDING = 3;
    /** {@code HTTP Response: } or httpx's {@code HTTP Request: }. */
    static final int RESPONSE = 4;
    /** {@code request_id: }. */
    static final int REQUEST_ID = 5;

    /**
     * Which of the SDK's request, response and request-ID lines this is, by the words {@link ApiLogAnalyzer} tries
     * in this order; worked out once, so the analyzer's thread does not search a long line for them again.
     */
    int kind() {
        if (kind == 0) {
            kind = kindOf(raw);
        }
        return kind;
    }

    /** The words {@link #kindOf} looks for at a 'q', where in each the 'q' stands (one in each) and their kinds. */
    private static final String[] Q_WORDS = {"Request options: ", "Sending HTTP Request", "Building HTTP request",
        "HTTP Request: ", "request_id: "};
    private static final int[] Q_AT = {2, 15, 16, 7, 2};
    private static final int[] Q_KIND = {OPTIONS, SENDING, SENDING, RESPONSE, REQUEST_ID};

    /**
     * Which of the words the line holds, first in their order ({@code Request options: }, {@code Sending HTTP
     * Request} or {@code Building HTTP request}, {@code HTTP Response: } or {@code HTTP Request: },
     * {@code request_id: }), found with one search for a character: every word but {@code HTTP Response: } holds one
     * 'q', a letter few lines hold elsewhere, so each is looked for only around the line's 'q's (found by the
     * JDK's search for one character), and {@code HTTP Response: } only when the kind depends on it. The seven
     * searches through the whole line that most lines failed were a quarter of the reading thread's work.
     */
    private static int kindOf(String raw) {
        int best = OTHER; // the smallest kind number above OTHER found so far wins, as in the words' order
        for (int q = raw.indexOf('q'); q >= 0; q = raw.indexOf('q', q + 1)) {
            for (int w = 0; w < Q_WORDS.length; w++) {
                int kind = Q_KIND[w];
                int start = q - Q_AT[w];
                // the first letter first: header names ("x-request-id", "…-requests") hold 'q's too
                if ((best == OTHER || kind < best) && start >= 0 && raw.charAt(start) == Q_WORDS[w].charAt(0)
                        && raw.startsWith(Q_WORDS[w], start)) {
                    best = kind;
                }
            }
            if (best == OPTIONS) {
                return OPTIONS;
            }
        }
        if (best != SENDING && best != RESPONSE && raw.contains("HTTP Response: ")) {
            return RESPONSE;
        }
        return best;
    }


    /** The {@code Sending HTTP Request: METHOD URL} groups, or null. */
    MatchResult sending() {
        if (sending == null) {
            sending = orNone(ResponseLines.sending(raw));
        }
        return orNull(sending);
    }

    MatchResult pyResponse() {
        if (pyResponse == null) {
            pyResponse = orNone(ResponseLines.pyResponse(raw));
        }
        return orNull(pyResponse);
    }

    MatchResult httpx() {
        if (httpx == null) {
            httpx = orNone(ResponseLines.httpx(raw));
        }
        return orNull(httpx);
    }

    MatchResult requestId() {
        if (requestId == null) {
            requestId = orNone(ResponseLines.requestId(raw));
        }
        return orNull(requestId);
    }

    /** The ID of a {@code request_id: …} line, or {@code null}; its hash is worked out with it (it goes into a set). */
    String requestIdValue() {
        if (requestIdValue == null) {
            MatchResult m = requestId();
            requestIdValue = m == null ? NO_ID : hashed(m.group(1));
        }
        return requestIdValue == NO_ID ? null : requestIdValue;
    }

    String optionModel() {
        readOptions();
        return model;
    }

    String optionUrl() {
        readOptions();
        return url;
    }

    /** The method of a {@code Request options} dict, in upper case. */
    String optionMethod() {
        readOptions();
        return method;
    }

    private void readOptions() {
        if (!options) {
            options = true;
            model = ApiLines.optionValue(raw, "model", ApiLines.OptionValue.MODEL);
            url = ApiLines.optionValue(raw, "url", ApiLines.OptionValue.URL);
            method = ApiLines.optionValue(raw, "method", ApiLines.OptionValue.METHOD);
            if (method != null) {
                method = method.toUpperCase(Locale.ROOT);
            }
        }
    }

    /**
     * The headers of interest (name, value, name, value…) as {@link ReprHeaders#scan} finds them, names in lower
     * case and values stripped, as {@link CallBuilder.Headers#takeStripped} takes them, the hashes of names and IDs
     * worked out (names are switched on, IDs go into a set); empty for none.
     */
    List<String> headers() {
        if (headers == null) {
            // a header is quoted: half the lines (sending, request_id) hold no quote, and one search for each
            // quote costs less than the look around every dash
            if ((raw.indexOf('\'') >= 0 || raw.indexOf('"') >= 0) && ReprHeaders.mayHold(raw)) {
                List<String> found = new ArrayList<>(8);
                ReprHeaders.scan(raw, (line, nameStart, nameEnd, valueStart, valueEnd) -> {
                    String name = headerName(line, nameStart, nameEnd);
                    String value = line.substring(valueStart, valueEnd).strip();
                    found.add(name);
                    // only an ID goes into a set; the other values are kept as they are
                    found.add(name == X_REQUEST_ID || name == CF_RAY ? hashed(value) : value);
                });
                headers = found;
            } else {
                headers = List.of();
            }
        }
        return headers;
    }

    private static final String X_REQUEST_ID = "x-request-id";
    private static final String CF_RAY = "cf-ray";
    /**
     * The names of interest as the SDK prints them, in lower case: a name that stands so in the line is given as
     * one of these constants (its hash known, the same instance as the analyzer's switch labels) instead of a new
     * string lower-cased and hashed.
     */
    private static final String[] KNOWN_NAMES = {X_REQUEST_ID, CF_RAY, "openai-processing-ms", "retry-after",
        "retry-after-ms", "x-ratelimit-limit-requests", "x-ratelimit-remaining-requests",
        "x-ratelimit-reset-requests", "x-ratelimit-limit-tokens", "x-ratelimit-remaining-tokens",
        "x-ratelimit-reset-tokens"};

    /** The header name at {@code line[start, end)} in lower case, its hash worked out. */
    private static String headerName(String line, int start, int end) {
        int length = end - start;
        for (String known : KNOWN_NAMES) {
            if (known.length() == length && line.startsWith(known, start)) {
                return known;
            }
        }
        String name = line.substring(start, end).toLowerCase(Locale.ROOT);
        for (String known : KNOWN_NAMES) {
            if (known.equals(name)) {
                return known; // written in another case
            }
        }
        return hashed(name);
    }

    /** The string, its hash cached in it: worked out on the read-ahead thread, not the analyzer's. */
    private static String hashed(String s) {
        s.hashCode();
        return s;
    }

    private static MatchResult orNone(MatchResult m) {
        return m == null ? NONE : m;
    }

    private static MatchResult orNull(MatchResult m) {
        return m == NONE ? null : m;
    }
}
