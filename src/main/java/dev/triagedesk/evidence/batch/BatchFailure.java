package dev.triagedesk.evidence.batch;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.triagedesk.evidence.Category;
import dev.triagedesk.evidence.ErrorDetail;

/**
 * One request of a Batch job that did not succeed: a response with a status of 400 or more, or a line that carries
 * an error instead of a response ({@code batch_expired}, {@code batch_cancelled}, {@code request_timeout}…). Every
 * text is already redacted.
 *
 * @param line the 1-based line of the output or error file
 * @param id the line's own ID ({@code batch_req_…})
 * @param customId the ID the developer gave the request in the input file
 * @param outcome {@code failed}, {@code expired}, {@code cancelled}, {@code timed_out} or {@code error}
 * @param status the response's status code; 0 when the line carries an error instead of a response
 * @param requestId the underlying call's request ID ({@code req_…}), which support can look up
 * @param method the request's method when the line names it (error files of some tools do)
 * @param url the request's URL when the line names it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BatchFailure(long line, String id, String customId, String outcome, int status, ErrorDetail error,
                           String requestId, Category category, String method, String url) {

    public static final String FAILED = "failed";
    public static final String EXPIRED = "expired";
    public static final String CANCELLED = "cancelled";
    public static final String TIMED_OUT = "timed_out";
    public static final String ERROR = "error";
}
