package dev.triagedesk.evidence.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.triagedesk.evidence.Category;
import dev.triagedesk.evidence.ErrorDetail;
import dev.triagedesk.evidence.RequestId;
import java.util.List;

/**
 * One API call that failed at least once: its attempts taken together (the SDK's retries of one request). Every
 * text is already redacted; no prompt or completion text is kept.
 *
 * @param line 1-based line where the call's first attempt was logged
 * @param time the first attempt's time as printed, or {@code null} when the log prints none
 * @param method {@code POST}, {@code GET}… or {@code null} when the log does not say
 * @param endpoint the URL or path called ({@code https://api.openai.com/v1/chat/completions}, {@code /chat/completions})
 * @param model the model named in the request, when the log shows it
 * @param status the last attempt's HTTP status, or {@code null} when no response came (connection failure)
 * @param statusText the reason phrase printed with it ({@code Too Many Requests})
 * @param netError what failed without a response: the exception ({@code APIConnectionError: Connection error.}) or
 *                 the SDK's words ({@code connection timed out})
 * @param error type, code, param and message of the error object the response or exception carried
 * @param requestIds the IDs support can look the call up by ({@code x-request-id}, {@code cf-ray}, IDs quoted in
 *                   messages), of every attempt
 * @param category what the failure asks for, through {@link dev.triagedesk.evidence.triage.FailureClassifier}
 * @param attempts how many attempts the log shows (1 without retries)
 * @param statuses the status of each attempt in order (0 for one without a response)
 * @param waitsSeconds the waits between attempts: as the SDK states them ({@code Retrying request in 0.42
 *                     seconds}), else from the attempts' timestamps; empty without retries
 * @param retryPattern {@code backoff} (waits grow), {@code retry-after} (waits follow the server's
 *                     {@code retry-after}), {@code no-backoff} (waits do not grow) or {@code tight-loop} (a wait under
 *                     100 ms); {@code null} without retries or when the waits are not known
 * @param recovered whether the last attempt succeeded
 * @param rateLimit the {@code x-ratelimit-*} and {@code retry-after} headers of the last attempt that had them
 * @param processingMs {@code openai-processing-ms} of the last response that had it
 * @param durationMs how long the last attempt took, when the SDK prints it (openai-node's {@code in 900ms})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiCall(int line,
                      String time,
                      String method,
                      String endpoint,
                      String model,
                      Integer status,
                      String statusText,
                      String netError,
                      ErrorDetail error,
                      List<RequestId> requestIds,
                      Category category,
                      int attempts,
                      List<Integer> statuses,
                      List<Double> waitsSeconds,
                      String retryPattern,
                      boolean recovered,
                      RateLimit rateLimit,
                      Long processingMs,
                      Double durationMs) {

    /**
     * The rate-limit headers of a response, as printed ({@code 20ms}, {@code 6m0s}); {@code null} when absent.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RateLimit(String limitRequests, String remainingRequests, String resetRequests,
                            String limitTokens, String remainingTokens, String resetTokens, String retryAfter) {

        /** Whether a remaining count says nothing is left. */
        public boolean exhausted() {
            return "0".equals(remainingRequests) || "0".equals(remainingTokens);
        }
    }
}
