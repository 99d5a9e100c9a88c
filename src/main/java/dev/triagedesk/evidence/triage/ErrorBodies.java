package dev.triagedesk.evidence.triage;

import dev.triagedesk.evidence.ErrorDetail;
import java.util.Iterator;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the structured error out of a response body: OpenAI's {@code {"error":{message,type,param,code}}},
 * ChatGPT's FastAPI {@code {"detail": ...}} (string, object or validation list), OAuth
 * {@code {error, error_description}}, RFC 9457 problem details, GraphQL/JSON:API {@code errors[]}, Google's
 * {@code error.status}, Supabase/PostgREST {@code {code, message, hint}}, and the title of HTML error pages.
 * Values are returned as found: the caller redacts them.
 */
public final class ErrorBodies {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern TITLE = Pattern.compile("(?is)<title[^>]*>(.*?)</title>");
    private static final Pattern H1 = Pattern.compile("(?is)<h1[^>]*>(.*?)</h1>");
    private static final Pattern CF_CODE = Pattern.compile("(?i)(?:cf-error-code\">|Error code:?\\s*|error\\s+)(1\\d{3}|52\\d)\\b");
    private static final Pattern TAGS = Pattern.compile("<[^>]+>");
    private static final int MAX_MESSAGE = 500;

    private ErrorBodies() {
    }

    /** The error in a body, or {@code null} when the body holds none that can be read. */
    public static ErrorDetail parse(String body, String mimeType) {
        if (body == null || body.isBlank()) {
            return null;
        }
        String mime = mimeType == null ? "" : mimeType.toLowerCase(Locale.ROOT);
        String trimmed = body.strip();
        char first = trimmed.charAt(0);
        if (first == '{' || first == '[' || mime.contains("json")) {
            ErrorDetail fromJson = json(trimmed);
            if (fromJson != null) {
                return fromJson;
            }
        }
        if (mime.contains("html") || first == '<') {
            return html(trimmed);
        }
        if (mime.contains("event-stream")) {
            return null;
        }
        String line = trimmed.lines().findFirst().orElse("").strip();
        return line.isEmpty() ? null : new ErrorDetail(null, null, clip(line), null);
    }

    static ErrorDetail json(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JacksonException notJson) {
            return null;
        }
        return fromNode(root, 0);
    }

    private static ErrorDetail fromNode(JsonNode root, int depth) {
        if (root == null || depth > 3) {
            return null;
        }
        if (root.isArray()) {
            return root.isEmpty() ? null : fromNode(root.get(0), depth + 1);
        }
        if (!root.isObject()) {
            return null;
        }
        JsonNode error = root.get("error");
        if (error != null && error.isObject()) {
            String type = str(error, "type");
            if (type == null) {
                type = str(error, "status"); // Google APIs: {"error":{"code":403,"status":"PERMISSION_DENIED"}}
            }
            String message = str(error, "message");
            ErrorDetail d = detail(type, str(error, "code"), message, str(error, "param"));
            return d != null ? d : detail(type, null, str(root, "message"), null);
        }
        if (error != null && error.isString()) {
            String message = first(root, "error_description", "message", "detail");
            String e = error.asString();
            // {"error": "invalid_grant"} is a code; {"error": "Something broke"} is a message
            boolean codeLike = e.matches("[A-Za-z][A-Za-z0-9_.-]{1,63}") && !e.contains(" ");
            return detail(str(root, "type"), codeLike ? e : str(root, "code"),
                    message != null ? message : codeLike ? null : e, null);
        }
        JsonNode detail = root.get("detail");
        if (detail != null) {
            if (detail.isString()) {
                return detail(str(root, "type"), str(root, "code"), detail.asString(), null);
            }
            if (detail.isObject()) {
                return detail(str(detail, "type"), str(detail, "code"), first(detail, "message", "msg"),
                        str(detail, "param"));
            }
            if (detail.isArray() && !detail.isEmpty()) {
                JsonNode d = detail.get(0);
                String loc = null;
                if (d.has("loc") && d.get("loc").isArray()) {
                    StringBuilder sb = new StringBuilder();
                    for (JsonNode part : d.get("loc")) {
                        if (sb.length() > 0) {
                            sb.append('.');
                        }
                        sb.append(part.asString());
                    }
                    loc = sb.toString();
                }
                return detail(str(d, "type"), null, first(d, "msg", "message"), loc);
            }
        }
        JsonNode errors = root.get("errors");
        if (errors != null && errors.isArray() && !errors.isEmpty()) {
            JsonNode e = errors.get(0);
            if (e.isString()) {
                return detail(null, null, e.asString(), null);
            }
            if (e.isObject()) {
                JsonNode ext = e.get("extensions");
                String code = str(e, "code");
                if (code == null && ext != null) {
                    code = str(ext, "code");
                }
                return detail(str(e, "type"), code, first(e, "message", "detail", "title"), first(e, "param", "field"));
            }
        }
        if (errors != null && errors.isObject()) {
            // Rails-style {"errors": {"email": ["is invalid"]}}
            Iterator<String> names = errors.propertyNames().iterator();
            if (names.hasNext()) {
                String field = names.next();
                JsonNode v = errors.get(field);
                String message = v.isArray() && !v.isEmpty() ? v.get(0).asString() : v.asString();
                return detail(null, null, message, field);
            }
        }
        String title = str(root, "title");
        if (title != null && (root.has("status") || root.has("detail"))) {
            String type = str(root, "type");
            return detail("about:blank".equals(type) ? null : type, str(root, "code"), title, null);
        }
        String message = first(root, "message", "msg", "error_message", "errorMessage", "error_description", "reason");
        String code = first(root, "code", "error_code", "errorCode");
        String type = first(root, "type", "error_type", "errorType");
        if (message != null || code != null) {
            return detail(type, code, message, first(root, "param", "field"));
        }
        JsonNode data = root.get("data");
        return data != null && data.isObject() ? fromNode(data, depth + 1) : null;
    }

    static ErrorDetail html(String html) {
        String code = null;
        Matcher cf = CF_CODE.matcher(html);
        if (cf.find()) {
            code = cf.group(1);
        }
        Matcher m = TITLE.matcher(html);
        String message = m.find() ? text(m.group(1)) : null;
        if (message == null || message.isEmpty()) {
            Matcher h = H1.matcher(html);
            message = h.find() ? text(h.group(1)) : null;
        }
        return detail(null, code, message == null || message.isEmpty() ? null : message, null);
    }

    private static String text(String htmlFragment) {
        String t = TAGS.matcher(htmlFragment).replaceAll(" ");
        t = t.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&nbsp;", " ").replace("&hellip;", "…");
        return clip(t.replaceAll("\\s+", " ").strip());
    }

    private static ErrorDetail detail(String type, String code, String message, String param) {
        ErrorDetail d = new ErrorDetail(blankToNull(type), blankToNull(code), clip(blankToNull(message)),
                blankToNull(param));
        return d.isEmpty() ? null : d;
    }

    private static String str(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || v.isContainer()) {
            return null;
        }
        return v.asString();
    }

    private static String first(JsonNode node, String... fields) {
        for (String f : fields) {
            String v = str(node, f);
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String clip(String s) {
        if (s == null || s.length() <= MAX_MESSAGE) {
            return s;
        }
        return s.substring(0, MAX_MESSAGE - 1) + "…";
    }
}
