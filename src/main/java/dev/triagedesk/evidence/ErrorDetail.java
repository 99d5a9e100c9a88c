package dev.triagedesk.evidence;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/** A structured error read from a response body (OpenAI {@code {"error":{...}}}, FastAPI {@code detail}, and others). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorDetail(String type, String code, String message, String param) {

    @JsonIgnore
    public boolean isEmpty() {
        return type == null && code == null && message == null && param == null;
    }
}
