package dev.triagedesk.evidence.har;

import dev.triagedesk.evidence.StreamEvent;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a server-sent event stream incrementally and remembers the first error event: {@code event: error},
 * {@code "type":"error"}, {@code "type":"response.failed"} or a chunk with a truthy {@code "error"} (how the
 * Chat Completions stream and ChatGPT's backend report a failure inside a 200 response).
 */
final class EventStreamScanner {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** An event larger than this is content, not an error report: its data is not kept. */
    private static final int MAX_EVENT = 1 << 20;

    private final StringBuilder line = new StringBuilder(256);
    private final StringBuilder data = new StringBuilder(1024);
    private boolean dataOverflow;
    private String eventName;
    private boolean lastWasCr;
    private StreamEvent first;
    private int errorEvents;
    private int events;

    void accept(char[] buf, int off, int len) {
        for (int i = off; i < off + len; i++) {
            char c = buf[i];
            if (c == '\n' && lastWasCr) {
                lastWasCr = false;
                continue;
            }
            lastWasCr = c == '\r';
            if (c == '\n' || c == '\r') {
                endLine();
            } else if (line.length() < MAX_EVENT) {
                line.append(c);
            }
        }
    }

    void accept(String s) {
        char[] chars = s.toCharArray();
        accept(chars, 0, chars.length);
    }

    /** Flushes a last event that was not followed by a blank line. */
    void finish() {
        if (line.length() > 0) {
            endLine();
        }
        dispatch();
    }

    StreamEvent firstError() {
        return first;
    }

    int errorEvents() {
        return errorEvents;
    }

    int events() {
        return events;
    }

    private void endLine() {
        if (line.length() == 0) {
            dispatch();
            return;
        }
        if (startsWith("data:")) {
            if (data.length() > 0) {
                data.append('\n');
            }
            int from = line.length() > 5 && line.charAt(5) == ' ' ? 6 : 5;
            if (data.length() + line.length() - from > MAX_EVENT) {
                dataOverflow = true;
            } else {
                data.append(line, from, line.length());
            }
        } else if (startsWith("event:")) {
            eventName = line.substring(line.length() > 6 && line.charAt(6) == ' ' ? 7 : 6).trim();
        }
        line.setLength(0);
    }

    private boolean startsWith(String prefix) {
        if (line.length() < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (line.charAt(i) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private void dispatch() {
        if (data.length() == 0 && eventName == null) {
            return;
        }
        events++;
        StreamEvent error = dataOverflow ? null : inspect(eventName, data);
        if (error != null) {
            errorEvents++;
            if (first == null) {
                first = error;
            }
        }
        data.setLength(0);
        dataOverflow = false;
        eventName = null;
    }

    private static StreamEvent inspect(String eventName, CharSequence data) {
        boolean namedError = "error".equals(eventName) || "response.failed".equals(eventName);
        if (!namedError && indexOf(data, "error") < 0 && indexOf(data, "failed") < 0) {
            return null; // the common case: a delta chunk
        }
        JsonNode node = null;
        if (data.length() > 0 && data.charAt(0) == '{') {
            try {
                node = JSON.readTree(data.toString());
            } catch (JacksonException notJson) {
                node = null;
            }
        }
        if (node == null || !node.isObject()) {
            return namedError ? new StreamEvent(eventName, null, clip(data.toString()), null, null) : null;
        }
        String type = text(node, "type");
        Integer seq = node.has("sequence_number") && node.get("sequence_number").canConvertToInt()
                ? node.get("sequence_number").asInt() : null;
        if ("response.failed".equals(type) || "response.failed".equals(eventName)) {
            JsonNode err = node.path("response").path("error");
            return new StreamEvent("response.failed", text(err, "code"), text(err, "message"), null, seq);
        }
        if ("error".equals(type) || namedError) {
            JsonNode err = node.has("error") && node.get("error").isObject() ? node.get("error") : node;
            return new StreamEvent(type != null ? type : eventName, text(err, "code"), text(err, "message"),
                    text(err, "param"), seq);
        }
        JsonNode err = node.get("error");
        if (err != null && !err.isNull() && !(err.isBoolean() && !err.asBoolean())
                && !(err.isString() && err.asString().isEmpty())) {
            if (err.isObject()) {
                return new StreamEvent(text(err, "type") != null ? text(err, "type") : "error", text(err, "code"),
                        text(err, "message"), text(err, "param"), seq);
            }
            return new StreamEvent("error", null, clip(err.asString()), null, seq);
        }
        return null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() || v.isContainer() ? null : clip(v.asString());
    }

    private static String clip(String s) {
        return s == null || s.length() <= 500 ? s : s.substring(0, 499) + "…";
    }

    private static int indexOf(CharSequence s, String needle) {
        int n = s.length() - needle.length();
        outer:
        for (int i = 0; i <= n; i++) {
            for (int k = 0; k < needle.length(); k++) {
                if (s.charAt(i + k) != needle.charAt(k)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
