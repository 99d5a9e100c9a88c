package dev.triagedesk.evidence.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triagedesk.evidence.Corpus;
import dev.triagedesk.evidence.EvidenceEngine;
import dev.triagedesk.evidence.input.EvidenceFormat;
import dev.triagedesk.evidence.redact.RedactionKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the engine's sniffing makes of API client evidence, and that HARs, console logs and JSON stay as they were. */
class ApiLogSniffingTests {

    private final EvidenceEngine engine = EvidenceEngine.withDefaults(RedactionKey.of("sniffing-tests-key-0123456789"));

    @Test
    void everySampleIsApiClientEvidence() throws IOException {
        try (Stream<Path> files = Stream.concat(Files.list(Path.of("src/test/resources/api-evidence/real")),
                Files.list(Path.of("src/test/resources/api-evidence/fixtures")))) {
            for (Path p : files.toList()) {
                assertThat(format(p)).as(p.toString()).isEqualTo(EvidenceFormat.API_LOG);
            }
        }
    }

    @Test
    void consoleLogsOfTheCorpusAndTheTestsStayConsoleLogs() throws IOException {
        List<Path> consoles = new java.util.ArrayList<>(Corpus.consoles());
        try (Stream<Path> own = Files.list(Path.of("src/test/resources/console"))) {
            consoles.addAll(own.toList());
        }
        assertThat(consoles).isNotEmpty();
        for (Path p : consoles) {
            if (p.endsWith(SDK_LINES_FIRST)) {
                continue;
            }
            assertThat(format(p)).as(p.toString()).isEqualTo(EvidenceFormat.CONSOLE);
        }
    }

    /** A log whose first lines are openai-python's (the console tests read it as a generic log, directly). */
    private static final String SDK_LINES_FIRST = "generic-mixed-timestamps.log";

    @Test
    void aLogThatOpensWithTheSdksOwnLinesIsAnApiLog() {
        Path p = Path.of("src/test/resources/console", SDK_LINES_FIRST);
        assertThat(format(p)).isEqualTo(EvidenceFormat.API_LOG);

        ApiLogAnalysis a = engine.analyzeApiLog(engine.open(p, SDK_LINES_FIRST).documents().get(0));
        assertThat(a.calls()).extracting(ApiCall::line, ApiCall::status).containsExactly(
                org.assertj.core.api.Assertions.tuple(1, 500), org.assertj.core.api.Assertions.tuple(9, 403));
        assertThat(a.calls().get(0).requestIds()).extracting(dev.triagedesk.evidence.RequestId::value)
                .containsExactly("req_1332ed8a813a4caaa2f0f3c55a6a68cb");
        assertThat(a.signals()).extracting(dev.triagedesk.evidence.Signal::type)
                .contains(dev.triagedesk.evidence.SignalType.REGION_UNSUPPORTED);
    }

    @Test
    void harsOfTheCorpusStayHars() {
        for (Path p : Corpus.hars()) {
            try {
                assertThat(format(p)).as(p.toString()).isIn(EvidenceFormat.HAR, EvidenceFormat.HAR_JSONP);
            } catch (dev.triagedesk.evidence.EvidenceException e) {
                // a fragment cut from a HAR is refused, as before, not taken as anything else
                assertThat(e.getMessage()).as(p.toString()).contains("HAR");
            }
        }
    }

    @Test
    void aBatchFileIsLeftToTheJsonReadersAndAnAppLogToTheConsoleReader(@TempDir Path dir) throws IOException {
        Path batch = dir.resolve("batch_output.jsonl");
        Files.writeString(batch, """
                {"id": "batch_req_123", "custom_id": "request-1", "response": {"status_code": 429, "request_id": "req_0a1b2c3d4e5f60718293a4b5c6d7e8f9", "body": {"error": {"message": "Rate limit reached", "type": "requests", "param": null, "code": "rate_limit_exceeded"}}}, "error": null}
                """, StandardCharsets.UTF_8);
        assertThat(format(batch)).isNotEqualTo(EvidenceFormat.API_LOG).isNotEqualTo(EvidenceFormat.CONSOLE);

        Path app = dir.resolve("app.log");
        Files.writeString(app, """
                2025-07-29 19:36:30,182 INFO server started
                2025-07-29 19:36:31,001 ERROR upstream answered status=502 for GET https://api.example.com/items x-request-id: abcdef0123456789
                """, StandardCharsets.UTF_8);
        assertThat(format(app)).isEqualTo(EvidenceFormat.CONSOLE);
    }

    @Test
    void aSingleMentionOfAnSdkWordDoesNotMakeALogAnApiLog() {
        assertThat(ApiLogAnalyzer.looksLikeApiLog("12:00:01 > POST /v1/chat/completions HTTP/1.1 was sent\n")).isFalse();
        assertThat(ApiLogAnalyzer.looksLikeApiLog("Traceback (most recent call last):\n  File \"x.py\", line 1\nKeyError: 'a'\n"))
                .isFalse();
        assertThat(ApiLogAnalyzer.looksLikeApiLog("")).isFalse();
    }

    private EvidenceFormat format(Path p) {
        return engine.open(p, p.getFileName().toString()).documents().get(0).format();
    }
}
