package dev.triagedesk.evidence.har;

import static dev.triagedesk.evidence.Engines.analyze;
import static dev.triagedesk.evidence.Engines.entries;
import static dev.triagedesk.evidence.Engines.sanitize;
import static dev.triagedesk.evidence.Engines.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.triagedesk.evidence.Category;
import dev.triagedesk.evidence.Engines;
import dev.triagedesk.evidence.EvidenceException;
import dev.triagedesk.evidence.Failure;
import dev.triagedesk.evidence.HarAnalysis;
import dev.triagedesk.evidence.HarBuilder;
import dev.triagedesk.evidence.LeftoverSecretsException;
import dev.triagedesk.evidence.RequestId;
import dev.triagedesk.evidence.Secrets;
import dev.triagedesk.evidence.SignalType;
import dev.triagedesk.evidence.StreamError;
import dev.triagedesk.evidence.TriagePath;
import dev.triagedesk.evidence.redact.LeftoverScan;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class HarProcessorTests {

    @TempDir
    Path dir;

    private static final String RATE_LIMIT_BODY = "{\"error\":{\"message\":\"Rate limit reached for gpt-4.1 on requests per"
            + " min (RPM): Limit 500, Used 500, Requested 1.\",\"type\":\"requests\",\"param\":null,\"code\":\"rate_limit_exceeded\"}}";

    @Test
    void apiRateLimitBecomesAFailureWithErrorFieldsIdsAndVerdict() {
        String har = new HarBuilder()
                .entry("POST", "https://api.openai.com/v1/chat/completions", 429)
                .requestHeader("authorization", "Bearer " + Secrets.openAiKey(1))
                .requestHeader("x-client-request-id", "5b4f7c2e-1111-4222-8333-944455556666")
                .responseHeader("x-request-id", "req_0123456789abcdef0123456789abcdef")
                .responseHeader("x-ratelimit-remaining-requests", "0")
                .responseHeader("x-ratelimit-reset-requests", "120ms")
                .body("application/json", RATE_LIMIT_BODY).add()
                .entry("GET", "https://api.openai.com/v1/models", 200).body("application/json", "{\"data\":[]}").add()
                .json();
        HarAnalysis a = analyze(dir, har);
        assertThat(a.failures()).hasSize(1);
        Failure f = a.failures().get(0);
        assertThat(f.entry()).isZero();
        assertThat(f.status()).isEqualTo(429);
        assertThat(f.method()).isEqualTo("POST");
        assertThat(f.category()).isEqualTo(Category.SLOW_OR_CHECK_QUOTA);
        assertThat(f.error().code()).isEqualTo("rate_limit_exceeded");
        assertThat(f.error().type()).isEqualTo("requests");
        assertThat(f.error().message()).startsWith("Rate limit reached for gpt-4.1");
        assertThat(f.durationMs()).isEqualTo(120.5);
        assertThat(f.requestIds()).containsExactlyInAnyOrder(
                new RequestId("x-client-request-id", "5b4f7c2e-1111-4222-8333-944455556666"),
                new RequestId("x-request-id", "req_0123456789abcdef0123456789abcdef"));
        assertThat(a.signals()).extracting(s -> s.type()).containsExactly(SignalType.RATE_LIMIT_EXHAUSTED);
        assertThat(a.signals().get(0).detail()).contains("resets in 120ms");
        assertThat(a.summary().verdict().path()).isEqualTo(TriagePath.API_RATE_LIMIT);
        assertThat(a.summary().stats().apiCalls()).isEqualTo(2);
        assertThat(a.summary().stats().apiFailingPercent()).isEqualTo(50.0);
        assertThat(a.summary().stats().byStatus()).containsEntry("429", 1L).containsEntry("200", 1L);
    }

    @Test
    void exhaustedQuotaIsNotARateLimit() {
        String har = new HarBuilder().entry("POST", "https://api.openai.com/v1/responses", 429)
                .body("application/json", "{\"error\":{\"message\":\"You exceeded your current quota\",\"type\":"
                        + "\"insufficient_quota\",\"param\":null,\"code\":\"insufficient_quota\"}}").add().json();
        HarAnalysis a = analyze(dir, har);
        assertThat(a.summary().verdict().path()).isEqualTo(TriagePath.API_QUOTA);
        assertThat(a.signals()).extracting(s -> s.type()).contains(SignalType.QUOTA_EXHAUSTED);
    }

    @Test
    void requestIdsQuotedInErrorBodiesAreFound() {
        String har = new HarBuilder().entry("POST", "https://api.openai.com/v1/chat/completions", 500)
                .body("application/json", "{\"error\":{\"message\":\"The server had an error processing your request."
                        + " (Please include the request ID 8c1f3b6a2d4e5f60718293a4b5c6d7e8 in your message.)\","
                        + "\"type\":\"server_error\",\"param\":null,\"code\":null}}").add()
                .entry("GET", "https://chatgpt.com/backend-api/me", 403)
                .body("application/json", "{\"detail\":\"Unusual activity has been detected from your device. Try again"
                        + " later. (8830f9abcda18283-TPE)\"}").add().json();
        HarAnalysis a = analyze(dir, har);
        assertThat(a.failures().get(0).requestIds()).contains(new RequestId("body:request-id", "8c1f3b6a2d4e5f60718293a4b5c6d7e8"));
        assertThat(a.failures().get(0).category()).isEqualTo(Category.RETRY_LATER);
        assertThat(a.failures().get(1).requestIds()).contains(new RequestId("body:cf-ray", "8830f9abcda18283-TPE"));
        assertThat(a.failures().get(1).category()).isEqualTo(Category.NETWORK);
        assertThat(a.signals()).extracting(s -> s.type()).contains(SignalType.UNUSUAL_ACTIVITY);
    }

    @Test
    void errorsInsideSuccessfulEventStreamsAreStreamErrors() {
        String responsesApi = "event: response.created\ndata: {\"type\":\"response.created\",\"sequence_number\":0}\n\n"
                + "event: response.output_text.delta\ndata: {\"type\":\"response.output_text.delta\",\"delta\":\"Hi\",\"sequence_number\":1}\n\n"
                + "event: error\ndata: {\"type\":\"error\",\"code\":\"server_error\",\"message\":\"An error occurred while"
                + " processing your request. Please include the request ID req_abcdefabcdefabcdefabcdefabcdefab in your"
                + " message.\",\"param\":null,\"sequence_number\":2}\n\n";
        String failed = "data: {\"type\":\"response.failed\",\"sequence_number\":5,\"response\":{\"status\":\"failed\","
                + "\"error\":{\"code\":\"rate_limit_exceeded\",\"message\":\"slow down\"}}}\n\n";
        String chatgpt = "data: {\"message\":{\"content\":{\"parts\":[\"Hel\"]}}}\n\ndata: {\"error\": \"Something went"
                + " wrong while generating the response.\"}\n\ndata: [DONE]\n\n";
        String fine = "data: {\"message\":{\"content\":{\"parts\":[\"no errors here\"]}}}\n\ndata: [DONE]\n\n";
        String har = new HarBuilder()
                .entry("POST", "https://api.openai.com/v1/responses", 200).body("text/event-stream", responsesApi)
                .responseHeader("x-request-id", "req_1").add()
                .entry("POST", "https://api.openai.com/v1/responses", 200).body("text/event-stream; charset=utf-8", failed).add()
                .entry("POST", "https://chatgpt.com/backend-api/f/conversation", 200).body("text/event-stream", chatgpt).add()
                .entry("POST", "https://chatgpt.com/backend-api/f/conversation", 200).body("text/event-stream", fine).add()
                .json();
        HarAnalysis a = analyze(dir, har);
        assertThat(a.failures()).isEmpty();
        assertThat(a.streamErrors()).extracting(StreamError::entry).containsExactly(0, 1, 2);
        StreamError first = a.streamErrors().get(0);
        assertThat(first.event().type()).isEqualTo("error");
        assertThat(first.event().code()).isEqualTo("server_error");
        assertThat(first.event().sequenceNumber()).isEqualTo(2);
        assertThat(first.requestIds()).contains(new RequestId("body:request-id", "req_abcdefabcdefabcdefabcdefabcdefab"));
        assertThat(a.streamErrors().get(1).event().type()).isEqualTo("response.failed");
        assertThat(a.streamErrors().get(1).event().code()).isEqualTo("rate_limit_exceeded");
        assertThat(a.streamErrors().get(2).event().message()).contains("Something went wrong");
        assertThat(a.summary().stats().streamErrors()).isEqualTo(3);
    }

    @Test
    void cloudflareChallengeAndOriginErrors() {
        String har = new HarBuilder()
                .entry("GET", "https://chatgpt.com/backend-api/conversations", 403)
                .responseHeader("cf-mitigated", "challenge").responseHeader("server", "cloudflare")
                .responseHeader("cf-ray", "8a1b2c3d4e5f6a7b-FRA")
                .body("text/html", "<!DOCTYPE html><html><head><title>Just a moment...</title></head></html>").add()
                .json();
        HarAnalysis a = analyze(dir, har);
        assertThat(a.failures().get(0).category()).isEqualTo(Category.BROWSER);
        assertThat(a.signals()).extracting(s -> s.type()).containsExactly(SignalType.CLOUDFLARE_CHALLENGE);
        assertThat(a.summary().verdict().path()).isEqualTo(TriagePath.BROWSER_STATE);

        String origin = new HarBuilder()
                .entry("POST", "https://chatgpt.com/backend-api/f/conversation", 522).responseHeader("server", "cloudflare")
                .body("text/html", "<html><title>chatgpt.com | 522: Connection timed out</title></html>").add()
                .entry("POST", "https://chatgpt.com/backend-api/f/conversation", 522).responseHeader("server", "cloudflare").add()
                .json();
        HarAnalysis b = analyze(write(dir, "origin.har", origin));
        assertThat(b.signals()).extracting(s -> s.type()).containsOnly(SignalType.CLOUDFLARE_ORIGIN_ERROR);
        assertThat(b.failures().get(0).error().message()).isEqualTo("chatgpt.com | 522: Connection timed out");
        assertThat(b.summary().verdict().path()).isEqualTo(TriagePath.OUTAGE);
    }

    @Test
    void interceptionShowsAsNetworkPolicy() {
        String har = new HarBuilder()
                .entry("POST", "https://chatgpt.com/backend-api/sentinel/chat-requirements", 0)
                .netError("net::ERR_CERT_AUTHORITY_INVALID").add()
                .entry("GET", "https://chatgpt.com/backend-api/models", 403)
                .body("text/html", "<html><head><title>Website blocked</title></head><body>Zscaler has blocked this"
                        + " site per company policy</body></html>").add()
                .entry("POST", "https://events.statsigapi.net/v1/rgstr", 0).netError("net::ERR_BLOCKED_BY_CLIENT").add()
                .json();
        HarAnalysis a = analyze(dir, har);
        assertThat(a.failures()).extracting(Failure::category)
                .containsExactly(Category.NETWORK, Category.NETWORK, Category.BROWSER);
        assertThat(a.failures().get(0).netError()).isEqualTo("net::ERR_CERT_AUTHORITY_INVALID");
        assertThat(a.signals()).extracting(s -> s.type(), s -> s.entry()).containsExactly(
                org.assertj.core.groups.Tuple.tuple(SignalType.TLS_INTERCEPTION, 0),
                org.assertj.core.groups.Tuple.tuple(SignalType.TLS_INTERCEPTION, 1),
                org.assertj.core.groups.Tuple.tuple(SignalType.BLOCKED_BY_CLIENT, 2));
        assertThat(a.signals().get(1).detail()).contains("Zscaler");
        assertThat(a.signals().get(2).detail()).contains("harmless");
        assertThat(a.summary().verdict().path()).isEqualTo(TriagePath.NETWORK_POLICY);
        assertThat(a.summary().stats().netErrors()).containsEntry("net::ERR_CERT_AUTHORITY_INVALID", 1L);
    }

    @Test
    void base64BodiesAreDecodedForErrorsAndConversationLinksAreCollected() {
        String har = new HarBuilder().page("page_1", "https://chatgpt.com/c/6915a9bc-afa8-8327-9f3b-0123456789ab")
                .entry("GET", "https://chatgpt.com/backend-api/conversation/6915A9BC-AFA8-8327-9F3B-0123456789AB", 404)
                .base64Body("application/json", "{\"detail\":{\"message\":\"Conversation not found\",\"code\":\"conversation_not_found\"}}")
                .add().json();
        HarAnalysis a = analyze(dir, har);
        assertThat(a.failures().get(0).error().code()).isEqualTo("conversation_not_found");
        assertThat(a.failures().get(0).category()).isEqualTo(Category.CHECK_RESOURCE);
        assertThat(a.summary().conversationUrls()).containsExactly("https://chatgpt.com/c/6915a9bc-afa8-8327-9f3b-0123456789ab");
    }

    @Test
    void statusZeroMinusOneAndBrowserFailureFieldsAllCount() {
        String har = new HarBuilder()
                .entry("GET", "https://a.example/x", 0).add()
                .entry("GET", "https://a.example/y", -1).add()
                .entry("GET", "https://a.example/z", 200).netError("net::ERR_ABORTED").add()
                .entry("GET", "https://a.example/ok", 304).add()
                .json();
        HarAnalysis a = analyze(dir, har);
        assertThat(a.failures()).extracting(Failure::entry, Failure::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple(0, 0), org.assertj.core.groups.Tuple.tuple(1, -1),
                org.assertj.core.groups.Tuple.tuple(2, 200));
        assertThat(a.failures().get(2).category()).isEqualTo(Category.BROWSER);
        assertThat(a.summary().stats().failingPercent()).isEqualTo(75.0);
    }

    @Test
    void sanitizedCopyIsAValidHarWithTheSameEntriesAndNoSecrets() {
        String jwt = Secrets.jwt("erin");
        String key = Secrets.openAiKey(7);
        String session = Secrets.sessionToken(7);
        String har = new HarBuilder()
                .entry("POST", "https://user:pw1234@api.openai.com/v1/chat/completions?api_key=" + key, 401)
                .requestHeader("authorization", "Bearer " + key)
                .requestHeader("Cookie", "__Secure-next-auth.session-token=" + session)
                .cookie("__Secure-next-auth.session-token", session)
                .query("api_key", key)
                .postData("application/json", "{\"model\":\"gpt-4.1\",\"api_key\":\"" + key + "\"}")
                .responseHeader("x-request-id", "req_keepme")
                .base64Body("application/json", "{\"accessToken\":\"" + jwt + "\"}")
                .webSocketMessage("send", "{\"token\":\"" + session + "\"}")
                .add()
                .entry("GET", "https://chatgpt.com/api/auth/session", 200)
                .responseHeader("set-cookie", "__Secure-next-auth.session-token=" + session + "; Path=/; HttpOnly")
                .body("application/json", "{\"user\":{\"name\":\"Pat\"},\"accessToken\":\"" + jwt + "\"}").add()
                .json();
        String out = sanitize(write(dir, "s.har", har), false);
        assertThat(out).doesNotContain(jwt, key, session, "pw1234");
        assertThat(LeftoverScan.check(out)).isEmpty();
        var entries = entries(out);
        assertThat(entries).hasSize(2);
        JsonNode first = entries.get(0);
        assertThat(first.path("request").path("method").asString()).isEqualTo("POST");
        assertThat(first.path("request").path("url").asString())
                .startsWith("https://REDACTED-userinfo-").contains("@api.openai.com/v1/chat/completions?api_key=[REDACTED:api-key:");
        assertThat(first.path("response").path("status").asInt()).isEqualTo(401);
        assertThat(first.path("response").path("content").has("encoding")).as("a replaced body is no longer base64").isFalse();
        assertThat(first.path("response").path("content").path("text").asString()).startsWith("{\"accessToken\":\"[REDACTED:token:");
        assertThat(out).contains("req_keepme");
    }

    @Test
    void untouchedBinaryBodiesKeepTheirBase64() {
        String png = java.util.Base64.getEncoder().encodeToString(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, 3, (byte) 0xff});
        String har = new HarBuilder().entry("GET", "https://cdn.example/a.png", 200).add().json()
                .replace("\"mimeType\":\"application/json\"}", "\"mimeType\":\"image/png\",\"text\":\"" + png + "\",\"encoding\":\"base64\"}");
        JsonNode content = entries(sanitize(write(dir, "p.har", har), false)).get(0).path("response").path("content");
        assertThat(content.path("text").asString()).isEqualTo(png);
        assertThat(content.path("encoding").asString()).isEqualTo("base64");
    }

    /**
     * A hand-edited capture can declare a body base64 while it holds plain text: '=' inside it once let such text
     * pass the leftover scan's base64 check, and the structure walk never looked at it as text.
     */
    @Test
    void textDeclaredBase64IsRedactedAsTextWhetherReadFromAFileOrAnArchive() throws Exception {
        String session = Secrets.sessionToken(3).replaceAll("[^A-Za-z0-9]", "");
        String har = new HarBuilder().entry("GET", "https://cdn.example/a.png", 200).add().json()
                .replace("\"mimeType\":\"application/json\"}",
                        "\"mimeType\":\"image/png\",\"text\":\"sessionid=" + session + "\",\"encoding\":\"base64\"}");
        Path file = write(dir, "b.har", har);
        Path gz = dir.resolve("b.har.gz");
        try (var o = new java.util.zip.GZIPOutputStream(java.nio.file.Files.newOutputStream(gz))) {
            o.write(har.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        for (Path in : new Path[] {file, gz}) {
            for (boolean lenient : new boolean[] {false, true}) {
                String out = sanitize(in, lenient);
                assertThat(out).as("%s, lenient %s", in.getFileName(), lenient).doesNotContain(session)
                        .contains("sessionid=[REDACTED:session:");
                assertThat(LeftoverScan.check(out)).isEmpty();
            }
        }
    }

    @Test
    void brokenJsonIsAClearErrorAndLenientModeKeepsTheCompleteEntries() {
        String whole = new HarBuilder()
                .entry("GET", "https://a.example/1", 500).body("text/plain", "boom").add()
                .entry("GET", "https://a.example/2", 404).add()
                .entry("GET", "https://a.example/3", 200).add().json();
        String truncated = whole.substring(0, whole.indexOf("https://a.example/3") + 10);
        Path file = write(dir, "cut.har", truncated);
        assertThatThrownBy(() -> analyze(file)).isInstanceOf(EvidenceException.class)
                .hasMessageStartingWith("broken JSON at line 1, column ")
                .satisfies(e -> assertThat(((EvidenceException) e).column()).isGreaterThan(100));
        HarAnalysis lenient = Engines.engine().analyzeHar(Engines.single(file), HarReadMode.LENIENT, 100);
        assertThat(lenient.summary().partial()).isTrue();
        assertThat(lenient.summary().partialReason()).contains("2 complete entries");
        assertThat(lenient.failures()).extracting(Failure::status).containsExactly(500, 404);
        String out = sanitize(file, true);
        assertThat(entries(out)).hasSize(2);
    }

    @Test
    void aBodyLargerThanMemoryAllowsIsStreamedAndStillRedacted() {
        String jwt = Secrets.jwt("big");
        String filler = "{\"row\":\"" + "lorem ipsum, ".repeat(40) + "\"},";
        String big = "[" + filler.repeat(300) + "{\"accessToken\":\"" + jwt + "\"}," + filler.repeat(300) + "{}]";
        String har = new HarBuilder().entry("GET", "https://api.example/v1/dump", 200).body("application/json", big).add().json();
        Path file = write(dir, "big.har", har);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        HarProcessor small = new HarProcessor(Engines.engine().redactor(), HarFindings.NONE, new HarReadOptions(HarReadMode.STRICT, 4096));
        try (var in = java.nio.file.Files.newInputStream(file)) {
            var result = small.sanitize(in, out, false);
            assertThat(result.summary().notes()).anyMatch(n -> n.contains("redacted as text"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String text = out.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).doesNotContain(jwt);
        JsonNode body = entries(text).get(0).path("response").path("content").path("text");
        assertThat(body.asString()).hasSize(big.length() - jwt.length() + "[REDACTED:jwt:00000000]".length())
                .contains("[REDACTED:jwt:");
    }

    @Test
    void bodiesWithAnEscapeRightAfter1024Characters() {
        // jackson-core 3.1.5 failed here (readString buffer boundary, #1673); the pinned version must not
        String body = "x".repeat(1024) + "\n" + "é".repeat(3000) + "\"quoted\"";
        String har = new HarBuilder().entry("GET", "https://a.example/e", 500).body("text/plain", body).add().json();
        HarAnalysis a = analyze(dir, har);
        assertThat(a.failures().get(0).error().message()).isEqualTo("x".repeat(499) + "…");
        assertThat(entries(sanitize(write(dir, "e2.har", har), false)).get(0).path("response").path("content")
                .path("text").asString()).isEqualTo(body);
    }

    @Test
    void outputThatStillHoldsASecretIsRefused() {
        // the processor copies "method" as it is (it never holds secrets); a hostile file can still put one there
        String har = new HarBuilder().entry(Secrets.jwt("sneaky"), "https://a.example/", 200).add().json();
        Path file = write(dir, "sneaky.har", har);
        assertThatThrownBy(() -> sanitize(file, false)).isInstanceOf(LeftoverSecretsException.class)
                .hasMessageContaining("JWT");
    }

    @Test
    void theAnalysisItselfNeverCarriesASecret() {
        String jwt = Secrets.jwt("frank");
        String har = new HarBuilder()
                .entry("GET", "https://chatgpt.com/backend-api/me?access_token=" + jwt, 401)
                .body("application/json", "{\"detail\":{\"message\":\"Your authentication token has expired: " + jwt
                        + "\",\"code\":\"token_expired\"}}").add().json();
        HarAnalysis a = analyze(dir, har);
        String json = Engines.JSON.writeValueAsString(a);
        assertThat(json).doesNotContain(jwt);
        assertThat(LeftoverScan.check(json)).isEmpty();
        assertThat(a.failures().get(0).url()).contains("access_token=[REDACTED:token:");
        assertThat(a.signals()).extracting(s -> s.type()).contains(SignalType.SESSION_EXPIRED);
    }

    @Test
    void cookieFreeChromeExportsAreFlaggedAsAlreadySanitized() {
        String bare = new HarBuilder().entry("GET", "https://chatgpt.com/backend-api/me", 200).add().json();
        assertThat(analyze(dir, bare).summary().alreadySanitized()).isTrue();
        assertThat(analyze(dir, bare).summary().notes()).anyMatch(n -> n.contains("exported sanitized"));
        String withCookie = new HarBuilder().entry("GET", "https://chatgpt.com/backend-api/me", 200)
                .requestHeader("cookie", "a=b").add().json();
        assertThat(analyze(write(dir, "c.har", withCookie)).summary().alreadySanitized()).isFalse();
    }
}
