package dev.triagedesk.evidence;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** A 2xx response whose event-stream body carries an error event: it started fine and failed midway. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StreamError(int entry, String startedAt, String url, int status, StreamEvent event,
                          List<RequestId> requestIds) {
}
