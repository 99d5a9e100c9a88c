package dev.triagedesk.evidence.batch;

import dev.triagedesk.evidence.ErrorDetail;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * What one line of a Batch file says, read from its tokens: an output or error file's result
 * ({@code {"id", "custom_id", "response": {"status_code", "request_id", "body"}, "error"}}) or an input file's
 * request ({@code {"custom_id", "method", "url", "body"}}). Bodies are skipped unless they carry an
 * {@code error} object: a completion's text is never read into memory. Values are as found: the caller redacts.
 */
final class ResultLine {

    String id;
    String customId;
    boolean hasResponse;
    int status = -1;
    String requestId;
    /** The error in the response body ({@code response.body.error}). */
    ErrorDetail bodyError;
    /** The error in place of a response ({@code error}). */
    ErrorDetail lineError;
    String method;
    String url;
    boolean hasRequestBody;

    /** Reads the object the parser is at the start of; leaves the parser at its end. */
    static ResultLine read(JsonParser p) {
        ResultLine r = new ResultLine();
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            switch (name) {
                case "id" -> r.id = scalar(p, t);
                case "custom_id" -> r.customId = scalar(p, t);
                case "response" -> {
                    if (t == JsonToken.START_OBJECT) {
                        r.hasResponse = true;
                        r.response(p);
                    } else {
                        p.skipChildren();
                    }
                }
                case "error" -> {
                    if (t == JsonToken.START_OBJECT) {
                        r.lineError = error(p);
                    } else {
                        p.skipChildren();
                    }
                }
                case "method" -> r.method = scalar(p, t);
                case "url" -> r.url = scalar(p, t);
                case "body" -> {
                    r.hasRequestBody = t != JsonToken.VALUE_NULL;
                    p.skipChildren();
                }
                default -> p.skipChildren();
            }
        }
        return r;
    }

    private void response(JsonParser p) {
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            switch (name) {
                case "status_code" -> status = statusFromText(scalar(p, t));
                case "request_id" -> requestId = scalar(p, t);
                case "body" -> {
                    if (t == JsonToken.START_OBJECT) {
                        body(p);
                    } else {
                        p.skipChildren();
                    }
                }
                default -> p.skipChildren();
            }
        }
    }

    /** A body's top-level fields; only an {@code error} object is read, a completion is skipped token by token. */
    private void body(JsonParser p) {
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            if (name.equals("error") && t == JsonToken.START_OBJECT) {
                bodyError = error(p);
            } else {
                p.skipChildren();
            }
        }
    }

    /** {@code {"message", "type", "param", "code"}}; other fields are skipped. */
    static ErrorDetail error(JsonParser p) {
        String type = null;
        String code = null;
        String message = null;
        String param = null;
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            switch (name) {
                case "type" -> type = scalar(p, t);
                case "code" -> code = scalar(p, t);
                case "message" -> message = scalar(p, t);
                case "param" -> param = scalar(p, t);
                default -> p.skipChildren();
            }
        }
        ErrorDetail e = new ErrorDetail(type, code, message, param);
        return e.isEmpty() ? null : e;
    }

    /** A string, number or boolean as text; null for null, objects and arrays (which are skipped). */
    static String scalar(JsonParser p, JsonToken t) {
        return switch (t) {
            case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE -> p.getString();
            case START_OBJECT, START_ARRAY -> {
                p.skipChildren();
                yield null;
            }
            default -> null;
        };
    }

    private static int statusFromText(String s) {
        if (s == null || s.length() != 3) { // a status is three digits; anything else is not one
            return -1;
        }
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** A request of an input file: it names what to call and carries no result. */
    boolean isRequest() {
        return !hasResponse && lineError == null && (url != null || method != null || hasRequestBody);
    }
}
