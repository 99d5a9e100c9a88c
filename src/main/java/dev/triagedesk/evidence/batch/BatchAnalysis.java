package dev.triagedesk.evidence.batch;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.triagedesk.evidence.RequestId;
import dev.triagedesk.evidence.Signal;
import java.util.List;
import java.util.Map;

/**
 * What a Batch API file says. Every text is already redacted; successful results are counted, never kept.
 *
 * @param kind always {@code batch}
 * @param format {@code batch-output} (an output or error file: one result per line), {@code batch-input} (the
 *               requests a job was given), {@code batch-object} or {@code batch-list} (the job itself)
 * @param lineCount lines read (JSON Lines) or values read (Batch objects)
 * @param requestCount results (output and error files) or requests (input files) the file holds
 * @param succeeded results with a 2xx status
 * @param failed results with a response of status 400 or more (or another non-2xx status)
 * @param expired results with {@code batch_expired}: not run before the completion window ended
 * @param cancelled results with {@code batch_cancelled}: the job was cancelled before they ran
 * @param timedOut results with {@code request_timeout}: the call to the model timed out
 * @param otherErrors results carrying another error code instead of a response
 * @param failedByStatus failed results by status code
 * @param byErrorCode results that did not succeed by error code (the body's {@code error.code}, else its
 *                    {@code error.type}, else the line's {@code error.code}); {@code (none)} when there is none
 * @param failedCustomIds the custom_ids of the results that did not succeed, in file order, at most the cap
 * @param failedCustomIdsOmitted how many more there are
 * @param failures the results that did not succeed, at most the cap
 * @param failuresOmitted how many more there are
 * @param brokenLines lines that are not a readable JSON object, at most the cap
 * @param brokenLineCount how many there are
 * @param truncated the file breaks off inside its last line (the lines before it were read)
 * @param endpoint the endpoint the requests went to, when the file says (input lines' {@code url}, a Batch object)
 * @param batches the Batch objects, for {@code batch-object} and {@code batch-list}
 * @param requestIds request IDs of the failing results, and IDs quoted in their messages, at most the cap
 * @param signals triage evidence: expired requests, an input file that failed validation, quota, access
 * @param found one sentence saying what the file is and what it holds
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BatchAnalysis(String kind,
                            String format,
                            long lineCount,
                            long requestCount,
                            long succeeded,
                            long failed,
                            long expired,
                            long cancelled,
                            long timedOut,
                            long otherErrors,
                            Map<Integer, Long> failedByStatus,
                            Map<String, Long> byErrorCode,
                            List<String> failedCustomIds,
                            long failedCustomIdsOmitted,
                            List<BatchFailure> failures,
                            long failuresOmitted,
                            List<BrokenLine> brokenLines,
                            long brokenLineCount,
                            boolean truncated,
                            String endpoint,
                            List<BatchJob> batches,
                            List<RequestId> requestIds,
                            List<Signal> signals,
                            String found) {

    public static final String KIND = "batch";
    public static final String OUTPUT = "batch-output";
    public static final String INPUT = "batch-input";
    public static final String OBJECT = "batch-object";
    public static final String LIST = "batch-list";

    /** Results that did not succeed, whatever the reason. */
    public long notSucceeded() {
        return failed + expired + cancelled + timedOut + otherErrors;
    }
}
