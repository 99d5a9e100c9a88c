package dev.triagedesk.evidence.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triagedesk.cli.BatchFileGenerator;
import dev.triagedesk.evidence.Engines;
import dev.triagedesk.evidence.Secrets;
import dev.triagedesk.evidence.input.EvidenceDocument;
import dev.triagedesk.evidence.redact.LeftoverScan;
import dev.triagedesk.evidence.redact.RedactionReport;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sanitized copy of a Batch file: line for line, no secret left, what support needs kept. */
class BatchSanitizerTests {

    @TempDir
    Path dir;

    private String sanitize(Path file) {
        EvidenceDocument doc = Engines.single(file);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Engines.engine().sanitizeBatch(doc, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theSamplesComeBackLineForLineWithTheirErrorsAndIds() throws Exception {
        for (String name : List.of("guide-output.jsonl", "guide-expired-errors.jsonl", "error-file-400.jsonl")) {
            Path file = BatchSamplesTests.sample(name);
            String in = Files.readString(file);
            String out = sanitize(file);
            assertThat(out.lines().count()).as(name).isEqualTo(in.lines().count());
            for (String kept : List.of("batch_req_", "custom_id", "request-", "\"response\"")) {
                assertThat(out).as(name).contains(kept);
            }
        }
        String errors = sanitize(BatchSamplesTests.sample("error-file-400.jsonl"));
        assertThat(errors).contains("\"code\":\"invalid_value\"", "\"param\":\"max_tokens\"",
                "req_c187b3b5d5e1f7a3b4a6c8d0e2f4a6b8");
        assertThat(sanitize(BatchSamplesTests.sample("guide-expired-errors.jsonl")))
                .contains("\"code\":\"batch_expired\"");
    }

    @Test
    void aBatchObjectKeepsItsValidationErrorsAndLosesSecretsInMetadata() {
        String key = Secrets.openAiKey(5);
        Path file = Engines.write(dir, "batch.json", "{\n  \"id\": \"batch_x\",\n  \"object\": \"batch\",\n  \"status\":"
                + " \"failed\",\n  \"errors\": {\"object\": \"list\", \"data\": [{\"code\": \"invalid_json_line\","
                + " \"line\": 4, \"message\": \"This line is not parseable as valid JSON.\"}]},\n  \"metadata\":"
                + " {\"api_key\": \"" + key + "\", \"note\": \"Bearer " + key + "\"}\n}\n");

        String out = sanitize(file);

        assertThat(out).doesNotContain(key).contains("\"code\":\"invalid_json_line\"", "\"line\":4", "batch_x");
        assertThat(LeftoverScan.check(out)).isEmpty();
    }

    @Test
    void aGeneratedFileLosesEveryKeyAndKeepsEveryLine() throws Exception {
        Path file = dir.resolve("gen.jsonl");
        BatchFileGenerator.Oracle o = BatchFileGenerator.write(file, 1_000_000, 3);
        EvidenceDocument doc = Engines.single(file);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        RedactionReport report = Engines.engine().sanitizeBatch(doc, out);

        String copy = out.toString(StandardCharsets.UTF_8);
        assertThat(o.keys()).isNotEmpty().allSatisfy(k -> assertThat(copy).doesNotContain(k));
        assertThat(report.total()).isGreaterThanOrEqualTo(o.keys().size());
        assertThat(copy.lines().count()).isEqualTo(o.results());
        // the copy reads as the original does
        Path again = Engines.write(dir, "again.jsonl", copy);
        BatchAnalysis a = Engines.engine().analyzeBatch(Engines.single(again));
        assertThat(a.failedByStatus()).isEqualTo(o.failedByStatus());
        assertThat(a.byErrorCode()).isEqualTo(o.byErrorCode());
        assertThat(a.failedCustomIds()).isEqualTo(o.firstFailedCustomIds());
    }

    @Test
    void aBrokenLineIsRedactedAsTextAndKeepsItsPlace() {
        String key = Secrets.openAiKey(8);
        Path file = Engines.write(dir, "b.jsonl", "{\"custom_id\": \"a\", \"response\": null, \"error\": {\"code\":"
                + " \"batch_expired\"}}\r\n{\"custom_id\": \"b\", broken " + key + "\n\n{\"custom_id\": \"c\","
                + " \"response\": {\"status_code\": 500}}");

        String out = sanitize(file);

        assertThat(out).doesNotContain(key);
        assertThat(out.split("\n", -1)).hasSize(4);
        assertThat(out.split("\n", -1)[1]).startsWith("{\"custom_id\": \"b\", broken [REDACTED:");
        assertThat(out).endsWith("{\"custom_id\":\"c\",\"response\":{\"status_code\":500}}");
    }
}
