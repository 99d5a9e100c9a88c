package dev.triagedesk.evidence.api;

/** The kinds of API client evidence, told apart by content. */
public enum ApiLogFormat {
    /** The openai-python SDK's logging ({@code OPENAI_LOG=debug}, the {@code openai} and {@code httpx} loggers). */
    OPENAI_PYTHON("openai-python"),
    /** The openai-node SDK's logging (v5's {@code [log_…]} lines, v4's {@code OpenAI:DEBUG:…}). */
    OPENAI_NODE("openai-node"),
    /** A traceback or exception text of an API client (Python, Node, Java, Go, .NET). */
    TRACEBACK("traceback"),
    /** A {@code curl -v} or {@code curl -i} transcript. */
    CURL("curl");

    private final String id;

    ApiLogFormat(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
