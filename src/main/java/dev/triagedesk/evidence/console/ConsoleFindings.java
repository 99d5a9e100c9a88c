package dev.triagedesk.evidence.console;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Counts what a log held while it is read, for the one sentence that says what was found: the timestamp forms and
 * levels its lines carry, and what its findings state (statuses, net errors, URLs, error bodies). Bounded: a few
 * counters and at most one entry per timestamp form.
 */
final class ConsoleFindings {

    private final Set<String> timestampForms = new LinkedHashSet<>();
    private long levelled;
    private long withStatus;
    private long withNetError;
    private long withUrl;
    private long errorBodies;

    void line(ConsoleLine line) {
        if (line.kind() != ConsoleLine.Kind.START && line.kind() != ConsoleLine.Kind.NET_REQUEST) {
            return;
        }
        if (line.time() != null && timestampForms.size() < 8) {
            timestampForms.add(GenericLines.timestampForm(line.time()));
        }
        if (line.level() != null) {
            levelled++;
        }
    }

    void finding(MessageFacts facts, String url) {
        if (facts.status() != null) {
            withStatus++;
        }
        if (facts.netError() != null) {
            withNetError++;
        }
        if (url != null) {
            withUrl++;
        }
        if (facts.errorBody() || facts.code() != null) {
            errorBodies++;
        }
    }

    /** "generic log, timestamps (ISO 8601), levels: 2 errors (…), 1 request ID". */
    String describe(ConsoleFormat format, long errors, int requestIds) {
        StringBuilder b = new StringBuilder(format == ConsoleFormat.GENERIC
                ? "a line-oriented log in a layout of its own, read line by line" : format.id() + " console log");
        List<String> layout = new ArrayList<>();
        if (!timestampForms.isEmpty()) {
            layout.add("timestamps (" + String.join(", ", timestampForms) + ")");
        }
        if (levelled > 0) {
            layout.add("levels");
        }
        if (!layout.isEmpty()) {
            b.append(" with ").append(String.join(" and ", layout));
        }
        b.append(": ").append(count(errors, "error"));
        List<String> detail = new ArrayList<>();
        if (withStatus > 0) {
            detail.add(withStatus + " with an HTTP status");
        }
        if (withNetError > 0) {
            detail.add(withNetError + " with a net::ERR_ code");
        }
        if (withUrl > 0) {
            detail.add(withUrl + " with a URL");
        }
        if (errorBodies > 0) {
            detail.add(withCount(errorBodies, "with an error body or code", "with error bodies or codes"));
        }
        if (!detail.isEmpty()) {
            b.append(" (").append(String.join(", ", detail)).append(')');
        }
        return b.append(", ").append(count(requestIds, "request ID")).toString();
    }

    private static String count(long n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    private static String withCount(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
