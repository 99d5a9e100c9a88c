package dev.triagedesk.evidence.api;

import dev.triagedesk.evidence.Category;
import dev.triagedesk.evidence.ErrorDetail;
import dev.triagedesk.evidence.RequestId;
import dev.triagedesk.evidence.Signal;
import dev.triagedesk.evidence.SignalType;
import dev.triagedesk.evidence.redact.Redactor;
import dev.triagedesk.evidence.triage.FailureClassifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns finished calls into the result: each failing call redacted into an {@link ApiCall} (up to the cap, the rest
 * counted), its request IDs, and the signals it is evidence of (retries and how they waited, exhausted rate limits,
 * quota and the other errors the classifier names, connection failures). Bounded like the calls.
 */
final class CallReports {

    private final Redactor redactor;
    private final int maxCalls;
    final List<ApiCall> calls = new ArrayList<>();
    final List<Signal> signals = new ArrayList<>();
    private final Set<String> signalKeys = new HashSet<>();
    /** The request IDs of failing calls, redacted, in the order met. */
    final List<RequestId> callIds = new ArrayList<>();
    /** The raw values of every request ID taken, so another list does not repeat one. */
    final Set<String> idValues = new HashSet<>();
    long omitted;

    CallReports(Redactor redactor, int maxCalls) {
        this.redactor = redactor;
        this.maxCalls = maxCalls;
    }

    /** Reports a call that failed at least once. */
    void report(CallBuilder c) {
        boolean listed = calls.size() < maxCalls;
        if (!listed && signals.size() >= ApiLogAnalyzer.MAX_SIGNALS && callIds.size() >= ApiLogAnalyzer.MAX_REQUEST_IDS) {
            omitted++; // nothing of it would be kept: its call, signals and request IDs have no room left
            return;
        }
        String endpoint = c.endpoint == null ? null
                : ApiFindings.clip(c.endpoint.startsWith("http") ? redactor.url(c.endpoint) : redactor.text(c.endpoint), ApiLogAnalyzer.MAX_URL);
        ErrorDetail error = redact(c.error);
        String netError = c.netError == null ? null : ApiFindings.clip(redactor.text(c.netError), ApiLogAnalyzer.MAX_MESSAGE);
        // a call that succeeded at last is about the failures before: classified by the last of them
        boolean answered = c.recovered() ? c.lastFailedStatus != null : c.responded;
        int status = c.recovered() ? (answered ? c.lastFailedStatus : 0) : c.status == null ? 0 : c.status;
        Category category = FailureClassifier.classify(answered ? status : 0,
                answered ? null : netError == null ? "no response" : netError, error);
        List<RequestId> ids = new ArrayList<>();
        for (RequestId id : c.requestIds) {
            RequestId r = new RequestId(id.name(), redactor.text(id.value()));
            ids.add(r);
            if (callIds.size() < ApiLogAnalyzer.MAX_REQUEST_IDS && idValues.add(id.value())) {
                callIds.add(r);
            }
        }
        String pattern = c.retryPattern();
        ApiCall.RateLimit rate = c.headers.rateLimit();
        signals(c, endpoint, error, netError, pattern, rate);
        if (calls.size() >= maxCalls) {
            omitted++;
            return;
        }
        calls.add(new ApiCall(c.line, c.time(), c.method, endpoint,
                c.model == null ? null : ApiFindings.clip(redactor.text(c.model), 100), c.responded ? c.status : null,
                c.statusText == null ? null : ApiFindings.clip(redactor.text(c.statusText), 100), netError, error,
                List.copyOf(ids), category, c.attempts, List.copyOf(c.statuses), List.copyOf(c.waits), pattern,
                c.recovered(), rate, c.headers.processingMs, c.durationMs));
    }

    private void signals(CallBuilder c, String endpoint, ErrorDetail error, String netError, String pattern,
                         ApiCall.RateLimit rate) {
        if (signals.size() >= ApiLogAnalyzer.MAX_SIGNALS) {
            return; // no room for another: its wording would be thrown away
        }
        String on = endpoint == null ? "" : " " + endpoint;
        if (c.attempts > 1) {
            signal(SignalType.SDK_RETRIES, c.line, ApiFindings.retries(c.attempts, c.waits, pattern) + on);
        }
        if ("no-backoff".equals(pattern) || "tight-loop".equals(pattern)) {
            signal(SignalType.RETRIES_WITHOUT_BACKOFF, c.line, ApiFindings.retries(c.attempts, c.waits, pattern) + on);
        }
        if (rate != null && rate.exhausted()) {
            signal(SignalType.RATE_LIMIT_EXHAUSTED, c.line, ApiFindings.rateLimit(rate) + on);
        }
        int status = c.status == null ? 0 : c.status;
        SignalType fromError = FailureClassifier.signalOf(status, error, c.endpoint);
        if (fromError != null) {
            String what = error.code() != null ? error.code() : error.type() != null ? error.type()
                    : "message \u201c" + ApiFindings.clip(error.message(), 100) + "\u201d";
            signal(fromError, c.line, (status > 0 ? "HTTP " + status + " " : "") + what + on);
        }
        if (netError != null && !c.responded) {
            SignalType t = ApiLines.failureSignal(netError);
            signal(t != null ? t : SignalType.CONNECTION_FAILURE, c.line, ApiFindings.clip(netError, 160) + on);
        }
    }

    private ErrorDetail redact(ErrorDetail e) {
        if (e == null || e.isEmpty()) {
            return null;
        }
        return new ErrorDetail(e.type() == null ? null : ApiFindings.clip(redactor.text(e.type()), 200),
                e.code() == null ? null : ApiFindings.clip(redactor.text(e.code()), 200),
                e.message() == null ? null : ApiFindings.clip(redactor.text(e.message()), ApiLogAnalyzer.MAX_MESSAGE),
                e.param() == null ? null : ApiFindings.clip(redactor.text(e.param()), 200));
    }

    void signal(SignalType type, int line, String detail) {
        if (signals.size() >= ApiLogAnalyzer.MAX_SIGNALS) {
            return;
        }
        String d = ApiFindings.clip(detail, 200);
        if (signalKeys.add(type.id() + '\u0000' + d)) {
            signals.add(Signal.atLine(type, line, d));
        }
    }
}
