package dev.triagedesk.summary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triagedesk.evidence.SignalType;
import dev.triagedesk.evidence.TriagePath;
import dev.triagedesk.evidence.Verdict;
import dev.triagedesk.ticket.ApiEvidenceRows;
import dev.triagedesk.ticket.Evidence;
import dev.triagedesk.ticket.Product;
import dev.triagedesk.ticket.Ticket;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * What an API report's own files weigh (SDK logs, curl transcripts, Batch files), branch by branch of the
 * playbook's API error table (section 3) and the matrix's row "API returns 500/503 across retries" (section 1): the
 * verdict names the calls with their attempts and request IDs, and the next step fits what the files show.
 */
class ApiEvidenceVerdictTests {

    private static final String CHAT = "https://api.openai.com/v1/chat/completions";
    private static final String AT = "2026-03-01T10:00:0%dZ";

    private final Ticket ticket = ticket();
    private final ApiEvidenceRows rows = new ApiEvidenceRows(ticket);
    private final Evidence log = rows.log("openai.log");

    @Test
    void anExhaustedQuotaIsBillingNotSpeed() {
        rows.call(log, 4, at(0), "POST", CHAT, 429, "insufficient_quota", "insufficient_quota", "req_q1");
        Verdict v = ReportVerdict.decide(rows.details());
        assertThat(v.path()).isEqualTo(TriagePath.API_QUOTA);
        assertThat(v.reasons()).anySatisfy(r -> assertThat(r)
                .startsWith("POST /v1/chat/completions answered HTTP 429 insufficient_quota (req_q1)"));
        assertThat(v.nextStep()).startsWith("Retrying will not help");
    }

    @Test
    void aRateLimitByItsCode() {
        rows.call(log, 4, at(0), "POST", CHAT, 429, "requests", "rate_limit_exceeded", "req_r1");
        assertThat(ReportVerdict.decide(rows.details()).path()).isEqualTo(TriagePath.API_RATE_LIMIT);
    }

    @Test
    void aRateLimitByItsHeadersAlone() {
        rows.signal(log, SignalType.RATE_LIMIT_EXHAUSTED, 7, "x-ratelimit-remaining-requests: 0");
        Verdict v = ReportVerdict.decide(rows.details());
        assertThat(v.path()).isEqualTo(TriagePath.API_RATE_LIMIT);
        assertThat(v.reasons()).anySatisfy(r -> assertThat(r).contains("Rate-limit headers show nothing remaining",
                "openai.log line 7"));
    }

    @Test
    void aQuotaSignalOfALogWithoutAddressesIsTheApisNotTheWebApps() {
        // the signal names no host: a client's log is about the API, so it is no web-only sign
        rows.signal(log, SignalType.QUOTA_EXHAUSTED, 3, "insufficient_quota");
        assertThat(ReportVerdict.decide(rows.details()).path()).isEqualTo(TriagePath.API_QUOTA);
    }

    @Test
    void serverErrorsPersistingOverSeveralAttemptsWeighMoreThanOne() {
        ApiEvidenceRows once = new ApiEvidenceRows(ticket());
        Evidence onceLog = once.log("once.log");
        once.call(onceLog, 4, at(0), "POST", CHAT, 500, "server_error", null, "req_a");
        int one = ReportVerdict.tally(once.details()).scores().get(TriagePath.API_SERVER);

        rows.call(log, 4, at(0), "POST", CHAT, 500, "server_error", null, "req_a");
        rows.call(log, 9, at(1), "POST", CHAT, 500, "server_error", null, "req_b");
        rows.call(log, 14, at(2), "POST", CHAT, 500, "server_error", null, "req_c");
        rows.signal(log, SignalType.SDK_RETRIES, 5, "2 retries, waits 0.42 s and 0.91 s");
        int three = ReportVerdict.tally(rows.details()).scores().get(TriagePath.API_SERVER);
        assertThat(three).isGreaterThan(3 * one);

        Verdict v = ReportVerdict.decide(rows.details());
        assertThat(v.path()).isEqualTo(TriagePath.API_SERVER);
        assertThat(v.reasons()).contains("The server errors persisted across 3 attempts of the same call.")
                .anySatisfy(r -> assertThat(r).startsWith(
                        "3 attempts of POST /v1/chat/completions answered HTTP 500 server_error (req_a, req_b, req_c)"));
        // the SDK already retried with backoff and it persisted: the evidence for support, not more retries
        assertThat(v.nextStep()).startsWith("The SDK already retried with backoff and the failures persisted");
    }

    @Test
    void retriesWithoutBackoffOnA429AskForBackoffWithJitter() {
        for (int i = 0; i < 4; i++) {
            rows.call(log, 4 + i, at(0), "POST", CHAT, 429, "requests", "rate_limit_exceeded", "req_t" + i);
        }
        rows.signal(log, SignalType.RETRIES_WITHOUT_BACKOFF, 5, "4 attempts, 0.0 s between them");
        Verdict v = ReportVerdict.decide(rows.details());
        assertThat(v.path()).isEqualTo(TriagePath.API_RATE_LIMIT);
        assertThat(v.reasons()).anySatisfy(r -> assertThat(r).startsWith("4 attempts of POST /v1/chat/completions"
                + " answered HTTP 429 rate_limit_exceeded (req_t0, req_t1, req_t2, …)"));
        assertThat(v.nextStep()).contains("makes the 429s worse", "exponential backoff with jitter");
    }

    @Test
    void serverErrorsRetriedInATightLoopAskForBackoffFirst() {
        rows.call(log, 4, at(0), "POST", CHAT, 503, "service_unavailable_error", "server_is_overloaded", "req_o1");
        rows.call(log, 5, at(0), "POST", CHAT, 503, "service_unavailable_error", "server_is_overloaded", "req_o2");
        rows.signal(log, SignalType.SDK_RETRIES, 5, "1 retry");
        rows.signal(log, SignalType.RETRIES_WITHOUT_BACKOFF, 5, "2 attempts, 0.0 s between them");
        Verdict v = ReportVerdict.decide(rows.details());
        assertThat(v.path()).isEqualTo(TriagePath.API_SERVER);
        // not "the SDK already retried with backoff": it did not back off
        assertThat(v.nextStep()).startsWith("The client retries without waiting longer each time: add exponential"
                + " backoff with jitter");
    }

    @Test
    void requestErrorsAreTheRequest() {
        rows.call(log, 4, at(0), "POST", CHAT, 400, "invalid_request_error", "context_length_exceeded", "req_x");
        assertThat(ReportVerdict.decide(rows.details()).path()).isEqualTo(TriagePath.API_REQUEST);
        ApiEvidenceRows unprocessable = new ApiEvidenceRows(ticket());
        unprocessable.call(unprocessable.log("b.log"), 2, at(0), "POST", CHAT, 422, null, null, null);
        assertThat(ReportVerdict.decide(unprocessable.details()).path()).isEqualTo(TriagePath.API_REQUEST);
    }

    @Test
    void authenticationAndPermissionAreAccess() {
        rows.call(log, 4, at(0), "POST", CHAT, 401, "invalid_request_error", "invalid_api_key", "req_k");
        assertThat(ReportVerdict.decide(rows.details()).path()).isEqualTo(TriagePath.API_ACCESS);
        ApiEvidenceRows forbidden = new ApiEvidenceRows(ticket());
        forbidden.call(forbidden.log("b.log"), 2, at(0), "POST", CHAT, 403, "request_forbidden",
                "unsupported_country_region_territory", null);
        assertThat(ReportVerdict.decide(forbidden.details()).path()).isEqualTo(TriagePath.API_ACCESS);
    }

    @Test
    void callsThatNeverReachedTheApiAreTheNetwork() {
        rows.noResponse(log, 4, at(0), "POST", CHAT, "APIConnectionError: Connection error.");
        rows.noResponse(log, 8, at(1), "POST", CHAT, "APIConnectionError: Connection error.");
        Verdict v = ReportVerdict.decide(rows.details());
        assertThat(v.path()).isEqualTo(TriagePath.NETWORK_POLICY);
        assertThat(v.reasons()).anySatisfy(r -> assertThat(r).startsWith("2 attempts of POST /v1/chat/completions got"
                + " no response (APIConnectionError: Connection error.)"));
        ApiEvidenceRows signalOnly = new ApiEvidenceRows(ticket());
        signalOnly.signal(signalOnly.log("c.log"), SignalType.DNS_FAILURE, 3, "getaddrinfo ENOTFOUND api.openai.com");
        assertThat(ReportVerdict.decide(signalOnly.details()).path()).isEqualTo(TriagePath.NETWORK_POLICY);
    }

    @Test
    void aCertificateOfAnotherIssuerIsInterception() {
        Evidence curl = rows.log("curl.txt");
        rows.call(curl, 20, at(0), "POST", CHAT, 503, null, null, null);
        rows.signal(curl, SignalType.TLS_INTERCEPTION, 9, "issuer: CN=Corp Proxy CA");
        Verdict v = ReportVerdict.decide(rows.details());
        assertThat(v.path()).isEqualTo(TriagePath.NETWORK_POLICY);
        assertThat(v.reasons()).anySatisfy(r -> assertThat(r).contains("CN=Corp Proxy CA", "curl.txt line 9"));
        assertThat(v.nextStep()).contains("TLS interception", "exempt api.openai.com from TLS inspection");
    }

    @Test
    void expiredBatchRequestsAreCapacity() {
        Evidence errors = rows.batch("batch_errors.jsonl");
        rows.signal(errors, SignalType.BATCH_EXPIRED, 1, "120 of 500 requests expired");
        Verdict v = ReportVerdict.decide(rows.details());
        assertThat(v.path()).isEqualTo(TriagePath.API_SERVER);
        assertThat(v.nextStep()).contains("expired before the completion window ended", "custom_id");
    }

    @Test
    void anInvalidBatchInputIsTheRequest() {
        Evidence object = rows.batch("batch.json");
        rows.signal(object, SignalType.BATCH_INVALID, 1, "invalid_json at line 3");
        Verdict v = ReportVerdict.decide(rows.details());
        assertThat(v.path()).isEqualTo(TriagePath.API_REQUEST);
        assertThat(v.nextStep()).contains("failed validation", "errors name (code, line, param)");
    }

    @Test
    void aBatchFilesFailedLinesAreCountedAsBatchRequests() {
        Evidence out = rows.batch("output.jsonl");
        rows.call(out, 2, null, "POST", "/v1/chat/completions", 429, "requests", "rate_limit_exceeded", "req_b1");
        rows.call(out, 5, null, "POST", "/v1/chat/completions", 429, "requests", "rate_limit_exceeded", "req_b2");
        Verdict v = ReportVerdict.decide(rows.details());
        assertThat(v.path()).isEqualTo(TriagePath.API_RATE_LIMIT);
        assertThat(v.reasons()).anySatisfy(r -> assertThat(r).startsWith("2 Batch requests to POST /v1/chat/completions"
                + " answered HTTP 429 rate_limit_exceeded (req_b1, req_b2)"));
    }

    @Test
    void aLogThatNamesOnlyThePathOrNothingIsStillAboutTheApi() {
        // the SDK's long-standing lines name the path relative to /v1; its newer metadata-only lines no address
        rows.call(log, 4, at(0), "POST", "/chat/completions", 500, null, null, "req_p");
        rows.call(log, 6, at(1), "POST", null, 503, null, null, "req_n");
        Verdict v = ReportVerdict.decide(rows.details());
        assertThat(v.path()).isEqualTo(TriagePath.API_SERVER);
        assertThat(v.reasons()).anySatisfy(r -> assertThat(r).startsWith("POST /v1/chat/completions answered HTTP 500"))
                .anySatisfy(r -> assertThat(r).startsWith("POST answered HTTP 503 (req_n)"));
    }

    @Test
    void theReportersAnswerStillDecidesAgainstOneLogLine() {
        // the answers and the evidence are weighed together: a 401 seen twice outweighs a single 500 in the log
        ticket.setSeenStatus(401);
        rows.call(log, 4, at(0), "POST", CHAT, 401, "invalid_request_error", "invalid_api_key", null);
        rows.call(log, 9, at(1), "POST", CHAT, 500, null, null, null);
        assertThat(ReportVerdict.decide(rows.details()).path()).isEqualTo(TriagePath.API_ACCESS);
    }

    private static String at(int second) {
        return String.format(AT, second);
    }

    private static Ticket ticket() {
        Ticket t = new Ticket("hash", Instant.parse("2026-03-01T12:00:00Z"));
        t.setProduct(Product.OPENAI_API);
        return t;
    }
}
