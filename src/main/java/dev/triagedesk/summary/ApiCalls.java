package dev.triagedesk.summary;

import dev.triagedesk.evidence.ErrorDetail;
import dev.triagedesk.evidence.SignalType;
import dev.triagedesk.evidence.triage.EvidenceTally;
import dev.triagedesk.evidence.triage.Hosts;
import dev.triagedesk.evidence.triage.TriageRules;
import dev.triagedesk.ticket.Evidence;
import dev.triagedesk.ticket.EvidenceKind;
import dev.triagedesk.ticket.FailingRequest;
import dev.triagedesk.ticket.FailureGroup;
import dev.triagedesk.ticket.FindingSignal;
import dev.triagedesk.ticket.RequestIdentifier;
import dev.triagedesk.ticket.TicketDetails;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The API calls an SDK log, a curl transcript or a Batch file records, as the verdict, the labels and the note need
 * them. Such a file is the client's own record: a call in it went to the API even when the log names only its path
 * ({@code /chat/completions}, or no address at all in the SDK's newer metadata-only lines), and one call retried is
 * several attempts of it, weighed and said once ("3 attempts of POST /v1/chat/completions answered HTTP 500").
 */
final class ApiCalls {

    /** The API's address when a client's log names only the path: the SDKs' default base URL. */
    static final String API_BASE = "https://api.openai.com";
    /** Request IDs quoted in a reason; the note lists all. */
    private static final int IDS_QUOTED = 3;

    /**
     * What the client's files show beyond single failures, for the next step.
     *
     * @param signals the signal types found in SDK logs, transcripts and Batch files
     */
    record Facts(Set<SignalType> signals) {

        static final Facts NONE = new Facts(Set.of());

        boolean has(SignalType type) {
            return signals.contains(type);
        }
    }

    private ApiCalls() {
    }

    /** An SDK log, a transcript or a Batch file: the client's own record of its calls. */
    static boolean isClientLog(Evidence e) {
        return e.getKind() == EvidenceKind.API_LOG || e.getKind() == EvidenceKind.BATCH;
    }

    /** A failing request to the API: found in a client's file, or sent to the API's host. */
    static boolean isApiCall(FailingRequest f) {
        return isClientLog(f.getEvidence()) || Hosts.role(f.getUrl()) == Hosts.Role.API;
    }

    /** "POST /v1/chat/completions", "POST" (no address logged), or the path alone. */
    static String call(FailingRequest f) {
        String path = f.getUrl() == null || f.getUrl().isBlank() ? "" : Hosts.path(url(f));
        String method = f.getMethod() == null ? "" : f.getMethod();
        String call = (method + " " + path).strip();
        return call.isEmpty() ? "a call" : call;
    }

    /**
     * The address to weigh a failure by: as recorded, or for a client's file that logged only a path (or nothing)
     * the API's, since that is where the SDK sends its calls.
     */
    static String url(FailingRequest f) {
        String url = f.getUrl();
        if (!isClientLog(f.getEvidence()) || url != null && !Hosts.host(url).isEmpty()) {
            return url == null ? "" : url;
        }
        if (url == null || url.isBlank()) {
            return API_BASE + "/v1";
        }
        String path = url.startsWith("/") ? url : "/" + url;
        // the SDKs log paths relative to their base URL, which ends in /v1
        return API_BASE + (path.startsWith("/v1/") ? path : "/v1" + path);
    }

    /** A failing request's time as an instant, when it was recorded with its offset; else null. */
    static Instant instant(String startedAt) {
        if (startedAt == null || startedAt.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(startedAt).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }

    /**
     * Weighs the failing calls of the client's files, each repeated call once with its number of attempts, and the
     * signals of those files (an address they did not log is the API's). Everything else {@link ReportVerdict}
     * weighs as it is.
     */
    static void weigh(TicketDetails d, EvidenceTally tally) {
        Map<Object, List<String>> ids = idsByRequest(d);
        List<FailingRequest> fromClients = d.failures().stream()
                .filter(f -> isClientLog(f.getEvidence()) && !f.isStreamError()).toList();
        for (FailureGroup g : FailureGroup.of(fromClients)) {
            FailingRequest f = g.first();
            ErrorDetail error = new ErrorDetail(f.getErrorType(), f.getErrorCode(), f.getErrorMessage(),
                    f.getErrorParam());
            List<String> groupIds = g.requests().stream().flatMap(r -> ids.getOrDefault(key(r), List.of()).stream())
                    .distinct().toList();
            TriageRules.apiCall(tally, f.getStatus(), f.getNetError(), error.isEmpty() ? null : error,
                    f.getCategory(), g.count(), describe(g, groupIds), place(f), f.getEntryIndex());
        }
        for (FailingRequest f : d.failures()) {
            if (isClientLog(f.getEvidence()) && f.isStreamError()) {
                TriageRules.streamError(tally, url(f), f.getErrorCode(), place(f), f.getEntryIndex());
            }
        }
    }

    /** Signals of the client's files, whose calls went to the API when they name no host. */
    static void weighSignal(EvidenceTally tally, FindingSignal s) {
        String url = s.getUrl() == null || Hosts.host(s.getUrl()).isEmpty() ? API_BASE + "/v1" : s.getUrl();
        boolean line = s.getLineNumber() != null;
        TriageRules.signal(tally, s.getType(), url, s.getDetail(),
                s.getEvidence().getFileName() + (line ? " line" : " entry"), line ? s.getLineNumber() : s.getEntryIndex());
    }

    static Facts facts(TicketDetails d) {
        Set<SignalType> types = EnumSet.noneOf(SignalType.class);
        for (FindingSignal s : d.signals()) {
            if (isClientLog(s.getEvidence()) || Hosts.role(s.getUrl()) == Hosts.Role.API) {
                types.add(s.getType());
            }
        }
        return new Facts(types);
    }

    /**
     * "3 attempts of POST /v1/chat/completions answered HTTP 500 server_error (req_a, req_b, req_c)", or for a
     * Batch file "12 Batch requests to POST /v1/chat/completions ...".
     */
    static String describe(FailureGroup g, List<String> ids) {
        FailingRequest f = g.first();
        boolean batch = f.getEvidence().getKind() == EvidenceKind.BATCH;
        int n = g.count();
        String who = batch ? (n == 1 ? "A Batch request to " : n + " Batch requests to ")
                : n == 1 ? "" : n + " attempts of ";
        String outcome;
        if (f.getStatus() > 0) {
            outcome = "answered HTTP " + f.getStatus();
        } else {
            outcome = "got no response" + (f.getNetError() == null ? "" : " (" + f.getNetError() + ")");
        }
        String code = f.getErrorCode() != null ? f.getErrorCode() : f.getErrorType();
        StringBuilder sb = new StringBuilder(who).append(call(f)).append(' ').append(outcome);
        if (code != null) {
            sb.append(' ').append(code);
        }
        if (!ids.isEmpty()) {
            sb.append(" (").append(String.join(", ", ids.subList(0, Math.min(IDS_QUOTED, ids.size()))))
                    .append(ids.size() > IDS_QUOTED ? ", …" : "").append(')');
        }
        String s = sb.toString();
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** The request IDs linked to each failing request, in the order found. */
    static Map<Object, List<String>> idsByRequest(TicketDetails d) {
        Map<Object, List<String>> ids = new HashMap<>();
        for (RequestIdentifier id : d.identifiers()) {
            FailingRequest f = id.getFailingRequest();
            if (f != null && !RequestIdentifier.CONVERSATION.equals(id.getName())) {
                ids.computeIfAbsent(key(f), k -> new ArrayList<>()).add(id.getValue());
            }
        }
        return ids;
    }

    /** A stored row by its id (a lazy reference to it is another object); a row not yet stored by itself. */
    static Object key(FailingRequest f) {
        return f.getId() != null ? f.getId() : f;
    }

    /** Where in its file a call was found: the line of an SDK log or transcript, of a Batch file. */
    private static String place(FailingRequest f) {
        return f.getEvidence().getFileName() + " line";
    }
}
