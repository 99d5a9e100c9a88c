package dev.triagedesk.evidence;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An error event inside a server-sent event stream ({@code event: error}, {@code response.failed}, ...). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StreamEvent(String type, String code, String message, String param, Integer sequenceNumber) {
}
