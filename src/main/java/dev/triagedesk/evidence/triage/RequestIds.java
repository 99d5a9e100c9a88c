package dev.triagedesk.evidence.triage;

import dev.triagedesk.evidence.RequestId;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Identifiers support can look up: request-ID headers, and IDs quoted inside error bodies and messages. */
public final class RequestIds {

    private static final Set<String> EXACT = Set.of(
            "x-request-id", "x-client-request-id", "request-id", "x-oai-request-id", "cf-ray", "x-amz-request-id",
            "x-amzn-requestid", "x-amzn-request-id", "x-amzn-trace-id", "x-amz-cf-id", "x-amz-id-2",
            "x-github-request-id", "sb-request-id", "fly-request-id", "x-ms-request-id", "x-ms-client-request-id",
            "x-cloud-trace-context", "traceparent", "x-correlation-id", "x-trace-id", "x-b3-traceid",
            "x-datadog-trace-id", "x-fastly-request-id", "x-vercel-id", "x-yahoo-request-id", "apigw-requestid",
            "x-served-by", "x-railway-request-id", "x-envoy-upstream-service-time-id", "x-goog-request-id",
            "x-azure-ref", "x-msedge-ref", "x-cache-request-id", "x-nf-request-id", "x-render-origin-server-id",
            "x-kong-request-id", "x-cdn-request-id", "x-appengine-request-log-id", "x-guploader-uploadid");

    /** "Please include the request ID req_… in your message", "request id: abc…", "Request-ID 12ab…". */
    private static final Pattern BODY_REQUEST_ID = Pattern.compile(
            "(?i)request[ _-]?id\\W{0,3}\\s*(?:is\\s+)?[\"'`(]?((?:req_)?[A-Za-z0-9][A-Za-z0-9_-]{11,79})");
    private static final Pattern REQ_PREFIXED = Pattern.compile("\\breq_[0-9a-fA-F]{24,40}\\b");
    /** Cloudflare ray quoted in pages and in OpenAI's "unusual activity" message: {@code (8830f9abcda18283-TPE)}. */
    private static final Pattern RAY = Pattern.compile("(?i)(?:ray id[:\\s]*(?:<[^>]*>\\s*)*|\\()([0-9a-f]{16}(?:-[A-Z]{3})?)\\b");
    private static final Pattern JSON_ID_FIELD = Pattern.compile(
            "\"(request_?id|requestId|trace_?id|traceId|correlation_?id|correlationId)\"\\s*:\\s*\"([A-Za-z0-9_:.-]{8,100})\"");

    private RequestIds() {
    }

    /** Whether a header with this (lower-case) name carries an identifier worth quoting to support. */
    public static boolean isIdHeader(String lowerName) {
        if (EXACT.contains(lowerName)) {
            return true;
        }
        return lowerName.endsWith("-request-id") || lowerName.endsWith("-requestid")
                || lowerName.endsWith("-correlation-id") || lowerName.endsWith("-trace-id");
    }

    /** IDs quoted inside an error body or message, named {@code body:request-id}, {@code body:cf-ray}... */
    public static void fromText(String text, Collection<RequestId> into) {
        if (text == null || text.isEmpty()) {
            return;
        }
        // each expression runs only over text that holds the word it starts from: most bodies hold none
        int words = wordsIn(text);
        boolean req = (words & REQ_PREFIX) != 0;
        boolean request = (words & REQUEST) != 0;
        boolean idField = (words & (REQUEST | TRACE | CORRELATION)) != 0;
        boolean ray = (words & (PAREN | RAY_WORD)) != 0;
        if (!req && !idField && !ray) {
            return;
        }
        Set<String> seen = new LinkedHashSet<>();
        for (RequestId r : into) {
            seen.add(r.value());
        }
        Matcher m;
        if (req) {
            m = REQ_PREFIXED.matcher(text);
            while (m.find()) {
                add(into, seen, "body:request-id", m.group(), true);
            }
        }
        if (request) {
            m = BODY_REQUEST_ID.matcher(text);
            while (m.find()) {
                add(into, seen, "body:request-id", m.group(1), false);
            }
        }
        if (idField) {
            m = JSON_ID_FIELD.matcher(text);
            while (m.find()) {
                add(into, seen, "body:" + m.group(1).toLowerCase(Locale.ROOT).replace('_', '-'), m.group(2), false);
            }
        }
        if (ray) {
            m = RAY.matcher(text);
            while (m.find()) {
                add(into, seen, "body:cf-ray", m.group(1), true);
            }
        }
    }

    /** What {@link #wordsIn} finds: {@code req_}, the words (in any case) and the character the expressions start from. */
    static final int REQ_PREFIX = 1;
    static final int REQUEST = 2;
    static final int TRACE = 4;
    static final int CORRELATION = 8;
    static final int RAY_WORD = 16;
    static final int PAREN = 32;
    private static final int ALL_WORDS = 63;

    /**
     * Which of {@code req_}, "request" followed by {@code [ _-]?id}, "trace", "correlation", "ray" (the words in any
     * case) and '(' the text holds,
     * in one pass that stops only at 'r', 't', 'c' and '(' (it was four passes and two searches: about 5% of a
     * thread analyzing a HAR whose failing bodies are many).
     */
    static int wordsIn(String text) {
        int words = 0;
        int n = text.length();
        for (int i = 0; i < n && words != ALL_WORDS; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '(' -> words |= PAREN;
                case 'r', 'R' -> {
                    if (c == 'r' && text.startsWith("req_", i)) {
                        words |= REQ_PREFIX;
                    }
                    if (AsciiWords.at(text, i, "request") && idAfterRequest(text, i + 7)) {
                        words |= REQUEST;
                    }
                    if (AsciiWords.at(text, i, "ray")) {
                        words |= RAY_WORD;
                    }
                }
                case 't', 'T' -> {
                    if (AsciiWords.at(text, i, "trace")) {
                        words |= TRACE;
                    }
                }
                case 'c', 'C' -> {
                    if (AsciiWords.at(text, i, "correlation")) {
                        words |= CORRELATION;
                    }
                }
                default -> { }
            }
        }
        return words;
    }

    /**
     * Whether {@code [ _-]?id} (in any case) follows "request" ending at {@code i}: the expressions that start
     * from "request" ({@link #BODY_REQUEST_ID}, the request ID fields of {@link #JSON_ID_FIELD}) all need it, and an
     * error message saying "your request" or "requests" needs none of them.
     */
    private static boolean idAfterRequest(String text, int i) {
        if (AsciiWords.at(text, i, "id")) {
            return true;
        }
        if (i >= text.length()) {
            return false;
        }
        char c = text.charAt(i);
        return (c == ' ' || c == '_' || c == '-') && AsciiWords.at(text, i + 1, "id");
    }

    /** @param certain the pattern itself proves it is an ID ({@code req_} + hex, a ray); otherwise it must look like one */
    private static void add(Collection<RequestId> into, Set<String> seen, String name, String value, boolean certain) {
        if (into.size() < 64 && (certain || looksLikeId(value)) && seen.add(value)) {
            into.add(new RequestId(name, value));
        }
    }

    /** IDs mix letters and digits; words that follow "request id" in prose ("request identifier") do not. */
    private static boolean looksLikeId(String v) {
        boolean digit = false;
        boolean letter = false;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            digit |= Character.isDigit(c);
            letter |= Character.isLetter(c);
        }
        return digit && (letter || v.length() >= 12);
    }
}
