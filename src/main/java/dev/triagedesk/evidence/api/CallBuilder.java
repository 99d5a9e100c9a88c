package dev.triagedesk.evidence.api;

import dev.triagedesk.evidence.ErrorDetail;
import dev.triagedesk.evidence.RequestId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One call while it is read: its attempts so far (the SDK's retries of one request) and what they said. Values are
 * raw, as found in the log; {@link ApiLogAnalyzer} redacts them when the call is finished. Bounded: at most
 * {@value #MAX_KEPT} statuses, waits and request IDs are kept, the attempts beyond are counted.
 */
final class CallBuilder {

    static final int MAX_KEPT = 50;
    private static final int MAX_UNREAD = 16;

    final int line;
    /** When the first attempt was sent, parsed when asked. */
    final LineTime at;
    /** openai-node's log ID of the first attempt, which its retries name as {@code retryOf}. */
    String logId;
    String method;
    String endpoint;
    String model;
    ErrorDetail error;
    String errorClass;
    int errorLine;
    int attempts;
    final List<Integer> statuses = new ArrayList<>();
    final List<Double> waits = new ArrayList<>();
    final Set<String> requestIdValues = new LinkedHashSet<>();
    final List<RequestId> requestIds = new ArrayList<>();
    final Headers headers = new Headers();
    /** The attempt being read. */
    Integer status;
    String statusText;
    String netError;
    Double durationMs;
    boolean responded;
    /** When the attempt being read was sent. */
    LineTime attemptAt;
    /** A retry was announced after the current attempt: the next attempt belongs to this call. */
    boolean retryAnnounced;
    Double announcedWait;
    boolean anyFailed;
    private int attemptClosed;
    long failedAttempts;
    /** The status of the last attempt that failed (null: it got no response): what a recovered call is about. */
    Integer lastFailedStatus;
    /** The SDK said the call is over (openai-node's last response): a later attempt is another call. */
    boolean closed;
    /** Counted and reported once. */
    boolean finished;
    /** Which line gave the current attempt's status ({@code httpx}, {@code sdk}…): the two lines of one attempt merge. */
    String statusSource;
    /**
     * Lines whose headers are not read yet (a successful response's dump), and the request IDs given after them
     * ({@link RequestId}s, kept in order behind them): most calls succeed and are never reported, so these are read
     * only when something else reads or changes the call's headers, or when it is reported; read then, in the order
     * they came, they leave the call as reading them at once would.
     */
    private List<Object> unread;

    CallBuilder(int line, LineTime at) {
        this.line = line;
        this.at = at;
        this.attemptAt = at;
        this.attempts = 1;
    }

    /** The time printed on the call's first line, or {@code null}. */
    String time() {
        return at.time();
    }

    /** The next attempt of this call, after the wait the SDK announced or the time that passed. */
    void nextAttempt(LineTime next) {
        closeAttempt();
        Double wait = announcedWait;
        if (wait == null) {
            long millis = next.millis();
            long attemptMillis = attemptAt.millis();
            if (millis != Long.MIN_VALUE && attemptMillis != Long.MIN_VALUE && millis >= attemptMillis) {
                wait = (millis - attemptMillis) / 1000.0;
            }
        }
        if (waits.size() < MAX_KEPT && wait != null) {
            waits.add(wait);
        }
        attempts++;
        attemptAt = next;
        status = null;
        statusText = null;
        netError = null;
        durationMs = null;
        responded = false;
        retryAnnounced = false;
        announcedWait = null;
        statusSource = null;
    }

    /** Records the current attempt's outcome in the lists (once per attempt). */
    void closeAttempt() {
        if (attemptClosed == attempts) {
            return;
        }
        attemptClosed = attempts;
        if (statuses.size() < MAX_KEPT) {
            statuses.add(status == null ? 0 : status);
        }
        if (failedNow()) {
            anyFailed = true;
            failedAttempts++;
            lastFailedStatus = status;
        }
    }

    void respond(String method, String url, int status, String statusText) {
        if (method != null) {
            this.method = method;
        }
        if (url != null && (endpoint == null || endpoint.startsWith("/") && !url.startsWith("/"))) {
            endpoint = url;
        }
        this.status = status;
        if (statusText != null && !statusText.isBlank()) {
            this.statusText = statusText.strip();
        }
        responded = true;
    }

    /** Leaves the headers of {@code line} unread until the call needs them ({@link #readHeaders()}). */
    void deferHeaders(ParsedLine line) {
        if (unread == null) {
            unread = new ArrayList<>(4);
        }
        keepUnread(line);
    }

    private void keepUnread(Object headersOrId) {
        unread.add(headersOrId);
        if (unread.size() > MAX_UNREAD) {
            readHeaders(); // a bound on what one call holds on to
        }
    }

    /** Reads the headers left unread and the IDs behind them, in order. */
    void readHeaders() {
        List<Object> left = unread;
        if (left == null) {
            return;
        }
        unread = null;
        for (Object o : left) {
            if (o instanceof ParsedLine l) {
                takeHeaders(l.headers());
            } else {
                RequestId id = (RequestId) o;
                requestId(id.name(), id.value());
            }
        }
    }

    /** Takes a line's headers (name, value, name, value…, as {@link ParsedLine#headers} gives them). */
    void takeHeaders(List<String> found) {
        if (found.isEmpty()) {
            return;
        }
        readHeaders();
        for (int i = 0; i < found.size(); i += 2) {
            headers.takeStripped(found.get(i), found.get(i + 1), this);
        }
    }

    void requestId(String name, String value) {
        if (value == null || value.isBlank() || "None".equals(value) || "null".equals(value)) {
            return;
        }
        if (unread != null) {
            keepUnread(new RequestId(name, value)); // after the headers before it, as it came
            return;
        }
        if (requestIds.size() < MAX_KEPT && requestIdValues.add(value)) {
            requestIds.add(new RequestId(name, value));
        }
    }

    boolean failedNow() {
        return status != null && status >= 400 || netError != null && (status == null || status == 0);
    }

    boolean failed() {
        return anyFailed || failedNow() || error != null;
    }

    boolean recovered() {
        return status != null && status < 400 && responded;
    }

    /** The rate-limit and processing headers of the call's responses, the last value of each. */
    static final class Headers {
        String limitRequests;
        String remainingRequests;
        String resetRequests;
        String limitTokens;
        String remainingTokens;
        String resetTokens;
        String retryAfter;
        Long processingMs;

        /** Takes a header if it is one of interest; says whether it was an ID header ({@code x-request-id}, {@code cf-ray}). */
        boolean take(String name, String value, CallBuilder call) {
            return takeStripped(name.toLowerCase(Locale.ROOT), value.strip(), call);
        }

        /** As {@link #take} for a name already in lower case and a value already stripped ({@link ParsedLine#headers}). */
        boolean takeStripped(String name, String v, CallBuilder call) {
            call.readHeaders();
            switch (name) {
                case "x-request-id" -> {
                    call.requestId("x-request-id", v);
                    return true;
                }
                case "cf-ray" -> {
                    call.requestId("cf-ray", v);
                    return true;
                }
                case "openai-processing-ms" -> {
                    try {
                        processingMs = Long.parseLong(v);
                    } catch (NumberFormatException e) {
                        // a value that is no number says nothing
                    }
                }
                case "retry-after" -> retryAfter = v;
                case "retry-after-ms" -> retryAfter = retryAfter == null ? v + "ms" : retryAfter;
                case "x-ratelimit-limit-requests" -> limitRequests = v;
                case "x-ratelimit-remaining-requests" -> remainingRequests = v;
                case "x-ratelimit-reset-requests" -> resetRequests = v;
                case "x-ratelimit-limit-tokens" -> limitTokens = v;
                case "x-ratelimit-remaining-tokens" -> remainingTokens = v;
                case "x-ratelimit-reset-tokens" -> resetTokens = v;
                default -> { }
            }
            return false;
        }

        ApiCall.RateLimit rateLimit() {
            if (limitRequests == null && remainingRequests == null && resetRequests == null && limitTokens == null
                    && remainingTokens == null && resetTokens == null && retryAfter == null) {
                return null;
            }
            return new ApiCall.RateLimit(limitRequests, remainingRequests, resetRequests, limitTokens, remainingTokens,
                    resetTokens, retryAfter);
        }
    }

    /**
     * How the waits between attempts went: {@code tight-loop} when one is under 100 ms, {@code retry-after} when
     * they follow the server's {@code retry-after}, {@code backoff} when each is longer than the one before (by a
     * fifth at least: jitter shortens a doubled wait by up to a quarter), else {@code no-backoff}. A single wait of
     * 100 ms or more is a {@code backoff} start. {@code null} without retries or waits.
     */
    String retryPattern() {
        if (attempts < 2 || waits.isEmpty()) {
            return null;
        }
        for (double w : waits) {
            if (w < 0.1) {
                return "tight-loop";
            }
        }
        Double retryAfter = seconds(headers.retryAfter);
        if (retryAfter != null && retryAfter > 0) {
            boolean follows = true;
            for (double w : waits) {
                follows &= Math.abs(w - retryAfter) <= Math.max(0.25, retryAfter * 0.2);
            }
            if (follows) {
                return "retry-after";
            }
        }
        for (int i = 1; i < waits.size(); i++) {
            if (waits.get(i) < waits.get(i - 1) * 1.2) {
                return "no-backoff";
            }
        }
        return "backoff";
    }

    /** {@code retry-after: 20} is seconds; {@code retry-after-ms} was stored as {@code 1500ms}. */
    private static Double seconds(String v) {
        if (v == null) {
            return null;
        }
        try {
            return v.endsWith("ms") ? Double.parseDouble(v.substring(0, v.length() - 2)) / 1000.0 : Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return null; // an HTTP date: not compared
        }
    }
}
