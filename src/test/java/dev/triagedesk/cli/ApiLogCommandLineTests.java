package dev.triagedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triagedesk.evidence.Engines;
import dev.triagedesk.evidence.EvidenceEngine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code analyze} and {@code sanitize} on API client evidence (SDK logs, tracebacks, curl transcripts). */
class ApiLogCommandLineTests {

    private static final Path SAMPLES = Path.of("src", "test", "resources", "api-evidence", "fixtures");

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        EvidenceEngine engine = EvidenceEngine.withDefaults(Engines.KEY);
        return new CommandLine(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), engine).dispatch(args);
    }

    @Test
    void analyzePrintsTheCallsOfAnSdkLogAsJson() {
        assertThat(run("analyze", SAMPLES.resolve("python-debug-old.log").toString())).isZero();

        String text = out.toString(StandardCharsets.UTF_8);
        JsonNode doc = Engines.tree(text);
        assertThat(doc.path("kind").asString()).isEqualTo("api-log");
        assertThat(doc.path("format").asString()).isEqualTo("openai-python");
        assertThat(doc.path("packaging").asString()).isEqualTo("plain");
        JsonNode call = doc.path("calls").get(0);
        assertThat(call.path("status").asInt()).isEqualTo(500);
        assertThat(call.path("attempts").asInt()).isEqualTo(3);
        assertThat(call.path("retryPattern").asString()).isEqualTo("backoff");
        assertThat(call.path("requestIds").get(0).path("value").asString()).isEqualTo("req_0a1b2c3d4e5f60718293a4b5c6d7e8f9");
        assertThat(doc.path("signals").get(0).path("type").asString()).isEqualTo("sdk_retries");
        assertThat(text).doesNotContain("PROMPT-SECRET-RECIPE").doesNotContain("sk-proj-FAKE").doesNotContain("sk-FAKE");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void analyzeOfALogMixingSdkAndAppLinesPrintsTheCallsAndTheConsoleFindings() {
        Path mixed = Path.of("src", "test", "resources", "console", "generic-mixed-timestamps.log");
        assertThat(run("analyze", mixed.toString())).isZero();

        JsonNode doc = Engines.tree(out.toString(StandardCharsets.UTF_8));
        assertThat(doc.path("kind").asString()).isEqualTo("api-log");
        assertThat(doc.path("calls").size()).isEqualTo(2);
        JsonNode console = doc.path("console");
        assertThat(console.path("format").asString()).isEqualTo("generic");
        assertThat(console.path("errors").get(1).path("netError").asString()).isEqualTo("net::ERR_NAME_NOT_RESOLVED");
        assertThat(console.path("signals").get(0).path("type").asString()).isEqualTo("dns_failure");
    }

    @Test
    void aGzippedCurlTranscriptIsReadToo() throws IOException {
        Path gz = dir.resolve("curl.txt.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
            o.write(Files.readAllBytes(SAMPLES.resolve("curl-v-intercepted.txt")));
        }
        assertThat(run("analyze", gz.toString())).isZero();

        JsonNode doc = Engines.tree(out.toString(StandardCharsets.UTF_8));
        assertThat(doc.path("format").asString()).isEqualTo("curl");
        assertThat(doc.path("packaging").asString()).isEqualTo("gzip");
        assertThat(doc.path("signals").get(0).path("type").asString()).isEqualTo("tls_interception");
    }

    @Test
    void sanitizeWritesTheLogWithoutItsKeysAndSaysWhatWentOnStderr() throws IOException {
        Path clean = dir.resolve("clean.log");
        assertThat(run("sanitize", SAMPLES.resolve("python-debug-old.log").toString(), clean.toString())).isZero();

        String copy = Files.readString(clean, StandardCharsets.UTF_8);
        assertThat(copy).doesNotContain("sk-proj-FAKE").doesNotContain("sk-FAKE")
                .contains("req_0a1b2c3d4e5f60718293a4b5c6d7e8f9");
        assertThat(copy.lines().count()).isEqualTo(Files.readString(SAMPLES.resolve("python-debug-old.log")).lines().count());
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("python-debug-old.log: API client log, 2 secret value(s) redacted")
                .doesNotContain("sk-");
    }
}
