package dev.triagedesk.evidence.api;

import static dev.triagedesk.evidence.api.ApiTestSupport.analyze;
import static dev.triagedesk.evidence.api.ApiTestSupport.read;
import static dev.triagedesk.evidence.api.ApiTestSupport.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.triagedesk.evidence.Category;
import dev.triagedesk.evidence.RequestId;
import dev.triagedesk.evidence.Signal;
import dev.triagedesk.evidence.SignalType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reader on what people posted in public issue threads (src/test/resources/api-evidence/real, see SOURCES.md). */
class ApiRealSamplesTests {

    @Test
    void httpxLinesUnderAnAppsOwnPrefixAreOneRetriedCallAndAnother() {
        ApiLogAnalysis a = analyze(sample("real/langbot-httpx-retries.log"));

        assertThat(a.format()).isEqualTo("openai-python");
        assertThat(a.calls()).extracting(ApiCall::line, ApiCall::time, ApiCall::attempts, ApiCall::waitsSeconds,
                ApiCall::retryPattern).containsExactly(
                tuple(1, "2023-11-20 21:34:00.847", 3, List.of(0.915115, 1.881526), "backoff"),
                tuple(7, "2023-11-20 22:18:44.323", 1, List.of(), null));
        assertThat(a.calls()).allSatisfy(c -> {
            assertThat(c.status()).isEqualTo(429);
            assertThat(c.endpoint()).isEqualTo("https://api.openai.com/v1/chat/completions");
            assertThat(c.category()).isEqualTo(Category.SLOW_OR_CHECK_QUOTA);
        });
        assertThat(a.signals()).extracting(Signal::type).containsExactly(SignalType.SDK_RETRIES);
    }

    @Test
    void pythonRateLimitErrorLineIsAQuotaFailure() {
        for (String file : List.of("real/chatdev-rate-limit.txt", "real/openhands-litellm-traceback.txt")) {
            ApiLogAnalysis a = analyze(sample(file));
            assertThat(a.format()).as(file).isEqualTo("traceback");
            assertThat(a.calls()).as(file).singleElement().satisfies(c -> {
                assertThat(c.status()).isEqualTo(429);
                assertThat(c.error().type()).isEqualTo("insufficient_quota");
                assertThat(c.error().code()).isEqualTo("insufficient_quota");
                assertThat(c.error().param()).isNull();
                assertThat(c.error().message()).startsWith("You exceeded your current quota");
                assertThat(c.category()).isEqualTo(Category.SLOW_OR_CHECK_QUOTA);
            });
            assertThat(a.signals()).as(file).extracting(Signal::type, Signal::detail)
                    .containsExactly(tuple(SignalType.QUOTA_EXHAUSTED, "HTTP 429 insufficient_quota"));
        }
    }

    @Test
    void anSdkErrorClassWithoutStatusStandsForItsStatus() {
        ApiLogAnalysis a = analyze(sample("real/chatchat-internal-server-error.txt"));

        assertThat(a.calls()).extracting(ApiCall::line, ApiCall::status, ApiCall::category)
                .containsExactly(tuple(9, 500, Category.RETRY_LATER));
    }

    @Test
    void nodeRateLimitErrorsOfVersionFourAndFive() {
        ApiLogAnalysis v4 = analyze(sample("real/mindcraft-node-rate-limit.txt"));
        assertThat(v4.calls()).extracting(ApiCall::line, ApiCall::status).containsExactly(tuple(6, 429));
        assertThat(v4.calls().get(0).error().message()).startsWith("You exceeded your current quota");
        assertThat(v4.signals()).extracting(Signal::type).containsExactly(SignalType.QUOTA_EXHAUSTED);

        ApiLogAnalysis v5 = analyze(sample("real/autobe-node5-rate-limit.txt"));
        assertThat(v5.calls()).extracting(ApiCall::line, ApiCall::status).containsExactly(tuple(1, 429));
    }

    @Test
    void anErrorBodyPrintedBelowTheExceptionGivesTypeAndRequestId() {
        ApiLogAnalysis a = analyze(sample("real/f1r3fly-scala-server-error.txt"));

        assertThat(a.calls()).singleElement().satisfies(c -> {
            assertThat(c.line()).isEqualTo(2);
            assertThat(c.status()).isEqualTo(500);
            assertThat(c.error().type()).isEqualTo("server_error");
            assertThat(c.error().message()).startsWith("We were unable to process your prompt.");
            assertThat(c.requestIds()).extracting(RequestId::value).containsExactly("req_231cda38e61203d6ea571169113db6b8");
        });
        assertThat(a.requestIds()).extracting(RequestId::value).containsExactly("req_231cda38e61203d6ea571169113db6b8");
    }

    @Test
    void aCloudflareIssuedCertificateIsNoInterception() {
        ApiLogAnalysis a = analyze(sample("real/langchainjs-curl-tls-head.txt"));

        assertThat(a.format()).isEqualTo("curl");
        assertThat(a.signals()).isEmpty();
        // the same transcript with an issuer no public CA would be
        ApiLogAnalysis intercepted = analyze(read(sample("real/langchainjs-curl-tls-head.txt"))
                .replace("O=Cloudflare, Inc.; CN=Cloudflare Inc ECC CA-3", "O=Contoso Corp; CN=Contoso Inspection CA"));
        assertThat(intercepted.signals()).extracting(Signal::type, Signal::line)
                .containsExactly(tuple(SignalType.TLS_INTERCEPTION, 18));
    }
}
