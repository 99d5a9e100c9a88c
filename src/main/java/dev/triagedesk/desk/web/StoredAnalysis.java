package dev.triagedesk.desk.web;

import dev.triagedesk.storage.EvidenceStorage;
import org.slf4j.LoggerFactory;
import dev.triagedesk.ticket.Evidence;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads what the engine wrote next to each sanitized file: for a HAR {@code {"summary": HarSummary, "omitted": n}},
 * for a console log, SDK log or Batch file {@code {"format", "found", "lineCount", "errorsOmitted", "redaction", …}}
 * (an SDK log's lines that are an app's add {@code "console": {"found", …}}). The page needs the timeline and
 * the redaction report from it; neither is kept in the database.
 */
@Component
class StoredAnalysis {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /**
     * How the engine's note on a capture exported without cookies or Authorization begins. The page says that once,
     * in the file's redaction report, where it explains why no session secret was removed; the same sentence among
     * the file's notes said it a second time.
     */
    static final String ALREADY_SANITIZED_NOTE = "No cookies or Authorization headers anywhere";

    /** What redaction removed from one attachment. */
    record Redaction(long total, List<Rule> rules, boolean alreadySanitized, List<String> notes) {
    }

    /** Values of one kind found in one place ({@code rule}: request-header, cookie, query, json-field...). */
    record Rule(String rule, String kind, long count, List<String> names) {
    }

    /**
     * The parts of an analysis the ticket page shows; any part may be absent. {@code partialReason}: where and why
     * a HAR read only in part broke off. {@code found}: the reader's sentence on what a console log, SDK log or Batch
     * file held ("openai-python log …: 2 failing calls (2 retried), 7 attempts in all, 3 request IDs");
     * {@code othersFound}: the same for the lines of an SDK log that are an application's or a browser's.
     */
    record Analysis(TimelineChart timeline, Redaction redaction, List<String> notes, long omitted,
                    String partialReason, String found, String othersFound) {

        static Analysis none() {
            return new Analysis(null, null, List.of(), 0, null, null, null);
        }
    }

    private final EvidenceStorage storage;

    StoredAnalysis(EvidenceStorage storage) {
        this.storage = storage;
    }

    Analysis of(Evidence e) {
        if (e.getAnalysisLocation() == null) {
            return Analysis.none();
        }
        if (!storage.exists(e.getAnalysisLocation())) {
            // the page still opens, but the log says why its timeline is missing
            LoggerFactory.getLogger(StoredAnalysis.class).error("The evidence store lacks {}, which evidence {} names",
                    e.getAnalysisLocation(), e.getId());
            return Analysis.none();
        }
        JsonNode root;
        try (InputStream in = storage.open(e.getAnalysisLocation())) {
            root = JSON.readTree(in);
        } catch (IOException | JacksonException ex) {
            // an unreadable analysis only costs the picture and the report, never the page
            return Analysis.none();
        }
        JsonNode summary = root.path("summary");
        if (!summary.isMissingNode()) {
            return new Analysis(timeline(summary.path("stats").path("timeline")), redaction(summary.path("redaction")),
                    strings(summary.path("notes")).stream().filter(n -> !n.startsWith(ALREADY_SANITIZED_NOTE)).toList(),
                    root.path("omitted").asLong(0),
                    summary.path("partialReason").asString(null), null, null);
        }
        return new Analysis(null, redaction(root.path("redaction")), List.of(), root.path("errorsOmitted").asLong(0),
                null, text(root.path("found")), text(root.path("console").path("found")));
    }

    /** A stored sentence, or null when absent or blank (an analysis written before it was stored). */
    private static String text(JsonNode n) {
        return n.isString() && !n.asString().isBlank() ? n.asString() : null;
    }

    static TimelineChart timeline(JsonNode t) {
        if (!t.isObject()) {
            return null;
        }
        Instant start = Times.parse(t.path("start").asString(null));
        Instant end = Times.parse(t.path("end").asString(null));
        long bucket = t.path("bucketMillis").asLong(0);
        List<Long> requests = longs(t.path("requests"));
        if (start == null || end == null || bucket <= 0 || requests.isEmpty()) {
            return null;
        }
        return TimelineChart.of(start, end, bucket, requests, longs(t.path("failing")), t.path("untimed").asLong(0));
    }

    static Redaction redaction(JsonNode r) {
        if (!r.isObject()) {
            return null;
        }
        List<Rule> rules = new ArrayList<>();
        for (JsonNode rule : r.path("rules")) {
            rules.add(new Rule(rule.path("rule").asString(""), rule.path("kind").asString(""),
                    rule.path("count").asLong(0), strings(rule.path("names"))));
        }
        return new Redaction(r.path("total").asLong(0), List.copyOf(rules), r.path("alreadySanitized").asBoolean(false),
                strings(r.path("notes")));
    }

    private static List<Long> longs(JsonNode array) {
        List<Long> values = new ArrayList<>();
        for (JsonNode v : array) {
            values.add(Math.max(0, v.asLong(0)));
        }
        return values;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        for (JsonNode v : array) {
            if (v.isString()) {
                values.add(v.asString());
            }
        }
        return List.copyOf(values);
    }
}
