package dev.triagedesk.evidence.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.triagedesk.evidence.Category;
import dev.triagedesk.evidence.Engines;
import dev.triagedesk.evidence.EvidenceException;
import dev.triagedesk.evidence.RequestId;
import dev.triagedesk.evidence.Signal;
import dev.triagedesk.evidence.SignalType;
import dev.triagedesk.evidence.input.EvidenceDocument;
import dev.triagedesk.evidence.input.EvidenceFormat;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The real Batch samples under {@code src/test/resources/batch} (see its SOURCES.md), read through the engine. */
class BatchSamplesTests {

    static Path sample(String name) {
        try {
            return Path.of(BatchSamplesTests.class.getResource("/batch/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static BatchAnalysis analyze(String name) {
        EvidenceDocument doc = Engines.single(sample(name));
        assertThat(doc.format()).isEqualTo(EvidenceFormat.BATCH);
        return Engines.engine().analyzeBatch(doc);
    }

    @Test
    void theGuidesOutputFileIsTwoSuccessesAndNoFinding() {
        BatchAnalysis a = analyze("guide-output.jsonl");

        assertThat(a.format()).isEqualTo(BatchAnalysis.OUTPUT);
        assertThat(a.lineCount()).isEqualTo(2);
        assertThat(a.requestCount()).isEqualTo(2);
        assertThat(a.succeeded()).isEqualTo(2);
        assertThat(a.notSucceeded()).isZero();
        assertThat(a.failures()).isEmpty();
        assertThat(a.failedCustomIds()).isEmpty();
        assertThat(a.requestIds()).isEmpty();
        assertThat(a.signals()).isEmpty();
        assertThat(a.found()).isEqualTo("A Batch output file of 2 results: 2 succeeded.");
        // the completions' text is counted, never kept
        assertThat(Engines.JSON.writeValueAsString(a)).doesNotContain("How can I assist you");
    }

    @Test
    void theGuidesExpiredRequestsAreExpiredNotFailed() {
        BatchAnalysis a = analyze("guide-expired-errors.jsonl");

        assertThat(a.requestCount()).isEqualTo(2);
        assertThat(a.expired()).isEqualTo(2);
        assertThat(a.failed()).isZero();
        assertThat(a.byErrorCode()).isEqualTo(Map.of("batch_expired", 2L));
        assertThat(a.failedCustomIds()).containsExactly("request-3", "request-7");
        assertThat(a.failures()).extracting(BatchFailure::line, BatchFailure::outcome, BatchFailure::status,
                        BatchFailure::category)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, "expired", 0, Category.RETRY_LATER),
                        org.assertj.core.groups.Tuple.tuple(2L, "expired", 0, Category.RETRY_LATER));
        assertThat(a.failures().get(0).error().code()).isEqualTo("batch_expired");
        assertThat(a.failures().get(0).error().message())
                .isEqualTo("This request could not be executed before the completion window expired.");
        assertThat(a.signals()).containsExactly(Signal.atLine(SignalType.BATCH_EXPIRED, 1,
                "2 of 2 requests expired (batch_expired) before the completion window ended"));
        assertThat(a.found()).isEqualTo("A Batch error file of 2 results: 0 succeeded, 2 expired (batch_expired);"
                + " by error code: batch_expired ×2.");
    }

    @Test
    void aFailedRequestKeepsItsStatusErrorRequestIdAndCustomId() {
        BatchAnalysis a = analyze("error-file-400.jsonl");

        assertThat(a.failed()).isEqualTo(1);
        assertThat(a.failedByStatus()).isEqualTo(Map.of(400, 1L));
        assertThat(a.byErrorCode()).isEqualTo(Map.of("invalid_value", 1L));
        BatchFailure f = a.failures().get(0);
        assertThat(f.line()).isEqualTo(1);
        assertThat(f.id()).isEqualTo("batch_req_wnaDys");
        assertThat(f.customId()).isEqualTo("request-5");
        assertThat(f.outcome()).isEqualTo(BatchFailure.FAILED);
        assertThat(f.status()).isEqualTo(400);
        assertThat(f.error().type()).isEqualTo("invalid_request_error");
        assertThat(f.error().code()).isEqualTo("invalid_value");
        assertThat(f.error().param()).isEqualTo("max_tokens");
        assertThat(f.error().message()).startsWith("max_tokens is too large: 50000.");
        assertThat(f.requestId()).isEqualTo("req_c187b3b5d5e1f7a3b4a6c8d0e2f4a6b8");
        assertThat(f.category()).isEqualTo(Category.FIX_REQUEST);
        assertThat(a.requestIds()).containsExactly(new RequestId("x-request-id", "req_c187b3b5d5e1f7a3b4a6c8d0e2f4a6b8"));
    }

    @Test
    void theReferenceBatchObjectGivesStatusCountsAndTimes() {
        BatchAnalysis a = analyze("reference-batch-completed.json");

        assertThat(a.format()).isEqualTo(BatchAnalysis.OBJECT);
        BatchJob job = a.batches().get(0);
        assertThat(job.id()).isEqualTo("batch_abc123");
        assertThat(job.status()).isEqualTo("completed");
        assertThat(job.endpoint()).isEqualTo("/v1/completions");
        assertThat(job.requestCounts()).isEqualTo(new BatchJob.Counts(100, 95, 5));
        assertThat(job.times().createdAt()).isEqualTo("2024-03-26T16:45:33Z");
        assertThat(job.times().completedAt()).isEqualTo("2024-03-26T22:46:03Z");
        assertThat(job.times().failedAt()).isNull();
        assertThat(job.errorFileId()).isEqualTo("file-HOWS94");
        assertThat(a.signals()).isEmpty();
        assertThat(a.found()).isEqualTo("A Batch object: batch_abc123 is completed (/v1/completions), 95 of 100"
                + " requests completed, 5 failed.");
        // the developer's metadata is not kept
        assertThat(Engines.JSON.writeValueAsString(a)).doesNotContain("Nightly eval job");
    }

    @Test
    void theReferenceObjectAsPrintedIsRefusedWithWhereItBreaks() {
        EvidenceDocument doc = Engines.single(sample("reference-batch-trailing-comma.json"));
        assertThat(doc.format()).isEqualTo(EvidenceFormat.BATCH);

        assertThatThrownBy(() -> Engines.engine().analyzeBatch(doc))
                .isInstanceOf(EvidenceException.class)
                .hasMessage("not read: the Batch object is broken JSON at line 28, column 3");
    }

    @Test
    void aJobWhoseRequestsAllFailedSaysSo() {
        BatchAnalysis a = analyze("kaapi-batch-all-failed.json");

        BatchJob job = a.batches().get(0);
        assertThat(job.status()).isEqualTo("completed");
        assertThat(job.model()).isEqualTo("gpt-5.4-pro-2026-03-05");
        assertThat(job.requestCounts()).isEqualTo(new BatchJob.Counts(9, 0, 9));
        assertThat(job.outputFileId()).isNull();
        assertThat(a.found()).contains("0 of 9 requests completed, 9 failed");
    }

    @Test
    void aFailedValidationIsABatchInvalidSignalWithLinesAndCodes() {
        BatchAnalysis a = analyze("failed-validation.json");

        BatchJob job = a.batches().get(0);
        assertThat(job.status()).isEqualTo("failed");
        assertThat(job.validationErrorCount()).isEqualTo(2);
        assertThat(job.validationErrors()).containsExactly(
                new BatchJob.ValidationError("invalid_json_line", 1L, "This line is not parseable as valid JSON.", null),
                new BatchJob.ValidationError("missing_required_parameter", 3L, "Missing required parameter: 'method'.",
                        "method"));
        assertThat(job.times().failedAt()).isEqualTo("2025-01-02T03:25:20Z");
        assertThat(a.signals()).containsExactly(new Signal(SignalType.BATCH_INVALID, null, null,
                "batch_6776071fee4481909b10277c1227dcb7 failed validation: invalid_json_line at input line 1 (This"
                        + " line is not parseable as valid JSON.); missing_required_parameter at input line 3"
                        + " (Missing required parameter: 'method'.)"));
        assertThat(a.found()).contains("is failed", "2 validation errors (invalid_json_line at input line 1)");
    }
}
