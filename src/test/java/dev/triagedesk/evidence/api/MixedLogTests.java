package dev.triagedesk.evidence.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.triagedesk.evidence.EvidenceEngine;
import dev.triagedesk.evidence.RequestId;
import dev.triagedesk.evidence.Signal;
import dev.triagedesk.evidence.SignalType;
import dev.triagedesk.evidence.console.ConsoleAnalysis;
import dev.triagedesk.evidence.console.ConsoleError;
import dev.triagedesk.evidence.input.EvidenceDocument;
import dev.triagedesk.evidence.input.EvidenceFormat;
import dev.triagedesk.evidence.redact.RedactionKey;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A log that opens with an SDK's lines and goes on with an application's or a browser's is read by both readers: the
 * API reader takes the SDK's lines (calls, retries, request IDs), the console reader the others (their errors,
 * {@code net::ERR_} codes and signals). A pure SDK log gets no console part.
 */
class MixedLogTests {

    private static final Path MIXED = Path.of("src/test/resources/console/generic-mixed-timestamps.log");

    private final EvidenceEngine engine = EvidenceEngine.withDefaults(RedactionKey.of("mixed-tests-key-0123456789"));

    private EvidenceDocument open(Path p) {
        return engine.open(p, p.getFileName().toString()).documents().get(0);
    }

    @Test
    void theSdkLinesGiveCallsAndTheOtherLinesGiveConsoleFindings() {
        EvidenceDocument doc = open(MIXED);
        assertThat(doc.format()).isEqualTo(EvidenceFormat.API_LOG);

        ApiLogAnalysis a = engine.analyzeApiLog(doc);

        assertThat(a.calls()).extracting(ApiCall::line, ApiCall::status).containsExactly(tuple(1, 500), tuple(9, 403));
        assertThat(a.calls().get(0).requestIds()).extracting(RequestId::value)
                .containsExactly("req_1332ed8a813a4caaa2f0f3c55a6a68cb");
        assertThat(a.signals()).extracting(Signal::type).contains(SignalType.REGION_UNSUPPORTED);

        ConsoleAnalysis console = a.console();
        assertThat(console).isNotNull();
        assertThat(console.format()).isEqualTo("generic");
        assertThat(console.lineCount()).isEqualTo(9);
        assertThat(console.errors()).extracting(ConsoleError::line, ConsoleError::time, ConsoleError::status,
                ConsoleError::url, ConsoleError::netError).containsExactly(
                tuple(4, "Jul 29 19:36:31", 502, "https://chatgpt.com/backend-api/conversation", null),
                tuple(5, "1753817792000", null, "https://ab.chatgpt.com/v1/rgstr", "net::ERR_NAME_NOT_RESOLVED"));
        assertThat(console.signals()).extracting(Signal::type).contains(SignalType.DNS_FAILURE);
        assertThat(console.found()).startsWith("a line-oriented log in a layout of its own");
        assertThat(ApiTestSupport.json(a)).contains("\"console\":{\"kind\":\"console\"", "net::ERR_NAME_NOT_RESOLVED");
    }

    @Test
    void aPureSdkLogTranscriptOrTracebackHasNoConsolePart() throws IOException {
        try (Stream<Path> files = Stream.concat(Files.list(Path.of("src/test/resources/api-evidence/real")),
                Files.list(Path.of("src/test/resources/api-evidence/fixtures")))) {
            for (Path p : files.toList()) {
                ApiLogAnalysis a = engine.analyzeApiLog(open(p));
                assertThat(a.console()).as(p.toString()).isNull();
                assertThat(ApiTestSupport.json(a)).as(p.toString()).doesNotContain("\"console\"");
            }
        }
    }

    @Test
    void theSentenceSaysWhenRetriesHammeredWithoutBackoff() {
        String sending = "[2025-03-01 09:00:01 - openai._base_client:979 - DEBUG] Sending HTTP Request: POST"
                + " https://api.openai.com/v1/chat/completions\n";
        String limited = "[2025-03-01 09:00:01 - openai._base_client:1018 - DEBUG] HTTP Response: POST"
                + " https://api.openai.com/v1/chat/completions \"429 Too Many Requests\" Headers({})\n";
        String retrying = "[2025-03-01 09:00:01 - openai._base_client:1060 - INFO] Retrying request to"
                + " /chat/completions in 0.050000 seconds\n";

        ApiLogAnalysis a = ApiTestSupport.analyze(sending + limited + retrying + sending + limited + retrying + sending
                + limited);

        assertThat(a.calls()).singleElement().extracting(ApiCall::retryPattern).isEqualTo("tight-loop");
        assertThat(a.found()).contains("1 failing call (1 retried, 1 without backoff)");
    }

    /** The routine app lines skip the console reader's patterns; a failure below error, even on a continuation, does not. */
    @Test
    void appLinesBelowErrorAreReportedWhenTheyStateAFailureAndOnlyThen(@TempDir Path dir) throws IOException {
        Path log = dir.resolve("worker.log");
        Files.writeString(log, """
                [2025-03-01 09:00:01 - openai._base_client:979 - DEBUG] Sending HTTP Request: POST https://api.openai.com/v1/chat/completions
                [2025-03-01 09:00:02 - openai._base_client:1018 - DEBUG] HTTP Response: POST https://api.openai.com/v1/chat/completions "200 OK" Headers({'x-request-id': 'req_0a1b2c3d4e5f60718293a4b5c6d7e8f9'})
                2025-03-01 09:00:03,120 INFO app.worker: processed batch 12 in 445 ms
                2025-03-01 09:00:03,500 INFO app.worker: calling the ranking service
                    it answered status=503 from https://rank.example.com/v1/score
                2025-03-01 09:00:04,000 WARNING app.worker: processed batch 13 in 120 ms
                2025-03-01 09:00:04,500 INFO app.worker: GET https://rank.example.com/v1/score 429
                """, StandardCharsets.UTF_8);

        ApiLogAnalysis a = engine.analyzeApiLog(open(log));

        assertThat(a.console().errors()).extracting(ConsoleError::line, ConsoleError::level, ConsoleError::status)
                .containsExactly(tuple(4, "warning", 503), tuple(7, "warning", 429));
    }

    @Test
    void lineNumbersOfTheConsolePartAreTheFilesOwn(@TempDir Path dir) throws IOException {
        Path log = dir.resolve("worker.log");
        Files.writeString(log, """
                [2025-03-01 09:00:01 - openai._base_client:979 - DEBUG] Sending HTTP Request: POST https://api.openai.com/v1/chat/completions
                [2025-03-01 09:00:02 - openai._base_client:1018 - DEBUG] HTTP Response: POST https://api.openai.com/v1/chat/completions "429 Too Many Requests" Headers({'x-request-id': 'req_0a1b2c3d4e5f60718293a4b5c6d7e8f9'})
                [2025-03-01 09:00:02 - openai._base_client:1026 - DEBUG] request_id: req_0a1b2c3d4e5f60718293a4b5c6d7e8f9
                2025-03-01 09:00:03,120 INFO app.worker: processed batch 12
                2025-03-01 09:00:04,500 ERROR app.web: GET https://chatgpt.com/backend-api/models failed: net::ERR_CONNECTION_RESET
                2025-03-01 09:00:05,000 INFO app.worker: processed batch 13
                """, StandardCharsets.UTF_8);

        ApiLogAnalysis a = engine.analyzeApiLog(open(log));

        assertThat(a.calls()).extracting(ApiCall::line, ApiCall::status).containsExactly(tuple(1, 429));
        assertThat(a.console().errors()).extracting(ConsoleError::line, ConsoleError::netError)
                .containsExactly(tuple(5, "net::ERR_CONNECTION_RESET"));
        assertThat(a.console().signals()).extracting(Signal::type, Signal::line)
                .contains(tuple(SignalType.CONNECTION_FAILURE, 5));
    }

    @Test
    void aByteOrderMarkAnAppLineFirstAndAnOverlongAppLineAreReadAsTheirOwn(@TempDir Path dir) throws IOException {
        Path log = dir.resolve("bom.log");
        Files.writeString(log, "\uFEFF2025-03-01 09:00:00,100 ERROR app.web: GET https://chatgpt.com/backend-api/me"
                + " failed: net::ERR_PROXY_CONNECTION_FAILED\n"
                + "[2025-03-01 09:00:01 - openai._base_client:979 - DEBUG] Sending HTTP Request: POST"
                + " https://api.openai.com/v1/chat/completions\n"
                + "[2025-03-01 09:00:02 - openai._base_client:1018 - DEBUG] HTTP Response: POST"
                + " https://api.openai.com/v1/chat/completions \"503 Service Unavailable\" Headers({})\n"
                + "2025-03-01 09:00:03,000 ERROR app.web: upstream answered status=502 " + "x".repeat(200_000) + "\n"
                + "2025-03-01 09:00:04,000 INFO app.worker: done\n", StandardCharsets.UTF_8);

        ApiLogAnalysis a = engine.analyzeApiLog(open(log));

        assertThat(a.lineCount()).isEqualTo(5);
        assertThat(a.calls()).extracting(ApiCall::line, ApiCall::status).containsExactly(tuple(2, 503));
        assertThat(a.console().lineCount()).isEqualTo(5);
        assertThat(a.console().errors()).extracting(ConsoleError::line, ConsoleError::status, ConsoleError::netError)
                .containsExactly(tuple(1, null, "net::ERR_PROXY_CONNECTION_FAILED"), tuple(4, 502, null));
        assertThat(a.console().errors().get(0).time()).isEqualTo("2025-03-01 09:00:00,100");
    }

    @Test
    void theSanitizedCopyOfAMixedLogKeepsEveryLineAndRedactsBothKinds(@TempDir Path dir) throws IOException {
        Path log = dir.resolve("mixed.log");
        String key = "sk-proj-" + "Qm9ndXNLZXlGb3JUZXN0aW5nT25seTAxMjM0NTY3ODk";
        Files.writeString(log, "2025-07-29 19:36:30,182 INFO openai._base_client: Sending HTTP Request: POST"
                + " https://api.openai.com/v1/chat/completions\n"
                + "2025-07-29 19:36:30,901 INFO httpx: HTTP Request: POST https://api.openai.com/v1/chat/completions"
                + " \"HTTP/1.1 500 Internal Server Error\"\n"
                + "Jul 29 19:36:31 build-host app[4242]: retry with api_key=" + key + " failed: status=502\n"
                + "1753817792000 ERROR fetch failed: net::ERR_NAME_NOT_RESOLVED for https://ab.chatgpt.com/v1/rgstr"
                + "?token=" + key + "\n", StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        engine.sanitizeApiLog(open(log), out);

        String copy = out.toString(StandardCharsets.UTF_8);
        assertThat(copy.lines()).hasSize(4);
        assertThat(copy).doesNotContain(key).contains("net::ERR_NAME_NOT_RESOLVED", "status=502");
        ApiLogAnalysis a = engine.analyzeApiLog(open(log));
        assertThat(ApiTestSupport.json(a)).doesNotContain(key);
        assertThat(a.console().errors()).extracting(ConsoleError::line).containsExactly(3, 4);
    }
}
