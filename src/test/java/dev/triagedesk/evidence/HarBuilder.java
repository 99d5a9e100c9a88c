package dev.triagedesk.evidence;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Builds small HAR documents for tests, one entry at a time, in Chrome's field order. */
public final class HarBuilder {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ObjectNode root = JSON.createObjectNode();
    private final ObjectNode log = root.putObject("log");
    private final ArrayNode entries;
    private int second;

    public HarBuilder() {
        log.put("version", "1.2");
        log.putObject("creator").put("name", "WebInspector").put("version", "537.36");
        log.putArray("pages");
        entries = log.putArray("entries");
    }

    public HarBuilder page(String id, String title) {
        ((ArrayNode) log.get("pages")).addObject().put("startedDateTime", "2026-05-04T10:00:00.000Z").put("id", id)
                .put("title", title).putObject("pageTimings").put("onLoad", 100);
        return this;
    }

    public Entry entry(String method, String url, int status) {
        return new Entry(method, url, status);
    }

    public String json() {
        return JSON.writeValueAsString(root);
    }

    public ObjectNode root() {
        return root;
    }

    /** One entry under construction; {@link #add()} appends it. */
    public final class Entry {
        private final ObjectNode e = JSON.createObjectNode();
        private final ObjectNode request;
        private final ObjectNode response;
        private final ObjectNode content;

        Entry(String method, String url, int status) {
            e.put("_resourceType", "fetch");
            e.put("startedDateTime", String.format("2026-05-04T10:00:%02d.000Z", second++ % 60));
            e.put("time", 120.5);
            request = e.putObject("request");
            request.put("method", method).put("url", url).put("httpVersion", "http/2.0");
            request.putArray("headers");
            request.putArray("queryString");
            request.putArray("cookies");
            response = e.putObject("response");
            response.put("status", status).put("statusText", "");
            response.putArray("headers");
            response.putArray("cookies");
            content = response.putObject("content");
            content.put("size", 0).put("mimeType", "application/json");
            response.put("redirectURL", "").putNull("_error");
            e.putObject("timings").put("send", 0.1).put("wait", 100).put("receive", 1);
        }

        public Entry requestHeader(String name, String value) {
            ((ArrayNode) request.get("headers")).addObject().put("name", name).put("value", value);
            return this;
        }

        public Entry responseHeader(String name, String value) {
            ((ArrayNode) response.get("headers")).addObject().put("name", name).put("value", value);
            return this;
        }

        public Entry cookie(String name, String value) {
            ((ArrayNode) request.get("cookies")).addObject().put("name", name).put("value", value);
            return this;
        }

        public Entry query(String name, String value) {
            ((ArrayNode) request.get("queryString")).addObject().put("name", name).put("value", value);
            return this;
        }

        public Entry postData(String mime, String text) {
            request.putObject("postData").put("mimeType", mime).put("text", text);
            return this;
        }

        public Entry body(String mime, String text) {
            content.put("mimeType", mime).put("size", text.length()).put("text", text);
            return this;
        }

        public Entry base64Body(String mime, String text) {
            content.put("mimeType", mime).put("size", text.length())
                    .put("text", java.util.Base64.getEncoder().encodeToString(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    .put("encoding", "base64");
            return this;
        }

        public Entry netError(String error) {
            response.put("_error", error);
            return this;
        }

        public Entry field(String name, String value) {
            e.put(name, value);
            return this;
        }

        public Entry webSocketMessage(String type, String data) {
            ArrayNode msgs = e.has("_webSocketMessages") ? (ArrayNode) e.get("_webSocketMessages") : e.putArray("_webSocketMessages");
            msgs.addObject().put("type", type).put("time", 1.5).put("opcode", 1).put("data", data);
            return this;
        }

        public HarBuilder add() {
            entries.add(e);
            return HarBuilder.this;
        }
    }
}
