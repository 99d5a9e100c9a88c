package dev.triagedesk.evidence.api;

import dev.triagedesk.evidence.ErrorDetail;
import dev.triagedesk.evidence.RequestId;
import dev.triagedesk.evidence.SignalType;
import dev.triagedesk.evidence.redact.Redactor;
import dev.triagedesk.evidence.triage.ErrorBodies;
import dev.triagedesk.evidence.triage.Hosts;
import dev.triagedesk.evidence.triage.RequestIds;
import java.util.ArrayList;
import java.util.List;

/**
 * What the events of a curl transcript ({@link CurlTranscript}) do to the calls an {@link ApiLogAnalyzer} reads: a
 * request line opens an attempt, a status answers it, headers and an error body fill it in, curl's own errors and
 * {@code Will retry} end or continue it, and the TLS lines are signals (an issuer that is not a public CA on the
 * service's host is interception). The calls themselves are the analyzer's: it hands them over as {@link Attempts}.
 */
final class CurlCalls {

    /** The analyzer's calls as a transcript's events need them. */
    interface Attempts {

        /** The call being read, or null. */
        CallBuilder current();

        /** The attempt a request line belongs to. */
        CallBuilder openAttempt(LineTime at, boolean mergeUnanswered);

        /** The attempt a status belongs to. */
        CallBuilder attemptFor(int status, String source, LineTime at);
    }

    private final Attempts calls;
    private final CallReports reports;
    private final Redactor redactor;

    CurlCalls(Attempts calls, CallReports reports, Redactor redactor) {
        this.calls = calls;
        this.reports = reports;
        this.redactor = redactor;
    }

    void event(CurlTranscript.Event e) {
        CallBuilder current = calls.current();
        switch (e.kind()) {
            case REQUEST -> {
                CallBuilder c = calls.openAttempt(e.at(), false);
                c.method = e.method();
                c.endpoint = e.url();
            }
            case HOST -> {
                if (current != null && current.endpoint != null && current.endpoint.startsWith("/")) {
                    current.endpoint = "https://" + e.url() + current.endpoint;
                }
            }
            case STATUS -> {
                CallBuilder c = calls.attemptFor(e.status(), "curl", e.at());
                c.respond(null, null, e.status(), e.text());
            }
            case HEADER -> {
                if (current != null && !current.finished) {
                    current.headers.take(e.method(), e.text(), current);
                }
            }
            case BODY -> {
                if (current != null && !current.finished && current.failedNow()) {
                    ErrorDetail d = ErrorBodies.parse(e.text(), "application/json");
                    if (d != null && !d.isEmpty()) {
                        current.error = d;
                    }
                    List<RequestId> ids = new ArrayList<>();
                    RequestIds.fromText(e.text(), ids);
                    ids.forEach(id -> current.requestId(id.name(), id.value()));
                }
            }
            case ERROR -> {
                CallBuilder c = current != null && !current.finished && !current.responded ? current
                        : calls.openAttempt(e.at(), false);
                c.netError = e.text();
            }
            case RETRY -> {
                if (current != null) {
                    current.retryAnnounced = true;
                    current.announcedWait = e.status() >= 0 ? (double) e.status() : null;
                }
            }
            case TLS_PROBLEM -> reports.signal(SignalType.TLS_INTERCEPTION, e.line(),
                    ApiFindings.clip(redactor.text(e.text()), 200));
            case ISSUER -> {
                String host = e.url();
                if (host != null && Hosts.isProduct("https://" + host) && !TlsIssuers.isPublicCa(e.text())) {
                    reports.signal(SignalType.TLS_INTERCEPTION, e.line(),
                            ApiFindings.clip(redactor.text(TlsIssuers.interception(e.text()) + " for " + host), 200));
                }
            }
        }
    }
}
