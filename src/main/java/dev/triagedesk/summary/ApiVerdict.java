package dev.triagedesk.summary;

import dev.triagedesk.evidence.Category;
import dev.triagedesk.evidence.ErrorDetail;
import dev.triagedesk.evidence.SignalType;
import dev.triagedesk.evidence.TriagePath;
import dev.triagedesk.evidence.Verdict;
import dev.triagedesk.evidence.triage.EvidenceTally;
import dev.triagedesk.evidence.triage.FailureClassifier;
import dev.triagedesk.evidence.triage.TriageRules;
import dev.triagedesk.statuspage.OfficialIncidents;
import dev.triagedesk.ticket.ApiContext;
import dev.triagedesk.ticket.StatusPageAnswer;
import dev.triagedesk.ticket.Ticket;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API path of {@link ReportVerdict}, after the playbook's API error table (section 3): a 429 told apart by its
 * code (rate limit or exhausted quota), 401/403 access, 400/422 the request, 5xx across retries the server, a
 * connection error the network. Whether retries with backoff helped decides the next step: the stop condition
 * "it stabilises" when they did, the evidence for support (not more retries) when they did not.
 */
final class ApiVerdict {

    /** Error codes a reporter may copy with the message, which tell a quota from a rate limit. */
    private static final Pattern QUOTED_CODE = Pattern.compile("\\b(insufficient_quota|rate_limit_exceeded"
            + "|billing_hard_limit_reached|billing_not_active|invalid_api_key|model_not_found"
            + "|context_length_exceeded|server_error)\\b");

    private ApiVerdict() {
    }

    static Verdict decide(Ticket t, EvidenceTally evidence) {
        return decide(t, evidence, null);
    }

    static Verdict decide(Ticket t, EvidenceTally evidence, OfficialIncidents.Coverage official) {
        return decide(t, evidence, official, ApiCalls.Facts.NONE);
    }

    /** As above, with what the client's own files show beyond single failures (retries, Batch outcomes, TLS). */
    static Verdict decide(Ticket t, EvidenceTally evidence, OfficialIncidents.Coverage official, ApiCalls.Facts facts) {
        ApiContext a = t.getApi();
        EvidenceTally answers = new EvidenceTally();
        StatusPageAnswer page = t.getStatusPage();
        boolean incident = ReportVerdict.statusPageIncident(t, official, answers);
        String message = ReportVerdict.lower(t.getSeenMessage());
        if (connectionError(message)) {
            answers.add(TriagePath.NETWORK_POLICY, 4, "The reporter sees a connection error: the client could not reach"
                    + " the API (network, proxy, DNS, firewall, TLS or a timeout).");
        }
        Integer seen = t.getSeenStatus();
        if (seen != null) {
            seenStatus(answers, seen, t.getSeenMessage());
        }
        boolean serverSide = seen != null && seen >= 500 || evidence.scores().getOrDefault(TriagePath.API_SERVER, 0) > 0;
        if (a.backoffDidNotHelp() && serverSide) {
            answers.add(TriagePath.API_SERVER, 2, "Retries with exponential backoff did not help: the failures persist"
                    + " across retries.");
        } else if (a.backoffHelped() && serverSide) {
            answers.add(TriagePath.API_SERVER, 1, "Retries with exponential backoff helped: the calls went through"
                    + " after retrying, so the failures were transient.");
        }
        Map<TriagePath, Integer> scores = ReportVerdict.sum(evidence, answers);
        TriagePath best = TriageRules.best(scores);
        List<String> reasons = new ArrayList<>();
        if (best == TriagePath.UNKNOWN) {
            if (!evidence.reasons(TriagePath.UNKNOWN).isEmpty()) {
                reasons.add(TriageRules.UNPLACED);
                evidence.reasons(TriagePath.UNKNOWN).stream().limit(6).forEach(r -> reasons.add("Seen: " + r));
            } else {
                reasons.add("No status code, error or failing call tells which API error this is.");
            }
        } else {
            List<String> all = new ArrayList<>(answers.reasons(best));
            all.addAll(evidence.reasons(best));
            reasons.addAll(all.subList(0, Math.min(8, all.size())));
            reasons.addAll(evidence.alsoSeen(best, 3));
        }
        if (!serverSide || best != TriagePath.API_SERVER) {
            if (a.backoffDidNotHelp()) {
                reasons.add("Retries with exponential backoff did not help.");
            } else if (a.backoffHelped()) {
                reasons.add("Retries with exponential backoff helped.");
            }
        }
        if ((best == TriagePath.API_SERVER || best == TriagePath.OUTAGE) && page == StatusPageAnswer.NO_INCIDENT) {
            reasons.add("The status page shows no incident: its availability figures are aggregates across tiers,"
                    + " models and error types, so the reporter's own telemetry is the source of truth.");
        } else if (best != TriagePath.OUTAGE && incident) {
            reasons.add("The status page shows an incident for this component, yet the evidence weighs more for this"
                    + " branch: check it first; if it fixes nothing, follow the incident.");
        }
        if (page == StatusPageAnswer.INCIDENT_OTHER_PRODUCT) {
            reasons.add(ReportVerdict.OTHER_PRODUCT);
        }
        return new Verdict(best, reasons, apiNextStep(a, best, facts));
    }

    /** What the status the reporter sees says, told apart as the API's error table does (429 by its code). */
    private static void seenStatus(EvidenceTally answers, int seen, String message) {
        ErrorDetail said = message == null ? null : new ErrorDetail(null, codeIn(message), message, null);
        Category category = FailureClassifier.classify(seen, null, said);
        String sees = "The reporter sees HTTP " + seen;
        switch (category) {
            case SLOW_OR_CHECK_QUOTA -> {
                if (FailureClassifier.isQuota(said)) {
                    answers.add(TriagePath.API_QUOTA, 4, sees + " with an exhausted quota: billing, not speed.");
                } else if (said != null && said.code() != null) {
                    answers.add(TriagePath.API_RATE_LIMIT, 3, sees + " " + said.code() + ": a rate limit.");
                } else {
                    answers.add(TriagePath.API_RATE_LIMIT, 2, sees + ": a rate limit, or an exhausted quota (the error"
                            + " code tells which: insufficient_quota is billing).");
                }
            }
            case FIX_ACCESS -> answers.add(TriagePath.API_ACCESS, 3, sees + ": the key, organization, project or"
                    + " region is not allowed.");
            case FIX_REQUEST, CHECK_RESOURCE -> answers.add(TriagePath.API_REQUEST, 3, sees + ": the request itself is"
                    + " refused.");
            case RETRY_LATER -> answers.add(TriagePath.API_SERVER, 3, sees + ".");
            case NETWORK -> answers.add(TriagePath.NETWORK_POLICY, 3, sees + ": a proxy answered.");
            default -> { }
        }
    }

    private static String apiNextStep(ApiContext a, TriagePath path, ApiCalls.Facts facts) {
        if (path == TriagePath.API_RATE_LIMIT && facts.has(SignalType.RETRIES_WITHOUT_BACKOFF)) {
            return "The client retries without waiting longer each time, and failed attempts still count against the"
                    + " per-minute limits, so the tight loop makes the 429s worse: add exponential backoff with jitter"
                    + " (honour retry-after and the x-ratelimit-reset headers), cap the retries and lower concurrency.";
        }
        if (path == TriagePath.API_SERVER && facts.has(SignalType.BATCH_EXPIRED)) {
            return "The Batch requests expired before the completion window ended: create a new batch of the expired"
                    + " requests (their custom_id values are in the error file), smaller or spread over time; if batches"
                    + " keep expiring, send support the batch ID, its time range and the share of requests that expired.";
        }
        if (path == TriagePath.API_REQUEST && facts.has(SignalType.BATCH_INVALID)) {
            return "The Batch input file failed validation, so none of its requests ran: fix the lines the Batch"
                    + " object's errors name (code, line, param), upload the file again and create a new batch.";
        }
        if (path == TriagePath.NETWORK_POLICY && facts.has(SignalType.TLS_INTERCEPTION)) {
            return "Something between the client and api.openai.com presents its own certificate (TLS interception):"
                    + " ask IT to exempt api.openai.com from TLS inspection, and compare a call with curl -v from a"
                    + " network without that proxy.";
        }
        if (path == TriagePath.API_SERVER && facts.has(SignalType.RETRIES_WITHOUT_BACKOFF)) {
            return "The client retries without waiting longer each time: add exponential backoff with jitter and a retry"
                    + " limit, and log the x-request-id of each failure; if the server errors persist with backoff, send"
                    + " support those IDs, the time range with time zone and the failing share.";
        }
        // the client's log shows the SDK already retrying with growing waits: the failures persisting is the answer
        // "backoff did not help"
        boolean retriedInLog = facts.has(SignalType.SDK_RETRIES) && !facts.has(SignalType.RETRIES_WITHOUT_BACKOFF)
                && a.getRetriedWithBackoff() == null;
        return switch (path) {
            case API_SERVER -> retriedInLog
                    ? "The SDK already retried with backoff and the failures persisted: send support the x-request-id"
                    + " values, the time range with time zone, the failing share, the model, endpoint and service tier;"
                    + " watch the status page for this component."
                    : a.backoffHelped()
                    ? "Backoff got the calls through, so the failures were transient: keep exponential backoff with"
                    + " jitter and a retry limit in the client, log the x-request-id of each failure, and write to"
                    + " support only if it returns."
                    : a.backoffDidNotHelp()
                    ? "Retrying more will not help: send support the x-request-id values, the time range with time"
                    + " zone, the failing share, the model, endpoint and service tier; watch the status page for this"
                    + " component."
                    : path.nextStep();
            case API_RATE_LIMIT -> a.backoffHelped()
                    ? "Backoff got the calls through: keep it, with jitter and a retry limit, and lower concurrency so"
                    + " the limit is met less often."
                    : a.backoffDidNotHelp()
                    ? "Backoff alone did not clear it: lower concurrency and tokens per request, read the"
                    + " x-ratelimit-remaining and reset headers, and check the project's limits; an insufficient_quota"
                    + " code means billing, not speed."
                    : path.nextStep();
            case OUTAGE -> "Confirm the incident for this component on the status page; until it is resolved keep"
                    + " exponential backoff with jitter and log the request IDs"
                    + (a.backoffDidNotHelp() ? " (retries will not get through before then)." : ".");
            case NETWORK_POLICY -> "The client could not reach the API: check the proxy, DNS, firewall and TLS"
                    + " inspection between it and api.openai.com (a call with curl from the same host tells), and ask"
                    + " IT to allowlist api.openai.com.";
            case UNKNOWN -> "Add the status code and the error body of a failing call with its x-request-id, or attach"
                    + " the client's log of the failing calls.";
            default -> path.nextStep();
        };
    }

    /** The SDK's and the runtime's words for a call that never reached the API. */
    private static boolean connectionError(String message) {
        return message.contains("connection error") || message.contains("apiconnectionerror")
                || message.contains("econnrefused") || message.contains("econnreset") || message.contains("enotfound")
                || message.contains("etimedout") || message.contains("timed out") || message.contains("getaddrinfo")
                || message.contains("certificate_verify_failed") || message.contains("apitimeouterror");
    }

    /** An OpenAI error code quoted in the message the reporter copied, or null. */
    private static String codeIn(String message) {
        Matcher m = QUOTED_CODE.matcher(message.toLowerCase(Locale.ROOT));
        return m.find() ? m.group(1) : null;
    }
}
