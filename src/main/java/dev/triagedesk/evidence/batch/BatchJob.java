package dev.triagedesk.evidence.batch;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What a Batch object says about its job. Times are ISO-8601 instants (UTC) converted from the object's Unix
 * seconds; null when the object has none. Its {@code metadata} is not kept: it is the developer's own, free-form.
 *
 * @param status {@code validating}, {@code failed}, {@code in_progress}, {@code finalizing}, {@code completed},
 *               {@code expired}, {@code cancelling} or {@code cancelled}
 * @param validationErrors {@code errors.data}: why the input file failed validation, at most the reader's cap
 * @param validationErrorCount how many {@code errors.data} held, also beyond the cap
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BatchJob(String id, String status, String endpoint, String model, String completionWindow,
                       Counts requestCounts, List<ValidationError> validationErrors, long validationErrorCount,
                       Times times, String inputFileId, String outputFileId, String errorFileId) {

    /** {@code request_counts}: requests in the job, those that completed and those that failed. */
    public record Counts(long total, long completed, long failed) {
    }

    /** One entry of {@code errors.data}: a code, the input file's line it is about, a message and a parameter. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ValidationError(String code, Long line, String message, String param) {
    }

    /** The job's moments, as far as it got. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Times(String createdAt, String inProgressAt, String expiresAt, String finalizingAt,
                        String completedAt, String failedAt, String expiredAt, String cancellingAt,
                        String cancelledAt) {
    }
}
