package dev.triagedesk.evidence.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.triagedesk.cli.BatchFileGenerator;
import dev.triagedesk.evidence.Engines;
import dev.triagedesk.evidence.EvidenceException;
import dev.triagedesk.evidence.Secrets;
import dev.triagedesk.evidence.SignalType;
import dev.triagedesk.evidence.input.EvidenceDocument;
import dev.triagedesk.evidence.input.EvidenceFormat;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generated and hand-made Batch files: exact counts, broken and cut lines, caps, hostile content. */
class BatchReaderTests {

    private static final String OK = "{\"id\": \"batch_req_1\", \"custom_id\": \"ok-%d\", \"response\": {\"status_code\":"
            + " 200, \"request_id\": \"req_aaaa\", \"body\": {\"choices\": [{\"message\": {\"content\": \"secret"
            + " plan\"}}]}}, \"error\": null}";
    private static final String EXPIRED = "{\"id\": \"batch_req_2\", \"custom_id\": \"late-%d\", \"response\": null,"
            + " \"error\": {\"code\": \"batch_expired\", \"message\": \"expired\"}}";

    @TempDir
    Path dir;

    private BatchAnalysis analyze(String content) {
        EvidenceDocument doc = Engines.single(Engines.write(dir, "b.jsonl", content));
        assertThat(doc.format()).isEqualTo(EvidenceFormat.BATCH);
        return Engines.engine().analyzeBatch(doc);
    }

    @Test
    void aGeneratedFileIsCountedExactly() {
        Path file = dir.resolve("gen.jsonl");
        BatchFileGenerator.Oracle o = BatchFileGenerator.write(file, 3_000_000, 11);

        BatchAnalysis a = Engines.engine().analyzeBatch(Engines.single(file), 200);

        assertThat(a.requestCount()).isEqualTo(o.results());
        assertThat(a.lineCount()).isEqualTo(o.results());
        assertThat(a.succeeded()).isEqualTo(o.succeeded());
        assertThat(a.failed()).isEqualTo(o.failed());
        assertThat(a.expired()).isEqualTo(o.expired());
        assertThat(a.cancelled()).isEqualTo(o.cancelled());
        assertThat(a.timedOut()).isEqualTo(o.timedOut());
        assertThat(a.otherErrors()).isZero();
        assertThat(a.failedByStatus()).isEqualTo(o.failedByStatus());
        assertThat(a.byErrorCode()).isEqualTo(o.byErrorCode());
        assertThat(a.failedCustomIds()).isEqualTo(o.firstFailedCustomIds());
        long notSucceeded = o.results() - o.succeeded();
        assertThat(a.failedCustomIdsOmitted()).isEqualTo(notSucceeded - 200);
        assertThat(a.failures()).hasSize(200);
        assertThat(a.failuresOmitted()).isEqualTo(notSucceeded - 200);
        assertThat(a.failures()).allSatisfy(f -> assertThat(f.requestId() == null || f.requestId().startsWith("req_")).isTrue());
        assertThat(a.requestIds()).hasSize(200);
        assertThat(a.brokenLineCount()).isZero();
        assertThat(a.signals()).extracting(s -> s.type())
                .contains(SignalType.BATCH_EXPIRED, SignalType.QUOTA_EXHAUSTED);
        String json = Engines.JSON.writeValueAsString(a);
        // no key of a 401 message survives, no completion word reaches the findings
        assertThat(o.keys()).isNotEmpty().allSatisfy(k -> assertThat(json).doesNotContain(k));
        assertThat(o.completionWords()).allSatisfy(w -> assertThat(json).doesNotContain(w));
    }

    @Test
    void oneBrokenLineInAGeneratedFileChangesNothingElse() throws Exception {
        Path file = dir.resolve("gen.jsonl");
        BatchFileGenerator.Oracle o = BatchFileGenerator.write(file, 500_000, 5);
        List<String> lines = new java.util.ArrayList<>(java.nio.file.Files.readAllLines(file));
        lines.add(100, "{\"custom_id\": \"cut");
        Path broken = Engines.write(dir, "broken.jsonl", String.join("\n", lines) + "\n");

        BatchAnalysis whole = Engines.engine().analyzeBatch(Engines.single(file));
        BatchAnalysis a = Engines.engine().analyzeBatch(Engines.single(broken));

        assertThat(a.brokenLines()).containsExactly(new BrokenLine(101, "breaks off before its end"));
        assertThat(a.lineCount()).isEqualTo(whole.lineCount() + 1);
        assertThat(a.requestCount()).isEqualTo(o.results());
        assertThat(a.byErrorCode()).isEqualTo(whole.byErrorCode());
        assertThat(a.failedByStatus()).isEqualTo(whole.failedByStatus());
        assertThat(a.failedCustomIds()).isEqualTo(whole.failedCustomIds());
        assertThat(a.failures()).extracting(BatchFailure::customId)
                .isEqualTo(whole.failures().stream().map(BatchFailure::customId).toList());
    }

    @Test
    void aBrokenLineIsReportedAndTheRestRead() {
        String content = String.join("\n", OK.formatted(1), "{\"custom_id\": \"x\", \"response\": {", "not json at all",
                "[1, 2]", EXPIRED.formatted(5), "{\"custom_id\": \"y\"} {\"custom_id\": \"z\"}",
                "{\"custom_id\": \"n\", \"response\": null, \"error\": null}", OK.formatted(8)) + "\n";

        BatchAnalysis a = analyze(content);

        assertThat(a.lineCount()).isEqualTo(8);
        assertThat(a.requestCount()).isEqualTo(3);
        assertThat(a.succeeded()).isEqualTo(2);
        assertThat(a.expired()).isEqualTo(1);
        assertThat(a.failedCustomIds()).containsExactly("late-5");
        assertThat(a.failures().get(0).line()).isEqualTo(5);
        assertThat(a.brokenLines()).containsExactly(
                new BrokenLine(2, "breaks off before its end"),
                new BrokenLine(3, "is not valid JSON (at column 1)"),
                new BrokenLine(4, "is not a JSON object"),
                new BrokenLine(6, "holds more than one JSON value"),
                new BrokenLine(7, "holds neither a response nor an error"));
        assertThat(a.truncated()).isFalse();
        assertThat(a.found()).endsWith("; 5 lines could not be read (first at line 2).");
    }

    @Test
    void aFileCutInsideItsLastLineKeepsEveryLineBefore() {
        String content = OK.formatted(1) + "\r\n" + EXPIRED.formatted(2) + "\r\n" + "{\"id\": \"batch_req_3\", \"cus";

        BatchAnalysis a = analyze(content);

        assertThat(a.requestCount()).isEqualTo(2);
        assertThat(a.succeeded()).isEqualTo(1);
        assertThat(a.expired()).isEqualTo(1);
        assertThat(a.brokenLineCount()).isZero();
        assertThat(a.truncated()).isTrue();
        assertThat(a.found()).endsWith("; the file breaks off inside its last line, which was not read.");
    }

    @Test
    void blankLinesAndALastLineWithoutABreakAreFine() {
        BatchAnalysis a = analyze("\n" + OK.formatted(1) + "\n\n   \n" + EXPIRED.formatted(2));

        assertThat(a.lineCount()).isEqualTo(5);
        assertThat(a.requestCount()).isEqualTo(2);
        assertThat(a.failures().get(0).line()).isEqualTo(5);
        assertThat(a.truncated()).isFalse();
    }

    @Test
    void aLineNestedPastTheLimitIsBrokenNotFatal() {
        String deep = "{\"custom_id\": \"d\", \"response\": {\"status_code\": 400, \"body\": " + "[".repeat(600)
                + "]".repeat(600) + "}}";
        BatchAnalysis a = analyze(OK.formatted(1) + "\n" + deep + "\n" + EXPIRED.formatted(3) + "\n");

        assertThat(a.requestCount()).isEqualTo(2);
        assertThat(a.brokenLines()).containsExactly(new BrokenLine(2, "nested more than 500 levels deep"));
    }

    @Test
    void otherErrorCodesAndStatusesAreCountedByCode() {
        String content = String.join("\n",
                "{\"custom_id\": \"a\", \"response\": null, \"error\": {\"code\": \"batch_cancelled\", \"message\": \"c\"}}",
                "{\"custom_id\": \"b\", \"response\": null, \"error\": {\"code\": \"request_timeout\", \"message\": \"t\"}}",
                "{\"custom_id\": \"c\", \"response\": null, \"error\": {\"code\": \"server_error\", \"message\": \"s\"}}",
                "{\"custom_id\": \"d\", \"response\": {\"status_code\": 503, \"body\": {}}, \"error\": null}",
                "{\"custom_id\": \"e\", \"response\": {\"status_code\": \"429\", \"body\": {\"error\": {\"code\": 1234}}}}");

        BatchAnalysis a = analyze(content);

        assertThat(a.cancelled()).isEqualTo(1);
        assertThat(a.timedOut()).isEqualTo(1);
        assertThat(a.otherErrors()).isEqualTo(1);
        assertThat(a.failed()).isEqualTo(2);
        assertThat(a.failedByStatus()).containsExactly(java.util.Map.entry(429, 1L), java.util.Map.entry(503, 1L));
        assertThat(a.byErrorCode()).containsOnlyKeys("batch_cancelled", "request_timeout", "server_error",
                BatchTally.NO_CODE, "1234");
        assertThat(a.failures()).extracting(BatchFailure::outcome)
                .containsExactly("cancelled", "timed_out", "error", "failed", "failed");
    }

    @Test
    void aFileOfEndlesslyDifferentCodesKeepsItsTablesBounded() {
        StringBuilder content = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            content.append("{\"custom_id\": \"c").append(i).append("\", \"response\": {\"status_code\": 429,"
                    + " \"body\": {\"error\": {\"code\": \"quota_").append(i).append("\", \"message\": \"You"
                    + " exceeded your current quota, please check your plan and billing details.\"}}}}\n");
        }
        EvidenceDocument doc = Engines.single(Engines.write(dir, "codes.jsonl", content.toString()));

        BatchAnalysis a = Engines.engine().analyzeBatch(doc, 50);

        assertThat(a.failed()).isEqualTo(300);
        assertThat(a.byErrorCode()).hasSize(101).containsEntry(BatchTally.OTHER_CODES, 200L);
        assertThat(a.signals()).hasSize(50);
        assertThat(a.failures()).hasSize(50);
        assertThat(a.failuresOmitted()).isEqualTo(250);
    }

    @Test
    void anInputFileIsRecognisedAndItsPromptsAreNotKept() {
        String content = "{\"custom_id\": \"request-1\", \"method\": \"POST\", \"url\": \"/v1/chat/completions\","
                + " \"body\": {\"model\": \"gpt-4o\", \"messages\": [{\"role\": \"user\", \"content\": \"my private"
                + " prompt\"}]}}\n"
                + "{\"custom_id\": \"request-2\", \"method\": \"POST\", \"url\": \"/v1/chat/completions\", \"body\": {}}\n";

        BatchAnalysis a = analyze(content);

        assertThat(a.format()).isEqualTo(BatchAnalysis.INPUT);
        assertThat(a.requestCount()).isEqualTo(2);
        assertThat(a.endpoint()).isEqualTo("/v1/chat/completions");
        assertThat(a.found()).startsWith("A Batch input file of 2 requests to /v1/chat/completions: it holds no results");
        assertThat(Engines.JSON.writeValueAsString(a)).doesNotContain("private prompt");
    }

    @Test
    void secretsInMessagesAndCustomIdsAreRedacted() {
        String key = Secrets.openAiKey(3);
        String content = "{\"custom_id\": \"user " + key + "\", \"response\": {\"status_code\": 401, \"request_id\":"
                + " \"req_1234567890abcdef1234567890abcdef\", \"body\": {\"error\": {\"message\": \"Incorrect API key"
                + " provided: " + key + ".\", \"type\": \"invalid_request_error\", \"code\": \"invalid_api_key\"}}}}\n";

        BatchAnalysis a = analyze(content);

        String json = Engines.JSON.writeValueAsString(a);
        assertThat(json).doesNotContain(key).contains("[REDACTED:");
        assertThat(dev.triagedesk.evidence.redact.LeftoverScan.check(json)).isEmpty();
        assertThat(a.failures().get(0).error().code()).isEqualTo("invalid_api_key");
        assertThat(a.failures().get(0).category()).isEqualTo(dev.triagedesk.evidence.Category.FIX_ACCESS);
    }

    @Test
    void aListOfBatchObjectsIsReadOneByOne() {
        String list = "{\"object\": \"list\", \"data\": [" + "{\"id\": \"batch_a\", \"object\": \"batch\", \"status\":"
                + " \"expired\", \"completion_window\": \"24h\", \"expired_at\": 1711557933, \"request_counts\":"
                + " {\"total\": 10, \"completed\": 7, \"failed\": 1}, \"metadata\": {\"api_key\": \"x\"}},"
                + " {\"id\": \"batch_b\", \"object\": \"batch\", \"status\": \"cancelled\", \"cancelled_at\": 1711557000}"
                + "], \"first_id\": \"batch_a\", \"last_id\": \"batch_b\", \"has_more\": false}";

        BatchAnalysis a = analyze(list);

        assertThat(a.format()).isEqualTo(BatchAnalysis.LIST);
        assertThat(a.batches()).extracting(BatchJob::id, BatchJob::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("batch_a", "expired"),
                        org.assertj.core.groups.Tuple.tuple("batch_b", "cancelled"));
        assertThat(a.signals()).singleElement().satisfies(s -> {
            assertThat(s.type()).isEqualTo(SignalType.BATCH_EXPIRED);
            assertThat(s.detail()).isEqualTo("batch_a expired before its 24h completion window ended: 7 of 10"
                    + " requests completed, 1 failed, the rest expired");
        });
        assertThat(a.found()).isEqualTo("A list of 2 Batch objects: batch_a is expired, 7 of 10 requests completed,"
                + " 1 failed; batch_b is cancelled.");
    }

    @Test
    void jsonThatIsNoBatchDataIsRefused() {
        Path file = Engines.write(dir, "x.jsonl", "{\"custom_id\": \"a\", \"response\": null, \"error\": null}\n");
        EvidenceDocument doc = Engines.single(file);

        assertThatThrownBy(() -> Engines.engine().analyzeBatch(doc)).isInstanceOf(EvidenceException.class)
                .hasMessage("not a Batch file: line 1 holds neither a response nor an error, and no line holds a Batch"
                        + " result or request");
    }

    @Test
    void aHarIsStillAHarAndOtherJsonStillRefused() {
        assertThat(Engines.single(Engines.write(dir, "a.har", "{\"log\": {\"version\": \"1.2\", \"entries\": []}}"))
                .format()).isEqualTo(EvidenceFormat.HAR);
        assertThat(Engines.single(Engines.write(dir, "f.json",
                "{\"object\": \"list\", \"data\": [{\"object\": \"file\", \"id\": \"file-1\"}]}")).format())
                .isEqualTo(EvidenceFormat.HAR);
        assertThat(Engines.single(Engines.write(dir, "c.jsonl", "{\"custom_id\": \"a\"}\n")).format())
                .isEqualTo(EvidenceFormat.BATCH);
        assertThat(Engines.single(Engines.write(dir, "r.jsonl", "{\"id\": \"batch_req_9\", \"error\": {}}\n")).format())
                .isEqualTo(EvidenceFormat.BATCH);
        assertThat(Engines.single(Engines.write(dir, "o.json", "  {\n \"object\" : \"batch\" }")).format())
                .isEqualTo(EvidenceFormat.BATCH);
    }

    @Test
    void aGzippedErrorFileAndOneWithAByteOrderMarkAreReadAlike() throws Exception {
        byte[] plain = java.nio.file.Files.readAllBytes(BatchSamplesTests.sample("guide-expired-errors.jsonl"));
        Path gz = dir.resolve("errors.jsonl.gz");
        try (var out = new java.util.zip.GZIPOutputStream(java.nio.file.Files.newOutputStream(gz))) {
            out.write(plain);
        }
        Path bom = dir.resolve("bom.jsonl");
        java.nio.file.Files.write(bom, concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, plain));

        for (Path file : List.of(gz, bom)) {
            EvidenceDocument doc = Engines.single(file);
            assertThat(doc.format()).isEqualTo(EvidenceFormat.BATCH);
            BatchAnalysis a = Engines.engine().analyzeBatch(doc);
            assertThat(a.expired()).as(file.toString()).isEqualTo(2);
            assertThat(a.failedCustomIds()).containsExactly("request-3", "request-7");
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static List<String> lines(String s) {
        return s.lines().toList();
    }
}
