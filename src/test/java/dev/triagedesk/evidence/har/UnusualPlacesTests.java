package dev.triagedesk.evidence.har;

import static dev.triagedesk.evidence.Engines.sanitize;
import static dev.triagedesk.evidence.Engines.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.triagedesk.evidence.Corpus;
import dev.triagedesk.evidence.Engines;
import dev.triagedesk.evidence.HarBuilder;
import dev.triagedesk.evidence.Secrets;
import dev.triagedesk.evidence.redact.LeftoverScan;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Secrets in the places a name-and-shape redactor first missed (issue 10 §3), each sent through the engine's
 * sanitize: fields of a {@code multipart/form-data} body, a hidden form input of an HTML page, a GraphQL variable
 * under a short name, and the bare remainder of a prefixed key. What support reads next to them stays.
 */
class UnusualPlacesTests {

    @TempDir
    Path dir;

    private String sanitized(HarBuilder har) {
        String out = sanitize(write(dir, "t.har", har.json()), false);
        assertThat(LeftoverScan.check(out)).isEmpty();
        return out;
    }

    @Test
    void aScriptIdentifierShapedLikeAJwtIsCopiedAndTheCaptureNotRefused() {
        // "eyJ…" glued to a word, then two dots: a JWT's shape, but its first part is no JWT header. Before, the
        // leftover scan called it a JWT the free-text scan had let through and refused the whole capture.
        String script = "function f(x){return t.monkeyJSONParser.prototype.parse(x)}";
        String out = sanitized(new HarBuilder()
                .entry("GET", "https://cdn.example/app.js", 200).body("application/javascript", script).add());
        assertThat(out).contains("monkeyJSONParser.prototype.parse");
    }

    @Test
    void multipartFieldsAreRedactedByNameAsFormFieldsAre() {
        String password = "Multi9PartPassword!x";
        String apiKey = "mpk_4f9a8b7c6d5e4f3a2b1c";
        String clientSecret = "cs_9Zy8Xw7Vu6Ts5Rq4Po3";
        String boundary = "----WebKitFormBoundary7MA4YWxkTrZu0gW";
        String body = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"username\"\r\n\r\n"
                + "pat@example.com\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"password\"\r\n\r\n"
                + password + "\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"api_key\"\r\n\r\n"
                + apiKey + "\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"client_secret\"\r\n"
                + "Content-Type: text/plain\r\n\r\n"
                + clientSecret + "\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"note\"\r\n\r\n"
                + "line one\r\nline two\r\n"
                + "--" + boundary + "--\r\n";
        String out = sanitized(new HarBuilder()
                .entry("POST", "https://app.example/api/login", 401)
                .postData("multipart/form-data; boundary=" + boundary, body)
                .body("application/json", "{\"error\":\"invalid_credentials\"}").add());
        assertThat(out).doesNotContain(password, apiKey, clientSecret)
                .contains("pat@example.com", "line one\\r\\nline two", "name=\\\"password\\\"\\r\\n\\r\\n[REDACTED:password:",
                        "[REDACTED:api-key:", "[REDACTED:secret:", boundary + "--");
    }

    @Test
    void multipartWithoutABoundaryInItsMimeTypeIsReadFromItsFirstLine() {
        String password = "NoBoundaryGiven42pw";
        String body = "-----------------------------9051914041544843365972754266\r\n"
                + "Content-Disposition: form-data; name=\"password\"\r\n\r\n"
                + password + "\r\n"
                + "-----------------------------9051914041544843365972754266--\r\n";
        String out = sanitized(new HarBuilder()
                .entry("POST", "https://app.example/api/login", 200)
                .postData("multipart/form-data", body).add());
        assertThat(out).doesNotContain(password).contains("[REDACTED:password:");
    }

    @Test
    void hiddenInputsAndMetaTagsOfAnHtmlPageLoseTheirValues() {
        String csrf = "Kq8ZrT2wVx5Ly7Nb3Mc6Pd9Fh1Jg4";
        String reversed = "R3vErSeD0rDeRtOk3nV4lu3xx";
        String meta = "MetaCsrf9a8b7c6d5e4f3g2h1";
        String html = "<!DOCTYPE html><html><head><meta name=\"csrf-token\" content=\"" + meta + "\">"
                + "<title>Sign in</title></head><body><form method=\"post\">"
                + "<input type=\"hidden\" name=\"csrf_token\" value=\"" + csrf + "\">"
                + "<INPUT value='" + reversed + "' type=hidden NAME=authenticity_token />"
                + "<input type=\"text\" name=\"email\" value=\"pat@example.com\">"
                + "<input type=\"hidden\" name=\"return_to\" value=\"/dashboard\">"
                + "</form><p>Request ID: 7f3c9e2a-41d8</p></body></html>";
        String out = sanitized(new HarBuilder()
                .entry("GET", "https://app.example/login", 200).body("text/html; charset=utf-8", html).add());
        assertThat(out).doesNotContain(csrf, reversed, meta)
                .contains("name=\\\"csrf_token\\\" value=\\\"[REDACTED:token:", "pat@example.com", "/dashboard",
                        "Request ID: 7f3c9e2a-41d8", "<title>Sign in</title>");
    }

    @Test
    void aGraphQlVariableUnderAShortNameIsCheckedLikeFreeText() {
        String jwt = Secrets.jwt("graphql-user");
        String key = Secrets.openAiKey(77);
        String body = "{\"operationName\":\"Viewer\",\"query\":\"query Viewer($t: String!, $k: String) { viewer(t: $t) { id } }\","
                + "\"variables\":{\"t\":\"" + jwt + "\",\"k\":\"" + key + "\",\"first\":10}}";
        String out = sanitized(new HarBuilder()
                .entry("POST", "https://app.example/graphql", 200).postData("application/json", body).add());
        assertThat(out).doesNotContain(jwt, key).contains("\\\"first\\\":10", "query Viewer(");
    }

    @Test
    void anOpaqueTokenUnderAShortGraphQlNameIsToldFromIdsAndCursors() {
        String opaque = "aZ3kQ9mX2pL7wR4tN8vB1cY6";
        String relayId = "VXNlcjo0MjQyNDI0MjQyNDI0Mg==";
        String body = "{\"operationName\":\"Feed\",\"variables\":{\"t\":\"" + opaque + "\",\"c\":\"" + relayId
                + "\",\"id\":\"V1StGXR8Z5jdHi6BmyTa2\",\"h\":\"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b\"},"
                + "\"extensions\":{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"ecf4edb46db40b5132295c0291d62fb65d6759a9eedfa4d5d612dd5ec54a6b38\"}}}";
        String out = sanitized(new HarBuilder()
                .entry("POST", "https://app.example/graphql", 200).postData("application/json", body).add());
        assertThat(out).doesNotContain(opaque).contains(relayId, "V1StGXR8Z5jdHi6BmyTa2", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b",
                "ecf4edb46db40b5132295c0291d62fb65d6759a9eedfa4d5d612dd5ec54a6b38", "[REDACTED:token:");
    }

    @Test
    void aGraphQlGetRequestsVariablesInTheQueryStringAreCheckedToo() {
        String opaque = "bQ4nW8xZ1kR6tY3mP9vL2sJ5";
        String variables = "{\"t\":\"" + opaque + "\",\"first\":10}";
        String encoded = java.net.URLEncoder.encode(variables, StandardCharsets.UTF_8);
        String out = sanitized(new HarBuilder()
                .entry("GET", "https://app.example/graphql?operationName=Feed&variables=" + encoded
                        + "&extensions=%7B%22persistedQuery%22%3A%7B%22version%22%3A1%7D%7D", 200)
                .query("operationName", "Feed").query("variables", variables).query("extensions", "{\"persistedQuery\":{\"version\":1}}")
                .add()
                .entry("GET", "https://app.example/graphql?variables=" + encoded, 200).query("variables", encoded).add());
        assertThat(out).doesNotContain(opaque).contains("operationName=Feed", "persistedQuery");
    }

    @Test
    void aGraphQlVariableBoundToASecretArgumentIsRedactedWhateverItsName() {
        String opaque = "Op4queT0kenValueAbCdEfGh12";
        String pw = "GraphQlPassw0rdValue";
        String body = "{\"query\":\"mutation Login($t: String!, $p: String!, $n: Int) { login(token: $t, input: {password: $p}, n: $n) { ok } }\","
                + "\"variables\":{\"t\":\"" + opaque + "\",\"p\":\"" + pw + "\",\"n\":3}}";
        String asString = "{\"query\":\"mutation R($x: AuthToken!) { refresh(x: $x) { ok } }\","
                + "\"variables\":\"{\\\"x\\\":\\\"Str1ngVar1ablesT0kenValue\\\"}\"}";
        String out = sanitized(new HarBuilder()
                .entry("POST", "https://app.example/graphql", 200).postData("application/json", body).add()
                .entry("POST", "https://app.example/graphql", 200).postData("application/json", asString).add()
                .entry("GET", "https://app.example/graphql", 200)
                .webSocketMessage("send", "{\"id\":\"1\",\"type\":\"subscribe\",\"payload\":{\"query\":"
                        + "\"subscription($s: String!) { feed(session: $s) { id } }\",\"variables\":{\"s\":\"W3bS0cketSess10nValue\"}}}").add());
        assertThat(out).doesNotContain(opaque, pw, "Str1ngVar1ablesT0kenValue", "W3bS0cketSess10nValue")
                .contains("\\\"n\\\":3", "mutation Login(");
    }

    @Test
    void theBareRemainderOfAPrefixedKeyIsAKnownSecretToo() {
        String key = Secrets.openAiKey(5);
        String bare = key.substring("sk-proj-".length());
        String out = sanitized(new HarBuilder()
                .entry("GET", "https://app.example/debug", 200)
                .body("text/plain", "stored key suffix " + bare + " in settings").add()
                .entry("POST", "https://api.openai.com/v1/chat/completions", 401)
                .requestHeader("authorization", "Bearer " + key).add()
                .entry("GET", "https://app.example/settings", 200)
                .body("application/json", "{\"last\":\"" + bare + "\",\"proj\":\"proj-" + bare + "\"}").add());
        assertThat(out).doesNotContain(bare);
    }
    /** The four places planted in every fourth entry of real HARs: none of the values may survive. */
    @Test
    void noSecretPlantedInTheUnusualPlacesOfRealHarsSurvives() throws Exception {
        List<String> files = List.of("pagexray-nytimes-webpagetest-503.har", "mitmproxy-firefox111.har",
                "user-psantos9-playwright-firefox100.har", "harviewer-two-megs-firebug.har",
                "user-masteralan360-asaas-chrome143-404-body.har", "chrome-har-yahoo-devtoolslog.har");
        int total = 0;
        for (String name : files) {
            String text = Files.readString(Corpus.har(name), StandardCharsets.UTF_8);
            JsonNode root = Engines.tree(text.startsWith("\uFEFF") ? text.substring(1) : text);
            ArrayNode entries = (ArrayNode) root.path("log").path("entries");
            Map<String, String> planted = new LinkedHashMap<>();
            for (int i = 0; i < entries.size(); i += Math.max(1, entries.size() / 6)) {
                plant((ObjectNode) entries.get(i), name.hashCode() % 1000 + i, planted);
            }
            Path in = dir.resolve("unusual-" + name);
            Files.writeString(in, Engines.JSON.writeValueAsString(root));
            String out = sanitize(in, false);
            List<String> survived = new ArrayList<>();
            planted.forEach((secret, where) -> {
                if (out.contains(secret)) {
                    survived.add(where + ": " + secret);
                }
            });
            assertThat(survived).as("secrets planted in unusual places left in %s", name).isEmpty();
            total += planted.size();
        }
        System.out.printf("planted %d secrets in unusual places of %d real HARs: 0 survived sanitizing%n", total, files.size());
    }

    private static void plant(ObjectNode entry, int n, Map<String, String> planted) {
        ObjectNode request = (ObjectNode) entry.get("request");
        ObjectNode response = (ObjectNode) entry.get("response");
        String boundary = "----WebKitFormBoundary" + Math.abs(n) + "x7MA4YWxkTrZu0gW";
        StringBuilder multipart = new StringBuilder();
        for (String field : List.of("password", "api_key", "client_secret")) {
            multipart.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(field)
                    .append("\"\r\n\r\n").append(note(planted, "Mp" + n + field.replace("_", "") + "Value9z", "multipart " + field))
                    .append("\r\n");
        }
        multipart.append("--").append(boundary).append("--\r\n");
        String key = note(planted, Secrets.openAiKey(n + 7000), "prefixed key");
        String bare = note(planted, key.substring("sk-proj-".length()), "bare remainder of a prefixed key");
        if (n % 2 == 0) {
            request.putObject("postData").put("mimeType", "multipart/form-data; boundary=" + boundary).put("text", multipart.toString());
        } else {
            String body = "{\"query\":\"mutation L($t: String!, $p: String!) { login(token: $t, password: $p) { ok } }\","
                    + "\"variables\":{\"t\":\"" + note(planted, "Gq" + n + "TokenVal8Kz3Xy", "GraphQL variable bound to token")
                    + "\",\"p\":\"" + note(planted, "Gq" + n + "PassVal5Qw2Rt", "GraphQL variable bound to password")
                    + "\",\"k\":\"" + note(planted, "aZ3kQ9mX2pL7wR4" + n + "tN8vB1cY6", "GraphQL random token under a short name")
                    + "\"},\"extensions\":{\"note\":\"" + bare + "\"}}";
            request.putObject("postData").put("mimeType", "application/json").put("text", body);
        }
        ((ArrayNode) request.withArray("headers")).addObject().put("name", "x-api-key").put("value", key);
        String html = "<html><head><meta name=\"csrf-token\" content=\"" + note(planted, "Meta" + n + "CsrfT0kenQq", "meta csrf-token")
                + "\"></head><body><form><input type=\"hidden\" name=\"csrf_token\" value=\""
                + note(planted, "Hid" + n + "CsrfT0kenZz", "hidden input csrf_token") + "\"><input type=\"password\" name=\"pw1\" value=\""
                + note(planted, "Pw" + n + "InputValueXx", "password input") + "\"></form><p>" + bare + "</p></body></html>";
        ObjectNode content = response.withObject("content");
        content.put("mimeType", "text/html; charset=utf-8").put("text", html);
        content.remove("encoding");
    }

    private static String note(Map<String, String> planted, String secret, String where) {
        planted.put(secret, where);
        return secret;
    }
}
