package dev.triagedesk.evidence.triage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triagedesk.evidence.ErrorDetail;
import dev.triagedesk.evidence.SignalType;
import dev.triagedesk.evidence.TriagePath;
import dev.triagedesk.evidence.Verdict;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The rule table of {@link TriageRules}: what one failure, stream error or signal weighs, by host. Only the product's
 * own hosts point to the outage; a third-party host's failure is seen ("unknown", weight 0) and weighs nothing.
 */
class TriageRulesTests {

    @ParameterizedTest(name = "{1} {2} {4} from {0} -> {5} {6}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "-", textBlock = """
            # url                                               | status | net error                     | type               | code                 | path           | weight
            # the web app's own hosts
            https://chatgpt.com/backend-api/conversation        | 500    | -                             | -                  | -                    | OUTAGE         | 4
            https://chatgpt.com/backend-api/conversation        | 503    | -                             | -                  | -                    | OUTAGE         | 4
            https://cdn.oaistatic.com/assets/app.js             | 502    | -                             | -                  | -                    | OUTAGE         | 4
            https://chatgpt.com/backend-api/me                  | 401    | -                             | -                  | token_expired        | WEB_ONLY       | 2
            https://chatgpt.com/backend-api/conversation        | 429    | -                             | -                  | -                    | WEB_ONLY       | 2
            https://chatgpt.com/backend-api/sentinel            | 0      | net::ERR_CERT_AUTHORITY_INVALID | -                | -                    | NETWORK_POLICY | 4
            https://chatgpt.com/backend-api/models              | 0      | net::ERR_BLOCKED_BY_CLIENT    | -                  | -                    | BROWSER_STATE  | 2
            https://chatgpt.com/backend-api/models              | 0      | -                             | -                  | -                    | NETWORK_POLICY | 1
            https://chatgpt.com/backend-api/models              | 0      | net::ERR_ABORTED              | -                  | -                    | UNKNOWN        | 0
            https://chatgpt.com/backend-api/files/x             | 404    | -                             | -                  | -                    | UNKNOWN        | 0
            # the API: 429 told apart by its code, 401/403 access, 400/422 request, 5xx server, no connection network
            https://api.openai.com/v1/responses                 | 429    | -                             | requests           | rate_limit_exceeded  | API_RATE_LIMIT | 4
            https://api.openai.com/v1/responses                 | 429    | -                             | insufficient_quota | insufficient_quota   | API_QUOTA      | 6
            https://api.openai.com/v1/responses                 | 429    | -                             | -                  | -                    | API_RATE_LIMIT | 4
            https://api.openai.com/v1/responses                 | 401    | -                             | -                  | invalid_api_key      | API_ACCESS     | 4
            https://api.openai.com/v1/responses                 | 403    | -                             | -                  | -                    | API_ACCESS     | 4
            https://api.openai.com/v1/responses                 | 400    | -                             | -                  | invalid_value        | API_REQUEST    | 4
            https://api.openai.com/v1/responses                 | 422    | -                             | -                  | -                    | API_REQUEST    | 4
            https://api.openai.com/v1/models/gpt-9              | 404    | -                             | -                  | model_not_found      | API_REQUEST    | 4
            https://api.openai.com/v1/responses                 | 500    | -                             | server_error       | -                    | API_SERVER     | 3
            https://api.openai.com/v1/responses                 | 503    | -                             | -                  | -                    | API_SERVER     | 3
            https://api.openai.com/v1/responses                 | 0      | net::ERR_CONNECTION_RESET     | -                  | -                    | NETWORK_POLICY | 3
            https://my-resource.openai.azure.com/openai/deployments/x | 500 | -                          | -                  | -                    | API_SERVER     | 3
            # hosts that are not the product's: never the vendor's outage
            https://eboispangcayxxheoufy.supabase.co/rest/v1/rpc/x | 500 | -                            | -                  | -                    | UNKNOWN        | 0
            https://http2bin.org/status/500                     | 500    | -                             | -                  | -                    | UNKNOWN        | 0
            https://api.example.com/v2/orders                   | 503    | -                             | -                  | -                    | UNKNOWN        | 0
            https://api.example.com/v2/orders                   | 401    | -                             | -                  | -                    | UNKNOWN        | 0
            https://api.example.com/v2/orders                   | 429    | -                             | -                  | -                    | UNKNOWN        | 0
            https://api.example.com/v2/orders                   | 0      | net::ERR_CERT_AUTHORITY_INVALID | -                | -                    | NETWORK_POLICY | 2
            https://api.example.com/v2/orders                   | 0      | -                             | -                  | -                    | UNKNOWN        | 0
            https://events.statsigapi.net/v1/rgstr              | 500    | -                             | -                  | -                    | UNKNOWN        | 0
            https://browser-intake-datadoghq.com/api/v2/rum     | 0      | net::ERR_BLOCKED_BY_CLIENT    | -                  | -                    | UNKNOWN        | 0
            """)
    void aFailureWeighsByItsHost(String url, int status, String netError, String type, String code, TriagePath path,
                                 int weight) {
        ErrorDetail error = type == null && code == null ? null : new ErrorDetail(type, code, null, null);
        EvidenceTally tally = new EvidenceTally();
        TriageRules.failure(tally, url, status, netError, error, FailureClassifier.classify(status, netError, error),
                "t.har entry", 0);

        assertThat(tally.isEmpty()).as("every failure is at least seen").isFalse();
        Map<TriagePath, Integer> scores = tally.scores();
        assertThat(scores.getOrDefault(path, 0)).isEqualTo(weight);
        assertThat(scores.entrySet()).filteredOn(e -> e.getKey() != path).allSatisfy(e -> assertThat(e.getValue()).isZero());
        assertThat(tally.reasons(path)).singleElement().asString().contains(Hosts.host(url));
    }

    @ParameterizedTest(name = "{0} on {1} -> {2} {3}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # signal                | url                                            | path           | weight
            TLS_INTERCEPTION        | https://chatgpt.com/backend-api/models         | NETWORK_POLICY | 5
            TLS_INTERCEPTION        | https://api.example.com/x                      | NETWORK_POLICY | 5
            PROXY_FAILURE           | -                                              | NETWORK_POLICY | 5
            DNS_FAILURE             | https://chatgpt.com/                           | NETWORK_POLICY | 4
            DNS_FAILURE             | https://api.example.com/x                      | UNKNOWN        | 0
            CONNECTION_FAILURE      | https://api.openai.com/v1/responses            | NETWORK_POLICY | 2
            BLOCKED_BY_POLICY       | https://chatgpt.com/                           | NETWORK_POLICY | 2
            OFFLINE                 | -                                              | NETWORK_POLICY | 2
            UNUSUAL_ACTIVITY        | https://chatgpt.com/backend-api/me             | NETWORK_POLICY | 4
            REGION_UNSUPPORTED      | https://chatgpt.com/backend-api/me             | NETWORK_POLICY | 4
            REGION_UNSUPPORTED      | https://api.openai.com/v1/responses            | API_ACCESS     | 4
            CLOUDFLARE_CHALLENGE    | https://chatgpt.com/backend-api/models         | BROWSER_STATE  | 5
            CLOUDFLARE_CHALLENGE    | https://shop.example.com/cart                  | UNKNOWN        | 0
            CLOUDFLARE_BLOCK        | https://chatgpt.com/                           | NETWORK_POLICY | 4
            CLOUDFLARE_BLOCK        | https://shop.example.com/                      | UNKNOWN        | 0
            BLOCKED_BY_CLIENT       | https://chatgpt.com/backend-api/models         | BROWSER_STATE  | 4
            BLOCKED_BY_CLIENT       | https://events.statsigapi.net/v1/rgstr         | UNKNOWN        | 0
            SESSION_EXPIRED         | https://chatgpt.com/backend-api/me             | BROWSER_STATE  | 4
            SESSION_EXPIRED         | https://api.openai.com/v1/responses            | API_ACCESS     | 4
            SESSION_EXPIRED         | -                                              | BROWSER_STATE  | 4
            SESSION_EXPIRED         | https://xyz.supabase.co/auth/v1/user           | UNKNOWN        | 0
            CORS_BLOCKED            | https://chatgpt.com/backend-api/models         | BROWSER_STATE  | 1
            CORS_BLOCKED            | https://api.example.com/x                      | UNKNOWN        | 0
            CLOUDFLARE_ORIGIN_ERROR | https://chatgpt.com/backend-api/conversation   | OUTAGE         | 4
            CLOUDFLARE_ORIGIN_ERROR | https://api.openai.com/v1/responses            | API_SERVER     | 4
            CLOUDFLARE_ORIGIN_ERROR | https://shop.example.com/                      | UNKNOWN        | 0
            CLOUDFLARE_ORIGIN_ERROR | -                                              | UNKNOWN        | 0
            QUOTA_EXHAUSTED         | https://api.openai.com/v1/responses            | API_QUOTA      | 3
            QUOTA_EXHAUSTED         | https://chatgpt.com/backend-api/conversation   | WEB_ONLY       | 3
            QUOTA_EXHAUSTED         | https://api.example.com/x                      | UNKNOWN        | 0
            RATE_LIMIT_EXHAUSTED    | https://api.openai.com/v1/responses            | API_RATE_LIMIT | 2
            RATE_LIMIT_EXHAUSTED    | https://api.github.com/repos                   | UNKNOWN        | 0
            SDK_RETRIES             | https://api.openai.com/v1/responses            | UNKNOWN        | 0
            """)
    void aSignalWeighsByItsHost(SignalType type, String url, TriagePath path, int weight) {
        EvidenceTally tally = new EvidenceTally();
        TriageRules.signal(tally, type, url, "detail", "t.har entry", 0);
        Map<TriagePath, Integer> scores = tally.scores();
        assertThat(scores.getOrDefault(path, 0)).isEqualTo(weight);
        assertThat(scores.entrySet()).filteredOn(e -> e.getKey() != path).allSatisfy(e -> assertThat(e.getValue()).isZero());
    }

    @ParameterizedTest(name = "{1} in a stream from {0} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            https://api.openai.com/v1/responses                | server_error         | API_SERVER
            https://api.openai.com/v1/responses                | rate_limit_exceeded  | API_RATE_LIMIT
            https://api.openai.com/v1/responses                | insufficient_quota   | API_QUOTA
            https://chatgpt.com/backend-api/f/conversation     | -                    | OUTAGE
            https://chatgpt.com/backend-api/f/conversation     | model_cap_exceeded   | WEB_ONLY
            https://chatgpt.com/backend-api/f/conversation     | rate_limit_exceeded  | WEB_ONLY
            https://llm.example.com/stream                     | server_error         | UNKNOWN
            https://llm.example.com/stream                     | rate_limit_exceeded  | UNKNOWN
            """)
    void aStreamErrorWeighsByItsHost(String url, String code, TriagePath path) {
        EvidenceTally tally = new EvidenceTally();
        TriageRules.streamError(tally, url, code, "t.har entry", 0);
        assertThat(TriageRules.decide(tally).path()).isEqualTo(path);
    }

    @Test
    void tiesGoToTheEarlierPathOfThePriority() {
        assertThat(TriageRules.best(Map.of(TriagePath.API_SERVER, 4, TriagePath.NETWORK_POLICY, 4)))
                .isEqualTo(TriagePath.NETWORK_POLICY);
        assertThat(TriageRules.best(Map.of(TriagePath.BROWSER_STATE, 4, TriagePath.OUTAGE, 4))).isEqualTo(TriagePath.OUTAGE);
        assertThat(TriageRules.best(Map.of(TriagePath.UNKNOWN, 0))).isEqualTo(TriagePath.UNKNOWN);
        assertThat(TriageRules.best(Map.of())).isEqualTo(TriagePath.UNKNOWN);
    }

    @Test
    void repeatsAddWeightWithDiminishingReturns() {
        EvidenceTally tally = new EvidenceTally();
        for (int i = 0; i < 40; i++) {
            TriageRules.failure(tally, "https://chatgpt.com/backend-api/conversation", 500, null, null,
                    FailureClassifier.classify(500, null, null), "t.har entry", i);
        }
        TriageRules.signal(tally, SignalType.TLS_INTERCEPTION, "https://chatgpt.com/", "Zscaler", "t.har entry", 41);
        TriageRules.signal(tally, SignalType.TLS_INTERCEPTION, "https://chatgpt.com/", "Zscaler", "t.har entry", 42);
        TriageRules.signal(tally, SignalType.TLS_INTERCEPTION, "https://chatgpt.com/", "Zscaler", "t.har entry", 43);
        TriageRules.signal(tally, SignalType.TLS_INTERCEPTION, "https://chatgpt.com/", "Zscaler", "t.har entry", 44);
        // forty identical 500s weigh as five (5 × 4): no more than four interception signals (4 × 5)
        assertThat(tally.scores()).containsEntry(TriagePath.OUTAGE, 20).containsEntry(TriagePath.NETWORK_POLICY, 20);
    }

    @Test
    void theVerdictOfAnEvidenceTallySaysWhatPointedThereAndWhatElseWasSeen() {
        EvidenceTally tally = new EvidenceTally();
        TriageRules.failure(tally, "https://api.openai.com/v1/responses", 429, null,
                new ErrorDetail("insufficient_quota", "insufficient_quota", null, null),
                FailureClassifier.classify(429, null, new ErrorDetail("insufficient_quota", "insufficient_quota", null, null)),
                "t.har entry", 3);
        TriageRules.failure(tally, "https://api.openai.com/v1/responses", 500, null, null,
                FailureClassifier.classify(500, null, null), "t.har entry", 4);
        Verdict v = TriageRules.decide(tally);
        assertThat(v.path()).isEqualTo(TriagePath.API_QUOTA);
        assertThat(v.reasons()).containsExactly("HTTP 429 insufficient_quota from api.openai.com (t.har entry 3)",
                "Also seen (api-server): HTTP 500 from api.openai.com (t.har entry 4)");
        assertThat(v.nextStep()).isEqualTo(TriagePath.API_QUOTA.nextStep());
    }

    @Test
    void failuresOnlyOfOtherSitesLeaveTheVerdictOpenAndSaySo() {
        EvidenceTally tally = new EvidenceTally();
        for (int i = 0; i < 3; i++) {
            TriageRules.failure(tally, "https://eboispangcayxxheoufy.supabase.co/rest/v1/rpc/get_all_users", 500, null,
                    null, FailureClassifier.classify(500, null, null), "t.har entry", i);
        }
        Verdict v = TriageRules.decide(tally);
        assertThat(v.path()).isEqualTo(TriagePath.UNKNOWN);
        assertThat(v.reasons()).containsExactly(TriageRules.UNPLACED, "Seen: 3× HTTP 500 from"
                + " eboispangcayxxheoufy.supabase.co (server error: not a host of ChatGPT or the OpenAI API, so not the"
                + " vendor's outage) (t.har entries 0, 1, 2)");
    }

    @Test
    void nothingFoundIsSaid() {
        assertThat(TriageRules.decide(new EvidenceTally()).reasons())
                .containsExactly("No failing requests or signals found in the evidence.");
    }
}
