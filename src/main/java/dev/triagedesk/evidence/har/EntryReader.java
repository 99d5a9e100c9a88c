package dev.triagedesk.evidence.har;

import dev.triagedesk.evidence.har.HeaderNames.HeaderName;
import dev.triagedesk.evidence.redact.Redactor;
import dev.triagedesk.evidence.redact.Scope;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

/**
 * Reads one entry of {@code log.entries}: the facts the analysis needs into {@link EntryFacts}, and each value to
 * the output, redacted where the HAR's structure says it is secret (a header's {@code value} because of its
 * {@code name}, a cookie's value, a parameter's).
 */
final class EntryReader {

    private final ReadState s;
    private final HarOutput out;
    private final Redactor redactor;
    private final BodyReader bodies;
    /**
     * Analysis: the last value of each header handed to {@link Redactor#learnCredential}. A capture sends the same
     * Cookie header with every request, and learning a known value again changes nothing.
     */
    private final Map<String, String> learned = new HashMap<>();
    private final HeaderNames headerNames = new HeaderNames();

    EntryReader(ReadState state) {
        this.s = state;
        this.out = state.out;
        this.redactor = state.redactor;
        this.bodies = new BodyReader(state);
    }

    /** Reads the entry object whose '{' is the current token, and hands its facts to the analysis. */
    void read(int index) {
        EntryFacts f = new EntryFacts(index);
        JsonParser p = s.p;
        out.startObject();
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            out.name(name);
            switch (name) {
                case "request" -> {
                    if (t == JsonToken.START_OBJECT) {
                        readRequest(f);
                    } else {
                        s.copyOrSkip(name);
                    }
                }
                case "response" -> {
                    if (t == JsonToken.START_OBJECT) {
                        readResponse(f);
                    } else {
                        s.copyOrSkip(name);
                    }
                }
                case "startedDateTime" -> {
                    f.startedAt = s.scalar();
                    out.keep(t, f.startedAt);
                }
                case "time" -> {
                    String raw = s.scalar();
                    f.time = parseDouble(raw);
                    out.keep(t, raw);
                }
                case "_resourceType" -> {
                    f.resourceType = s.scalar();
                    out.keep(t, f.resourceType);
                }
                case "serverIPAddress" -> {
                    f.serverIp = s.scalar();
                    out.keep(t, f.serverIp);
                }
                case "_error" -> {
                    String e = s.scalar();
                    if (e != null && !e.isBlank()) {
                        f.netErrorText = e;
                    }
                    out.text(t, e);
                }
                case "_securityDetails" -> {
                    JsonNode details = s.tree();
                    if (details != null && details.isObject()) {
                        f.issuer = ReadState.text(details, "issuer");
                    }
                    out.tree(details, name);
                }
                case "_webSocketMessages" -> readFlatArray("_webSocketMessages", "message", "data",
                        (fields, data) -> redactor.body(null, data, "send".equals(FlatField.valueOf(fields, "type"))));
                default -> s.copyOrSkip(name);
            }
        }
        out.endObject();
        s.analysis.entry(f);
    }

    /**
     * The request's {@code url} is written last, after the headers and cookies: a cookie echoed in the same
     * request's URL is then already known to the redactor as a secret.
     */
    private void readRequest(EntryFacts f) {
        JsonParser p = s.p;
        out.startObject();
        boolean sawUrl = false;
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            if (name.equals("url")) {
                f.url = s.scalar();
                sawUrl = true;
                continue;
            }
            out.name(name);
            switch (name) {
                case "method" -> {
                    f.method = s.scalar();
                    out.keep(t, f.method);
                }
                case "headers" -> readHeaders(f, false);
                case "cookies" -> readCookies(f, false);
                case "queryString" -> readFlatArray("params", "param", "value",
                        (fields, value) -> redactor.parameter(FlatField.valueOf(fields, "name"), value, Scope.QUERY));
                case "postData" -> {
                    if (t == JsonToken.START_OBJECT) {
                        bodies.read(f, true);
                    } else {
                        s.copyOrSkip(name);
                    }
                }
                default -> s.copyOrSkip(name);
            }
        }
        if (sawUrl && out.writing()) {
            f.sanitizedUrl = redactor.url(f.url);
            out.name("url");
            out.string(f.sanitizedUrl);
        }
        out.endObject();
    }

    private void readResponse(EntryFacts f) {
        JsonParser p = s.p;
        redactor.inResponseTo(f.url, null); // its error codes are told from sign-in codes by status and URL
        out.startObject();
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            out.name(name);
            switch (name) {
                case "status" -> {
                    String raw = s.scalar();
                    f.status = parseStatus(raw);
                    redactor.inResponseTo(f.url, f.status);
                    out.keep(t, raw);
                }
                case "statusText" -> {
                    f.statusText = s.scalar();
                    out.text(t, f.statusText);
                }
                case "headers" -> readHeaders(f, true);
                case "cookies" -> readCookies(f, true);
                case "content" -> {
                    if (t == JsonToken.START_OBJECT) {
                        bodies.read(f, false);
                    } else {
                        s.copyOrSkip(name);
                    }
                }
                case "redirectURL" -> {
                    String u = s.scalar();
                    if (out.writing()) {
                        out.string(redactor.url(u));
                    }
                }
                case "_error", "_failureText" -> {
                    String e = s.scalar();
                    if (e != null && !e.isBlank()) {
                        f.netErrorText = e;
                    }
                    out.text(t, e);
                }
                default -> s.copyOrSkip(name);
            }
        }
        out.endObject();
    }

    private void readHeaders(EntryFacts f, boolean response) {
        JsonParser p = s.p;
        if (p.currentToken() != JsonToken.START_ARRAY) {
            s.copyOrSkip("headers");
            return;
        }
        boolean writing = out.writing();
        out.startArray();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                s.copyOrSkip("header");
                continue;
            }
            HeaderName name = null;
            String value = null;
            List<FlatField> extra = null;
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                if (field.equals("name")) {
                    if (t == JsonToken.VALUE_STRING) {
                        name = headerNames.current(p);
                    } else {
                        String odd = s.scalar();
                        name = odd == null ? null : HeaderName.of(odd);
                    }
                } else if (field.equals("value")) {
                    // analysis alone reads only the values it uses; the others are skipped undecoded
                    if (writing || name == null || name.interesting()) {
                        value = s.scalar();
                    } else if (t.isStructStart()) {
                        p.skipChildren();
                    }
                } else if (writing && t.isScalarValue()) {
                    if (extra == null) {
                        extra = new ArrayList<>(2);
                    }
                    extra.add(new FlatField(field, s.scalarText(t), t, null));
                } else if (t.isStructStart()) {
                    p.skipChildren();
                }
            }
            String lower = name == null ? null : name.lower();
            if (name != null && value != null && name.interesting()) {
                f.header(lower, value, response);
                if (!writing && name.credential() && !value.equals(learned.put(lower, value))) {
                    redactor.learnCredential(lower, value); // so echoes of it in failing URLs are redacted
                }
            }
            if (writing) {
                out.startObject();
                if (name != null) {
                    out.name("name");
                    out.string(name.name());
                }
                out.name("value");
                out.string(redactor.header(name == null ? null : name.name(), lower, value, response));
                if (extra != null) {
                    for (FlatField ff : extra) {
                        out.name(ff.name());
                        out.flatValue(ff);
                    }
                }
                out.endObject();
            }
        }
        out.endArray();
    }

    private void readCookies(EntryFacts f, boolean response) {
        int cookies = readFlatArray("cookies", "cookie", "value",
                (fields, value) -> redactor.cookieValue(FlatField.valueOf(fields, "name"), value, response));
        if (cookies > 0) {
            f.cookieOrAuth = true;
        }
    }

    /**
     * An array of flat objects (cookies, query parameters, WebSocket messages), each written with its
     * {@code secretField} redacted. Returns how many elements it has (analysis skips them).
     */
    private int readFlatArray(String arrayName, String elementName, String secretField, FlatField.Redaction redaction) {
        JsonParser p = s.p;
        if (p.currentToken() != JsonToken.START_ARRAY) {
            s.copyOrSkip(arrayName);
            return 0;
        }
        boolean writing = out.writing();
        int elements = 0;
        out.startArray();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            elements++;
            if (!writing || p.currentToken() != JsonToken.START_OBJECT) {
                s.copyOrSkip(elementName);
            } else {
                out.flatObject(s.readFlat(), secretField, redaction);
            }
        }
        out.endArray();
        return elements;
    }


    private static double parseDouble(String raw) {
        if (raw == null) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(raw.trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** HTTP status; some writers use strings or floats, a few write null for "no response". */
    private static Integer parseStatus(String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return (int) Double.parseDouble(raw.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
