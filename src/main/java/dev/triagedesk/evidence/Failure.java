package dev.triagedesk.evidence;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A failing HAR entry: status 400 or above, 0 or -1, or a browser failure ({@code _error}, {@code _failureText}).
 * Every text field is already redacted.
 *
 * @param entry 0-based index in {@code log.entries}
 * @param durationMs the entry's {@code time}, absent when the HAR has none or -1
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Failure(int entry, String startedAt, String method, String url, int status, String statusText,
                      String netError, Double durationMs, ErrorDetail error, Category category,
                      List<RequestId> requestIds) {
}
