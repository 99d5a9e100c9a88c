package dev.triagedesk.evidence.redact;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The variables of a GraphQL request, judged by where the query uses them: in
 * {@code mutation($t: String!) { login(token: $t) }} the variable {@code t} holds a token although its own name
 * says nothing. A variable bound to an argument (or declared with a type) whose name is secret loses its value;
 * everything else in the body is then walked by key as any JSON body is, which runs the shape checks of free text
 * over every string (so a key or JWT under a short name goes too).
 */
final class GraphQlVariables {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_BODY = 1 << 20;
    /** {@code token: $t}: an argument or input field given a variable. */
    private static final Pattern BINDING = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\s*:\\s*\\$([A-Za-z_][A-Za-z0-9_]*)");
    /** {@code $t: AuthToken!}: a variable declared with a named type. */
    private static final Pattern DECLARATION = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)\\s*:\\s*\\[?\\s*([A-Za-z_][A-Za-z0-9_]*)");

    private GraphQlVariables() {
    }

    /** A cheap first look, so only bodies naming both a query and variables are parsed twice. */
    static boolean mayBe(String text) {
        return text.length() <= MAX_BODY && text.contains("\"variables\"")
                && (text.contains("\"query\"") || text.contains("\"operationName\"") || text.contains("\"extensions\""));
    }

    /** The body with every variable bound to a secret argument redacted; the same string when there is none. */
    static String bindSecrets(Redactor redactor, String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JacksonException notJson) {
            return text;
        }
        boolean changed = false;
        if (root != null && root.isArray()) {
            for (JsonNode op : root) {
                changed |= operation(redactor, op, 0);
            }
        } else {
            changed = operation(redactor, root, 0);
        }
        return changed ? JSON.writeValueAsString(root) : text;
    }

    /**
     * The {@code variables} parameter of a GraphQL GET request (a persisted query), JSON as it is or
     * percent-encoded: checked as a POST body's variables are. Null when it is not a JSON object.
     */
    static String queryParameter(Redactor redactor, String value) {
        boolean encoded = value.regionMatches(true, 0, "%7B", 0, 3);
        String json = encoded ? UrlRedaction.decode(value) : value;
        if (json.length() > MAX_BODY || !json.startsWith("{")) {
            return null;
        }
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JacksonException notJson) {
            return null;
        }
        if (!(node instanceof ObjectNode vars)) {
            return null;
        }
        String bound = redactIn(redactor, vars, Map.of()) ? JSON.writeValueAsString(vars) : json;
        String redacted = redactor.json(bound, true);
        if (redacted == null || redacted == json) {
            return value;
        }
        return encoded ? UrlRedaction.encodeKeepingMarkers(redacted) : redacted;
    }

    private static boolean operation(Redactor redactor, JsonNode node, int depth) {
        if (!(node instanceof ObjectNode op) || depth > 2) {
            return false;
        }
        JsonNode query = op.get("query");
        JsonNode variables = op.get("variables");
        if (variables == null) {
            // graphql-ws and subscriptions-transport-ws wrap the operation in a payload
            return operation(redactor, op.get("payload"), depth + 1);
        }
        // a persisted query sends only its hash: no bindings to read, but the short names are still checked
        Map<String, SecretKind> secret = query != null && query.isString() ? secretVariables(query.asString()) : Map.of();
        if (variables instanceof ObjectNode vars) {
            return redactIn(redactor, vars, secret);
        }
        if (variables.isString()) {
            // some clients send the variables as a JSON string
            try {
                if (JSON.readTree(variables.asString()) instanceof ObjectNode vars && redactIn(redactor, vars, secret)) {
                    op.put("variables", JSON.writeValueAsString(vars));
                    return true;
                }
            } catch (JacksonException notJson) {
                return false;
            }
        }
        return false;
    }

    private static boolean redactIn(Redactor redactor, ObjectNode vars, Map<String, SecretKind> secret) {
        boolean changed = shortNamedTokens(redactor, vars, 0);
        for (Map.Entry<String, SecretKind> e : secret.entrySet()) {
            JsonNode v = vars.get(e.getKey());
            // an input object is walked by its own keys later; only a scalar is secret as a whole
            if (v != null && (v.isString() || v.isNumber())) {
                String value = v.asString();
                String redacted = redactor.secret("graphql-variable", e.getValue(), e.getKey(), value);
                if (redacted != value) {
                    vars.put(e.getKey(), redacted);
                    changed = true;
                }
            }
        }
        return changed;
    }

    /**
     * Values under names of one or two letters (minified clients: {@code t}, {@code k}) that have the shape of a
     * random token: nothing about the name can say they are secret, so their look decides.
     */
    private static boolean shortNamedTokens(Redactor redactor, ObjectNode node, int depth) {
        boolean changed = false;
        Map<String, String> replaced = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            JsonNode v = e.getValue();
            String name = e.getKey();
            if (v instanceof ObjectNode inner && depth < 8) {
                changed |= shortNamedTokens(redactor, inner, depth + 1);
            } else if (v.isString() && name.length() <= 2 && !name.equalsIgnoreCase("id") && isRandomToken(v.asString())) {
                replaced.put(name, redactor.secret("graphql-variable", SecretKind.TOKEN, name, v.asString()));
            }
        }
        replaced.forEach(node::put);
        return changed || !replaced.isEmpty();
    }

    /**
     * At least 20 token characters mixing upper case, lower case and digits, switching between them as random
     * text does (words and hex IDs do not), and not base64 of readable text (Relay IDs, cursors).
     */
    static boolean isRandomToken(String v) {
        int n = v.length();
        if (n < 20 || n > 512) {
            return false;
        }
        int upper = 0;
        int lower = 0;
        int digits = 0;
        int changes = 0;
        int previous = -1;
        for (int i = 0; i < n; i++) {
            char c = v.charAt(i);
            int cls = c >= 'A' && c <= 'Z' ? 0 : c >= 'a' && c <= 'z' ? 1 : c >= '0' && c <= '9' ? 2 : 3;
            if (cls == 3 && "-_.~+/=".indexOf(c) < 0) {
                return false;
            }
            upper += cls == 0 ? 1 : 0;
            lower += cls == 1 ? 1 : 0;
            digits += cls == 2 ? 1 : 0;
            changes += previous >= 0 && cls != previous ? 1 : 0;
            previous = cls;
        }
        return upper > 0 && lower > 0 && digits > 0 && changes * 4 >= n && !base64OfText(v);
    }

    private static boolean base64OfText(String v) {
        byte[] decoded;
        try {
            decoded = java.util.Base64.getDecoder().decode(v);
        } catch (IllegalArgumentException notBase64) {
            try {
                decoded = java.util.Base64.getUrlDecoder().decode(v);
            } catch (IllegalArgumentException notEither) {
                return false;
            }
        }
        for (byte b : decoded) {
            if (b < 0x20 || b > 0x7e) {
                return false;
            }
        }
        return true;
    }

    /** The variables a query passes to a secret argument or declares with a secret type, with the kind. */
    static Map<String, SecretKind> secretVariables(String query) {
        Map<String, SecretKind> out = new LinkedHashMap<>();
        Matcher m = BINDING.matcher(query);
        while (m.find()) {
            SecretKind kind = SensitiveNames.classify(m.group(1), Scope.FORM);
            if (kind != null) {
                out.putIfAbsent(m.group(2), kind);
            }
        }
        m = DECLARATION.matcher(query);
        while (m.find()) {
            SecretKind kind = SensitiveNames.classify(m.group(2), Scope.FORM);
            if (kind != null) {
                out.putIfAbsent(m.group(1), kind);
            }
        }
        return out;
    }
}
