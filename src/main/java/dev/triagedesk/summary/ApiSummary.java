package dev.triagedesk.summary;

import dev.triagedesk.evidence.SignalType;
import dev.triagedesk.evidence.redact.Redactor;
import dev.triagedesk.ticket.ApiContext;
import dev.triagedesk.ticket.FailingRequest;
import dev.triagedesk.ticket.FindingSignal;
import dev.triagedesk.ticket.RequestIdentifier;
import dev.triagedesk.ticket.Ticket;
import dev.triagedesk.ticket.TicketDetails;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The sections of the support note that an API ticket has instead of the browser's: what the vendor's support asks
 * for to find API calls, in the order it looks them up. First the request IDs, each with its time (UTC and the
 * reporter's zone) and status; then the call (endpoint, model, SDK, how the calls are made, tier, organization and
 * project), the failing share, how the client retried, the rate-limit headers seen and the error codes. Prompt and
 * completion text that a debug log may quote never reaches the note.
 */
final class ApiSummary {

    /** Request IDs listed with their call; the rest are counted (every one is in the JSON export). */
    static final int IDS_LISTED = 25;
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    /**
     * A prompt or completion quoted in a log line, as JSON or as the Python SDK's dict: the value of such a key, up to
     * the end of the line when it is a list or an object.
     */
    private static final Pattern PROMPT_TEXT = Pattern.compile("(?i)(['\"]?\\b(?:content|messages|prompt|input"
            + "|instructions|completion|output_text)\\b['\"]?\\s*[:=]\\s*)(?:[\\[{].*|'(?:[^'\\\\]|\\\\.)*'?"
            + "|\"(?:[^\"\\\\]|\\\\.)*\"?)");
    static final String PROMPT_LEFT_OUT = "[prompt or completion text left out]";

    private ApiSummary() {
    }

    /** "Request IDs" first: each ID with its time, its call and what it answered. */
    static void requestIds(SummaryWriter w, TicketDetails d) {
        Ticket t = d.ticket();
        ZoneId zone = zone(t.getTimeZone());
        Map<Object, FailingRequest> byKey = new LinkedHashMap<>();
        for (FailingRequest f : d.failures()) {
            byKey.put(ApiCalls.key(f), f);
        }
        List<List<Phrase>> rows = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        int more = 0;
        for (RequestIdentifier id : d.identifiers()) {
            if (RequestIdentifier.CONVERSATION.equals(id.getName()) || !seen.add(id.getValue())) {
                continue;
            }
            if (rows.size() >= IDS_LISTED) {
                more++;
                continue;
            }
            FailingRequest f = id.getFailingRequest() == null ? null : byKey.get(ApiCalls.key(id.getFailingRequest()));
            if (f == null && id.getFailingRequest() != null) {
                f = id.getFailingRequest();
            }
            rows.add(row(id, f, zone));
        }
        for (String typed : typedIds(t.getApi().getRequestIds())) {
            if (!seen.add(typed)) {
                continue;
            }
            if (rows.size() >= IDS_LISTED) {
                more++;
                continue;
            }
            rows.add(List.of(Phrase.literal(typed), Phrase.of(""), Phrase.of(""), Phrase.of("given by the reporter"),
                    Phrase.of(""), Phrase.of("")));
        }
        w.heading("Request IDs");
        String typed = t.getApi().getRequestIds();
        if (typed != null && typed.contains(Redactor.MARKER_PREFIX)) {
            w.paragraph("A secret typed among the request IDs was removed: it is no request ID.");
        }
        if (rows.isEmpty()) {
            w.paragraph("None yet: support finds API calls by their x-request-id (the SDK's errors and debug log show it"
                    + " as request_id).");
            return;
        }
        w.table(List.of("Request ID", "Time (UTC)", "Time (" + (zone == null ? "reporter's zone not given"
                : zone.getId()) + ")", "Call", "Status", "Error"), rows);
        if (more > 0) {
            w.paragraph("… and " + SupportSummary.count(more, "more request ID") + " (every one in the JSON export).");
        }
    }

    private static List<Phrase> row(RequestIdentifier id, FailingRequest f, ZoneId zone) {
        Instant at = f == null ? null : ApiCalls.instant(f.getStartedAt());
        // a log's time without its offset is the logging machine's clock, in a zone not known: said as logged
        String utc = at == null ? (f == null || f.getStartedAt() == null ? "" : "as logged: " + f.getStartedAt())
                : SECONDS.format(at.atZone(ZoneOffset.UTC));
        String local = at == null || zone == null ? "" : SECONDS.format(at.atZone(zone));
        String name = RequestIdentifier.REPORTED.equals(id.getName()) ? "given by the reporter" : null;
        Phrase call = f == null ? Phrase.of(name == null ? "" : name) : Phrase.literal(ApiCalls.call(f));
        String status = f == null ? "" : f.getStatus() > 0 ? String.valueOf(f.getStatus())
                : f.getNetError() != null ? f.getNetError() : "no response";
        String error = f == null ? "" : f.getErrorCode() != null ? f.getErrorCode()
                : f.getErrorType() != null ? f.getErrorType() : "";
        return List.of(Phrase.literal(id.getValue()), Phrase.of(utc), Phrase.of(local), call, Phrase.of(status),
                Phrase.of(error));
    }

    /** "API details": the call, the share, the retries, the rate-limit headers and the error codes. */
    static void details(SummaryWriter w, TicketDetails d) {
        ApiContext a = d.ticket().getApi();
        w.heading("API details");
        w.fact("Endpoint", Phrase.literal(a.getEndpoint()));
        w.fact("Model", Phrase.literal(a.getModel()));
        w.fact("SDK", Phrase.literal(a.getSdk()));
        w.fact("Calls", a.getCallMode() == null ? null : a.getCallMode().label());
        w.fact("Service tier", a.getServiceTier());
        w.fact("Organization", Phrase.literal(a.getOrgId()));
        w.fact("Project", Phrase.literal(a.getProjectId()));
        w.fact("Failing share (reporter's estimate)", a.getFailingPercent() == null ? null : a.getFailingPercent() + "%");
        w.fact("Retries", retries(a, d.signals()));
        w.fact("Rate-limit headers", signals(d.signals(), SignalType.RATE_LIMIT_EXHAUSTED, SignalType.QUOTA_EXHAUSTED));
        w.fact("Error codes", errorCodes(d.failures()));
        w.fact("Batch", signals(d.signals(), SignalType.BATCH_EXPIRED, SignalType.BATCH_INVALID));
        w.fact("Connection", signals(d.signals(), SignalType.TLS_INTERCEPTION, SignalType.CONNECTION_FAILURE,
                SignalType.DNS_FAILURE, SignalType.PROXY_FAILURE));
        w.gap();
    }

    /** The reporter's answer and what the client's log shows of its retries. */
    private static String retries(ApiContext a, List<FindingSignal> signals) {
        List<String> parts = new ArrayList<>();
        if (a.getRetriedWithBackoff() != null) {
            parts.add(a.backoffHelped() ? "retried with backoff, and it helped (reporter)"
                    : a.getRetriedWithBackoff() ? "retried with backoff, still failing (reporter)"
                    : "not retried with backoff (reporter)");
        }
        String log = signals(signals, SignalType.SDK_RETRIES, SignalType.RETRIES_WITHOUT_BACKOFF);
        if (log != null) {
            parts.add(log);
        }
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    /** The signals of these types, each said once with how often it was seen. */
    private static String signals(List<FindingSignal> signals, SignalType... types) {
        List<SignalType> wanted = Arrays.asList(types);
        Map<String, Integer> said = new LinkedHashMap<>();
        for (FindingSignal s : signals) {
            if (wanted.contains(s.getType())) {
                said.merge(s.getType().label() + (s.getDetail() == null ? "" : ": " + withoutPrompt(s.getDetail())),
                        1, Integer::sum);
            }
        }
        if (said.isEmpty()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        said.entrySet().stream().limit(4).forEach(e -> parts.add((e.getValue() > 1 ? e.getValue() + "× " : "")
                + e.getKey()));
        return String.join("; ", parts) + (said.size() > 4 ? "; …" : "");
    }

    /** "rate_limit_exceeded (12), server_error (3)": the error codes of the failing calls, most frequent first. */
    static String errorCodes(List<FailingRequest> failures) {
        Map<String, Integer> codes = new LinkedHashMap<>();
        for (FailingRequest f : failures) {
            String code = f.getErrorCode() != null ? f.getErrorCode() : f.getErrorType();
            if (code != null && ApiCalls.isApiCall(f)) {
                codes.merge(code, 1, Integer::sum);
            }
        }
        if (codes.isEmpty()) {
            return null;
        }
        return String.join(", ", codes.entrySet().stream()
                .sorted((x, y) -> Integer.compare(y.getValue(), x.getValue())).limit(8)
                .map(e -> e.getKey() + " (" + e.getValue() + ")").toList());
    }

    /** Text from a client's log without the prompt or completion it may quote. */
    static String withoutPrompt(String text) {
        return text == null ? null : PROMPT_TEXT.matcher(text).replaceAll(m -> java.util.regex.Matcher
                .quoteReplacement(m.group(1) + PROMPT_LEFT_OUT));
    }

    private static List<String> typedIds(String typed) {
        if (typed == null) {
            return List.of();
        }
        // a secret typed there was redacted: its marker is no request ID
        return Arrays.stream(typed.trim().split("[\\s,;]+"))
                .filter(id -> !id.isEmpty() && !id.contains(Redactor.MARKER_PREFIX)).toList();
    }

    private static ZoneId zone(String id) {
        if (id == null) {
            return null;
        }
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
