package dev.triagedesk.incident;

import dev.triagedesk.evidence.TriagePath;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * One incident with its tickets (references, in the order their failures happened) and request IDs: what the staff
 * API answers for an incident, and the JSON of its exports.
 */
public record IncidentDetail(String reference, String title, String status, int ticketCount, Instant firstFailureAt,
                             Instant lastFailureAt, Instant openUntil, String assignee, String product,
                             String verdict, String host, String request, String outcome, String errorCode,
                             String signal, String fingerprint, List<String> tickets, long reporters,
                             Map<String, Long> verdicts, List<RequestIdItem> requestIds, long requestIdCount) {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** A request ID of one of the incident's tickets, with the time and status of the call it names when known. */
    public record RequestIdItem(String ticket, String name, String value, Instant at, Integer status) {
    }

    public static IncidentDetail of(IncidentOverview o, List<IncidentOverview.RequestSample> requestIds) {
        Incident i = o.incident();
        return new IncidentDetail(i.getReference(), i.getTitle(), lower(i.getStatus()), i.getTicketCount(),
                i.getFirstFailureAt(), i.getLastFailureAt(), i.getOpenUntil(),
                i.getAssignee() == null ? null : i.getAssignee().getUsername(), lower(i.getProduct()),
                verdict(i.getVerdictPath()), i.getHost(), i.getEndpoint(), i.getOutcome(), i.getErrorCode(),
                i.getSignalType() == null ? null : i.getSignalType().id(), i.getFingerprintText(),
                o.ticketReferences(), o.reporters(), o.verdicts(),
                requestIds.stream().map(r -> new RequestIdItem(r.ticketReference(), r.name(), r.value(), r.at(),
                        r.status())).toList(), o.requestIdCount());
    }

    /** As the staff API writes it (times in ISO-8601), indented for people. */
    public String json() {
        return JSON.writeValueAsString(this);
    }

    private static String verdict(TriagePath p) {
        return p == null ? null : p.id();
    }

    private static String lower(Enum<?> e) {
        return e == null ? null : e.name().toLowerCase(Locale.ROOT);
    }
}
