package dev.triagedesk.ticket;

import dev.triagedesk.evidence.Category;
import dev.triagedesk.evidence.SignalType;
import dev.triagedesk.evidence.triage.FailureClassifier;
import dev.triagedesk.evidence.ErrorDetail;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows the readers of SDK logs, curl transcripts and Batch files store (an analyzed attachment of kind API_LOG or
 * BATCH, its failing calls with their request IDs, its signals), made in memory for tests of what the summary
 * module makes of them: built with the entities' own constructors, as the intake builds them.
 */
public final class ApiEvidenceRows {

    private final Ticket ticket;
    private final List<Evidence> evidence = new ArrayList<>();
    private final List<FailingRequest> failures = new ArrayList<>();
    private final List<FindingSignal> signals = new ArrayList<>();
    private final List<RequestIdentifier> identifiers = new ArrayList<>();

    public ApiEvidenceRows(Ticket ticket) {
        this.ticket = ticket;
    }

    /** An analyzed SDK log or transcript. */
    public Evidence log(String name) {
        return attachment(EvidenceKind.API_LOG, name);
    }

    /** An analyzed Batch output, error or object file. */
    public Evidence batch(String name) {
        return attachment(EvidenceKind.BATCH, name);
    }

    private Evidence attachment(EvidenceKind kind, String name) {
        Evidence e = new Evidence(ticket, kind, name, 100, Instant.parse("2026-03-01T10:00:00Z"));
        e.accept("stored/" + name, 100);
        evidence.add(e);
        return e;
    }

    /**
     * A failing call at {@code line}, classified as the engine classifies it (the playbook's table); {@code id} its
     * request ID, or null.
     */
    public FailingRequest call(Evidence in, int line, String startedAt, String method, String url, int status,
                               String type, String code, String id) {
        FailingRequest f = new FailingRequest(ticket, in, line, false);
        ErrorDetail error = type == null && code == null ? null : new ErrorDetail(type, code, "message of " + code, null);
        f.describe(startedAt, method, url, status, null, null, null, FailureClassifier.classify(status, null, error));
        if (error != null) {
            f.error(type, code, error.message(), null);
        }
        failures.add(f);
        if (id != null) {
            identifiers.add(new RequestIdentifier(ticket, in, f, "x-request-id", id));
        }
        return f;
    }

    /** A call that got no response (a connection error, a timeout). */
    public FailingRequest noResponse(Evidence in, int line, String startedAt, String method, String url, String why) {
        FailingRequest f = new FailingRequest(ticket, in, line, false);
        f.describe(startedAt, method, url, 0, null, why, null, Category.NETWORK);
        failures.add(f);
        return f;
    }

    public FindingSignal signal(Evidence in, SignalType type, int line, String detail) {
        FindingSignal s = new FindingSignal(ticket, in, type, null, line, null, detail);
        signals.add(s);
        return s;
    }

    public TicketDetails details() {
        return new TicketDetails(ticket, List.copyOf(evidence), List.copyOf(failures), List.of(), List.copyOf(signals),
                List.copyOf(identifiers));
    }
}
