package dev.triagedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triagedesk.evidence.Engines;
import dev.triagedesk.evidence.EvidenceEngine;
import dev.triagedesk.evidence.Secrets;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code analyze} and {@code sanitize} of Batch API files. */
class BatchCommandLineTests {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        EvidenceEngine engine = EvidenceEngine.withDefaults(Engines.KEY);
        return new CommandLine(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), engine).dispatch(args);
    }

    private static Path sample(String name) throws URISyntaxException {
        return Path.of(BatchCommandLineTests.class.getResource("/batch/" + name).toURI());
    }

    @Test
    void analyzePrintsTheCountsAndTheFailingLines() throws Exception {
        assertThat(run("analyze", sample("guide-expired-errors.jsonl").toString(),
                sample("failed-validation.json").toString())).isZero();

        JsonNode docs = Engines.tree(out.toString(StandardCharsets.UTF_8));
        JsonNode errors = docs.get(0);
        assertThat(errors.path("kind").asString()).isEqualTo("batch");
        assertThat(errors.path("format").asString()).isEqualTo("batch-output");
        assertThat(errors.path("expired").asLong()).isEqualTo(2);
        assertThat(errors.path("failedCustomIds").get(1).asString()).isEqualTo("request-7");
        assertThat(errors.path("failures").get(1).path("line").asLong()).isEqualTo(2);
        assertThat(errors.path("signals").get(0).path("type").asString()).isEqualTo("batch_expired");
        JsonNode object = docs.get(1);
        assertThat(object.path("format").asString()).isEqualTo("batch-object");
        assertThat(object.path("batches").get(0).path("validationErrors").get(0).path("code").asString())
                .isEqualTo("invalid_json_line");
        assertThat(object.path("signals").get(0).path("type").asString()).isEqualTo("batch_invalid");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void sanitizeWritesACopyWithoutTheKey() throws IOException {
        String key = Secrets.openAiKey(4);
        Path in = Engines.write(dir, "errors.jsonl", "{\"id\": \"batch_req_1\", \"custom_id\": \"a\", \"response\":"
                + " {\"status_code\": 401, \"request_id\": \"req_0123456789abcdef0123456789abcdef\", \"body\":"
                + " {\"error\": {\"message\": \"Incorrect API key provided: " + key + ".\", \"code\":"
                + " \"invalid_api_key\"}}}, \"error\": null}\n");
        Path target = dir.resolve("clean.jsonl");

        assertThat(run("sanitize", in.toString(), target.toString())).isZero();

        String copy = Files.readString(target);
        assertThat(copy).doesNotContain(key).contains("invalid_api_key", "req_0123456789abcdef0123456789abcdef");
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("sanitized " + in + ": Batch file, 1 secret value(s)")
                .contains("leftover check: passed");
    }

    @Test
    void aBrokenBatchObjectIsOneLineAndExitTwo() throws Exception {
        assertThat(run("analyze", sample("reference-batch-trailing-comma.json").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .startsWith("triage-desk: not read: the Batch object is broken JSON at line 28, column 3")
                .doesNotContain("Exception");
    }
}
