package dev.triagedesk.evidence.api;

import static dev.triagedesk.evidence.api.ApiTestSupport.analyze;
import static dev.triagedesk.evidence.api.ApiTestSupport.json;
import static dev.triagedesk.evidence.api.ApiTestSupport.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.triagedesk.evidence.Category;
import dev.triagedesk.evidence.RequestId;
import dev.triagedesk.evidence.Signal;
import dev.triagedesk.evidence.SignalType;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reader on samples written for one format each (src/test/resources/api-evidence/fixtures). */
class ApiLogAnalyzerTests {

    @Test
    void pythonDebugLogJoinsRetriesIntoOneCallWithWaitsHeadersAndTheFinalError() {
        ApiLogAnalysis a = analyze(sample("fixtures/python-debug-old.log"));

        assertThat(a.format()).isEqualTo("openai-python");
        assertThat(a.attempts()).isEqualTo(4);
        assertThat(a.failedAttempts()).isEqualTo(3);
        assertThat(a.calls()).hasSize(1);
        ApiCall c = a.calls().get(0);
        assertThat(c.line()).isEqualTo(1);
        assertThat(c.time()).isEqualTo("2024-05-01 10:00:00");
        assertThat(c.method()).isEqualTo("POST");
        assertThat(c.endpoint()).isEqualTo("https://api.openai.com/v1/chat/completions");
        assertThat(c.model()).isEqualTo("gpt-4o-mini");
        assertThat(c.status()).isEqualTo(500);
        assertThat(c.statusText()).isEqualTo("Internal Server Error");
        assertThat(c.statuses()).containsExactly(500, 500, 500);
        assertThat(c.attempts()).isEqualTo(3);
        assertThat(c.waitsSeconds()).containsExactly(0.421, 0.902);
        assertThat(c.retryPattern()).isEqualTo("backoff");
        assertThat(c.recovered()).isFalse();
        assertThat(c.category()).isEqualTo(Category.RETRY_LATER);
        assertThat(c.error().type()).isEqualTo("server_error");
        assertThat(c.error().code()).isNull();
        assertThat(c.error().message()).isEqualTo("The server had an error while processing your request. Sorry about that!");
        assertThat(c.processingMs()).isEqualTo(1002L);
        assertThat(c.rateLimit().remainingRequests()).isEqualTo("499");
        assertThat(c.requestIds()).extracting(RequestId::name, RequestId::value).containsExactly(
                tuple("x-request-id", "req_0a1b2c3d4e5f60718293a4b5c6d7e8f9"),
                tuple("cf-ray", "87d1a2b3c4d5e6f7-AMS"),
                tuple("x-request-id", "req_1b2c3d4e5f60718293a4b5c6d7e8f90a"),
                tuple("x-request-id", "req_2c3d4e5f60718293a4b5c6d7e8f90a1b"));
        // the successful embeddings call adds its ID after those of the failing call
        assertThat(a.requestIds()).extracting(RequestId::value).endsWith("req_3d4e5f60718293a4b5c6d7e8f90a1b2c");
        assertThat(a.signals()).extracting(Signal::type, Signal::detail).containsExactly(tuple(SignalType.SDK_RETRIES,
                "3 attempts; waits 0.42 s, 0.90 s: backoff https://api.openai.com/v1/chat/completions"));
        assertThat(a.found()).startsWith("openai-python log (long-standing form, URLs and headers) with timestamps:"
                + " 1 failing call");
    }

    @Test
    void promptTextOfRequestOptionsAndSecretsNeverReachTheFindings() {
        String out = json(analyze(sample("fixtures/python-debug-old.log")));

        assertThat(out).doesNotContain("PROMPT-SECRET-RECIPE").doesNotContain("diary")
                .doesNotContain("sk-proj-FAKE").doesNotContain("sk-FAKE").doesNotContain("Bearer");
    }

    @Test
    void pythonMetadataOnlyLogSeesATightLoopAndAConnectionFailureWithItsCause() {
        ApiLogAnalysis a = analyze(sample("fixtures/python-debug-new.log"));

        assertThat(a.found()).startsWith("openai-python log (metadata-only form)");
        assertThat(a.calls()).extracting(ApiCall::line, ApiCall::status, ApiCall::attempts, ApiCall::retryPattern,
                ApiCall::category).containsExactly(
                tuple(1, 429, 3, "tight-loop", Category.SLOW_OR_CHECK_QUOTA),
                tuple(23, null, 1, null, Category.NETWORK));
        ApiCall limited = a.calls().get(0);
        assertThat(limited.error().code()).isEqualTo("rate_limit_exceeded");
        assertThat(limited.waitsSeconds()).containsExactly(0.05, 0.05);
        assertThat(limited.requestIds()).extracting(RequestId::value).containsExactly(
                "req_aa00bb11cc22dd33ee44ff5566778899", "req_bb11cc22dd33ee44ff5566778899aa00",
                "req_cc22dd33ee44ff5566778899aa00bb11");
        assertThat(a.calls().get(1).netError())
                .isEqualTo("APIConnectionError: Connection error. (httpx.ConnectError: [Errno -2] Name or service not known)");
        assertThat(a.signals()).extracting(Signal::type).containsExactly(SignalType.SDK_RETRIES,
                SignalType.RETRIES_WITHOUT_BACKOFF, SignalType.DNS_FAILURE);
        assertThat(a.signals().get(1).detail()).isEqualTo("3 attempts; waits 0.05 s, 0.05 s: tight loop");
    }

    @Test
    void nodeLogFollowsRetryOfAcrossInterleavedCallsAndReadsTheErrorDump() {
        ApiLogAnalysis a = analyze(sample("fixtures/node-v5.log"));

        assertThat(a.format()).isEqualTo("openai-node");
        assertThat(a.attempts()).isEqualTo(8);
        assertThat(a.calls()).extracting(ApiCall::line, ApiCall::endpoint, ApiCall::status, ApiCall::statuses,
                ApiCall::recovered, ApiCall::category).containsExactly(
                tuple(1, "https://api.openai.com/v1/responses", 200, List.of(503, 503, 200), true, Category.RETRY_LATER),
                tuple(5, "https://api.openai.com/v1/chat/completions", 401, List.of(401), false, Category.FIX_ACCESS),
                tuple(22, null, null, List.of(0, 0, 0), false, Category.NETWORK));
        assertThat(a.calls().get(0).requestIds()).extracting(RequestId::value).containsExactly(
                "req_9f8e7d6c5b4a39281706f5e4d3c2b1a0", "req_8e7d6c5b4a39281706f5e4d3c2b1a09f",
                "req_7d6c5b4a39281706f5e4d3c2b1a09f8e");
        ApiCall auth = a.calls().get(1);
        assertThat(auth.durationMs()).isEqualTo(120.0);
        assertThat(auth.error().code()).isEqualTo("invalid_api_key");
        assertThat(auth.error().type()).isEqualTo("invalid_request_error");
        assertThat(auth.requestIds()).extracting(RequestId::name, RequestId::value)
                .containsExactly(tuple("x-request-id", "req_6c5b4a39281706f5e4d3c2b1a09f8e7d"));
        assertThat(a.calls().get(2).netError()).isEqualTo("connection timed out");
        assertThat(a.signals()).extracting(Signal::type).contains(SignalType.SDK_RETRIES, SignalType.CONNECTION_FAILURE);
    }

    @Test
    void nodeV4DebugLogReadsStatusesAndRateLimitHeadersOfEachAttempt() {
        ApiLogAnalysis a = analyze(sample("fixtures/node-v4.log"));

        assertThat(a.calls()).singleElement().satisfies(c -> {
            assertThat(c.attempts()).isEqualTo(3);
            assertThat(c.statuses()).containsExactly(429, 429, 429);
            assertThat(c.rateLimit().remainingTokens()).isEqualTo("0");
            assertThat(c.rateLimit().retryAfter()).isEqualTo("1");
            assertThat(c.requestIds()).hasSize(3);
        });
        assertThat(a.signals()).extracting(Signal::type).containsExactly(SignalType.SDK_RETRIES,
                SignalType.RATE_LIMIT_EXHAUSTED);
    }

    @Test
    void curlVerboseTranscriptReadsHeadersBodyAndProcessingTime() {
        ApiLogAnalysis a = analyze(sample("fixtures/curl-v-503.txt"));

        assertThat(a.format()).isEqualTo("curl");
        ApiCall c = a.calls().get(0);
        assertThat(c.method()).isEqualTo("POST");
        assertThat(c.endpoint()).isEqualTo("https://api.openai.com/v1/chat/completions");
        assertThat(c.status()).isEqualTo(503);
        assertThat(c.error().code()).isEqualTo("server_is_overloaded");
        assertThat(c.processingMs()).isEqualTo(30012L);
        assertThat(c.rateLimit()).isEqualTo(new ApiCall.RateLimit("10000", "9999", "6ms", "30000000", "0", "12ms", "20"));
        assertThat(c.requestIds()).extracting(RequestId::value)
                .containsExactly("req_5e6f708192a3b4c5d6e7f8091a2b3c4d", "87d1a2b3c4d5e6f7-FRA");
        // Google Trust Services is a public CA the service uses: no interception
        assertThat(a.signals()).extracting(Signal::type).containsExactly(SignalType.RATE_LIMIT_EXHAUSTED);
        assertThat(json(a)).doesNotContain("sk-proj-FAKE");
    }

    @Test
    void anIssuerThatIsNoPublicCaOnTheServicesHostIsTlsInterception() {
        ApiLogAnalysis a = analyze(sample("fixtures/curl-v-intercepted.txt"));

        assertThat(a.signals()).filteredOn(s -> s.type() == SignalType.TLS_INTERCEPTION).singleElement()
                .satisfies(s -> {
                    assertThat(s.line()).isEqualTo(7);
                    assertThat(s.detail()).contains("Zscaler inspects TLS").contains("api.openai.com");
                });
        assertThat(a.calls()).extracting(ApiCall::status, ApiCall::endpoint)
                .containsExactly(tuple(403, "https://api.openai.com/v1/models"));
    }

    @Test
    void curlIncludeTranscriptAndCurlsOwnErrors() {
        ApiLogAnalysis limited = analyze(sample("fixtures/curl-i-429.txt"));
        assertThat(limited.calls()).singleElement().satisfies(c -> {
            assertThat(c.status()).isEqualTo(429);
            assertThat(c.error().code()).isEqualTo("rate_limit_exceeded");
            assertThat(c.rateLimit().remainingRequests()).isEqualTo("0");
        });
        assertThat(limited.signals()).extracting(Signal::type, Signal::detail).containsExactly(
                tuple(SignalType.RATE_LIMIT_EXHAUSTED, "x-ratelimit-remaining-requests 0 (reset 20s)"));

        ApiLogAnalysis dns = analyze(sample("fixtures/curl-dns.txt"));
        assertThat(dns.format()).isEqualTo("curl");
        assertThat(dns.calls()).extracting(ApiCall::netError, ApiCall::category)
                .containsExactly(tuple("curl: (6) Could not resolve host: api.openai.com", Category.NETWORK));
        assertThat(dns.signals()).extracting(Signal::type).containsExactly(SignalType.DNS_FAILURE);
    }

    @Test
    void exceptionsOfJavaGoAndDotNetClients() {
        ApiLogAnalysis a = analyze(sample("fixtures/clients-exceptions.txt"));

        assertThat(a.calls()).extracting(ApiCall::line, ApiCall::status, c -> c.error().type(), c -> c.error().code(),
                c -> c.error().param(), ApiCall::category).containsExactly(
                tuple(1, 429, "insufficient_quota", "insufficient_quota", null, Category.SLOW_OR_CHECK_QUOTA),
                tuple(4, 400, "invalid_request_error", "invalid_value", "temperature", Category.FIX_REQUEST),
                tuple(5, 404, "invalid_request_error", "model_not_found", null, Category.CHECK_RESOURCE));
        assertThat(a.calls().get(1).endpoint()).isEqualTo("https://api.openai.com/v1/chat/completions");
        assertThat(a.signals()).extracting(Signal::type, Signal::detail)
                .containsExactly(tuple(SignalType.QUOTA_EXHAUSTED, "HTTP 429 insufficient_quota"));
    }

    @Test
    void aRetryLineWhoseWaitIsNoNumberIsReadOnWithTheWaitMeasured() {
        // "[\\d.]+" takes "1.2.3" and "."; the analysis failed on them with a NumberFormatException
        String log = """
                2024-05-01 10:00:00,000 INFO openai._base_client: HTTP Request: POST https://api.openai.com/v1/chat/completions "HTTP/1.1 429 Too Many Requests"
                2024-05-01 10:00:00,001 INFO openai._base_client: Retrying request to /chat/completions in 1.2.3 seconds
                2024-05-01 10:00:01,002 INFO openai._base_client: HTTP Request: POST https://api.openai.com/v1/chat/completions "HTTP/1.1 429 Too Many Requests"
                2024-05-01 10:00:01,003 INFO openai._base_client: Retrying request in . seconds
                2024-05-01 10:00:03,004 INFO openai._base_client: HTTP Request: POST https://api.openai.com/v1/chat/completions "HTTP/1.1 429 Too Many Requests"
                """;
        ApiLogAnalysis a = analyze(log);

        assertThat(a.calls()).singleElement().satisfies(c -> {
            assertThat(c.attempts()).isEqualTo(3);
            assertThat(c.waitsSeconds()).containsExactly(1.002, 2.002);
        });
    }

    @Test
    void curlsRetryWarningWithMoreSecondsThanAnIntHoldsIsReadOn() throws IOException {
        // "(\\d+)" took any number of digits into Integer.parseInt: the analysis failed with a NumberFormatException
        String transcript = Files.readString(sample("fixtures/curl-v-503.txt"))
                + "Warning: Problem : HTTP error. Will retry in 99999999999 seconds. 3 retries left.\n";
        ApiLogAnalysis a = analyze(transcript);

        assertThat(a.calls()).extracting(ApiCall::status).contains(503);
    }

    @Test
    void aCallThatRetriesWithoutGrowingWaitsIsNoBackoffAndRetryAfterIsFollowed() {
        String log = """
                2024-05-01 10:00:00,000 INFO openai._base_client: HTTP Request: POST https://api.openai.com/v1/chat/completions "HTTP/1.1 429 Too Many Requests"
                2024-05-01 10:00:00,001 INFO openai._base_client: Retrying request to /chat/completions in 1.000000 seconds
                2024-05-01 10:00:01,002 INFO openai._base_client: HTTP Request: POST https://api.openai.com/v1/chat/completions "HTTP/1.1 429 Too Many Requests"
                2024-05-01 10:00:01,003 INFO openai._base_client: Retrying request to /chat/completions in 1.000000 seconds
                2024-05-01 10:00:02,004 INFO openai._base_client: HTTP Request: POST https://api.openai.com/v1/chat/completions "HTTP/1.1 429 Too Many Requests"
                """;
        ApiLogAnalysis a = analyze(log);

        assertThat(a.calls()).singleElement().satisfies(c -> {
            assertThat(c.waitsSeconds()).containsExactly(1.0, 1.0);
            assertThat(c.retryPattern()).isEqualTo("no-backoff");
        });
        assertThat(a.signals()).extracting(Signal::type).containsExactly(SignalType.SDK_RETRIES,
                SignalType.RETRIES_WITHOUT_BACKOFF);

        ApiLogAnalysis followed = analyze(log.replace("\"HTTP/1.1 429 Too Many Requests\"\n",
                "\"HTTP/1.1 429 Too Many Requests\"\nDEBUG openai._base_client: HTTP Response: POST "
                        + "https://api.openai.com/v1/chat/completions \"429 Too Many Requests\" Headers({'retry-after': '1'})\n"));
        assertThat(followed.calls()).singleElement().extracting(ApiCall::retryPattern, ApiCall::attempts)
                .containsExactly("retry-after", 3);
        assertThat(followed.signals()).extracting(Signal::type).containsExactly(SignalType.SDK_RETRIES);
    }

    @Test
    void waitsComeFromTimestampsWhenTheSdkDoesNotStateThem() {
        String log = """
                2024-05-01T10:00:00.000Z [log_aaaaaa] POST https://api.openai.com/v1/chat/completions failed with status 500 in 10ms - retrying, 2 attempts remaining
                2024-05-01T10:00:00.040Z [log_bbbbbb, retryOf: log_aaaaaa] POST https://api.openai.com/v1/chat/completions failed with status 500 in 10ms - retrying, 1 attempts remaining
                2024-05-01T10:00:00.080Z [log_cccccc, retryOf: log_aaaaaa] POST https://api.openai.com/v1/chat/completions failed with status 500 in 10ms - error; no more retries left
                """;
        ApiLogAnalysis a = analyze(log);

        assertThat(a.calls()).singleElement().satisfies(c -> {
            assertThat(c.waitsSeconds()).containsExactly(0.04, 0.04);
            assertThat(c.retryPattern()).isEqualTo("tight-loop");
            assertThat(c.time()).isEqualTo("2024-05-01T10:00:00.000Z");
        });
    }

    @Test
    void findingsAreCappedAndTheRestCounted() {
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            log.append("HTTP Request: POST https://api.openai.com/v1/chat/completions \"HTTP/1.1 500 Internal Server Error\"\n");
        }
        ApiLogAnalysis a = new ApiLogAnalyzer(ApiTestSupport.redactor(), 10).analyze(new java.io.StringReader(log.toString()));

        assertThat(a.calls()).hasSize(10);
        assertThat(a.callsOmitted()).isEqualTo(20);
        assertThat(a.attempts()).isEqualTo(30);
        assertThat(a.found()).contains("30 failing calls");
    }

    /** Header names are case-insensitive: dumps whose only names of interest are in capitals are read all the same. */
    @Test
    void headerNamesInCapitalsGiveTheFindingsOfTheirLowerCaseTwin() {
        String log = ApiTestSupport.read(sample("fixtures/python-debug-old.log"));
        String capitals = log.replace("'x-request-id'", "'X-Request-ID'")
                .replace("'openai-processing-ms'", "'OpenAI-Processing-MS'");
        assertThat(capitals).isNotEqualTo(log);

        assertThat(json(analyze(capitals))).isEqualTo(json(analyze(log)));
    }

    @Test
    void emptyAndUnrelatedTextGiveNoCalls() {
        assertThat(analyze("").calls()).isEmpty();
        assertThat(analyze("").found()).isNull();
        ApiLogAnalysis a = analyze("just a line\nanother one\n");
        assertThat(a.calls()).isEmpty();
        assertThat(a.lineCount()).isEqualTo(2);
    }
}
