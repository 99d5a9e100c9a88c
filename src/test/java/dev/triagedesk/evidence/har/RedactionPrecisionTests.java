package dev.triagedesk.evidence.har;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triagedesk.evidence.Corpus;
import dev.triagedesk.evidence.Engines;
import dev.triagedesk.evidence.HarBuilder;
import dev.triagedesk.evidence.redact.LeftoverScan;
import dev.triagedesk.evidence.triage.RequestIds;
import dev.triagedesk.support.RequiredTool;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Issue 9 §2, measured: over every HAR of the corpus (and a set of real-world error bodies), every request-ID
 * header value and every short error code or type of a failing response's JSON body must still be in the
 * sanitized copy, unless the value is itself a secret shape. Prints the figure.
 */
class RedactionPrecisionTests {

    /** Field names under which a failing JSON body names its error. */
    private static final Set<String> ERROR_FIELDS = Set.of("code", "type", "error", "error_code", "errorcode",
            "error_type", "errortype", "sub_code", "subcode", "reason", "status", "errno", "sqlstate");
    private static final int SHORT = 40;

    @TempDir
    Path dir;

    @Test
    void requestIdsAndErrorCodesOfTheWholeCorpusSurviveSanitizing() throws Exception {
        Tally tally = new Tally();
        int files = 0;
        for (Path file : Corpus.hars()) {
            JsonNode original = parse(file);
            if (original == null) {
                continue; // not JSON upstream (JSONP, fragments, hand-edited): nothing to compare against
            }
            files++;
            tally.check(file.getFileName().toString(), original, Engines.sanitize(file, false));
        }
        tally.report("corpus (" + files + " HARs)");
        assertThat(tally.total).isGreaterThan(100);
        assertThat(tally.lost).as("request IDs and error codes lost in sanitizing").isEmpty();
    }

    @Test
    void requestIdsAndErrorCodesOfAGeneratedChatGptHarSurviveSanitizing() throws Exception {
        RequiredTool.require(RequiredTool.commandWorks("python3", "--version"), "python3 is needed to run makehar.py");
        Path tool = Corpus.dir().resolveSibling("tools").resolve("makehar.py");
        Path har = dir.resolve("generated.har");
        Process p = new ProcessBuilder("python3", tool.toString(), "--size-mb", "2", "--seed", "5", "--asset-kb", "16",
                "--out", har.toString(), "--oracle", dir.resolve("generated.oracle.json").toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        Tally tally = new Tally();
        tally.check("generated", Engines.tree(Files.readString(har)), Engines.sanitize(har, false));
        tally.report("a generated ChatGPT/OpenAI HAR (makehar.py, 2 MB)");
        assertThat(tally.codes).isGreaterThan(20);
        assertThat(tally.lost).isEmpty();
    }

    @Test
    void errorBodiesOfTheApisSupportSeesSurviveSanitizing() {
        String[] bodies = {
            "{\"code\":\"42P17\",\"details\":null,\"hint\":null,\"message\":\"infinite recursion detected in policy for relation \\\"members\\\"\"}",
            "{\"code\":\"PGRST204\",\"details\":null,\"hint\":null,\"message\":\"Could not find the 'title' column of 'posts'\"}",
            "{\"code\":\"PGRST202\",\"details\":\"Searched for the function public.list\",\"hint\":null,\"message\":\"Could not find the function\"}",
            "{\"code\":\"23505\",\"details\":\"Key (email)=(pat@example.com) already exists.\",\"message\":\"duplicate key value\"}",
            "{\"ok\":false,\"code\":\"E11000\",\"errmsg\":\"E11000 duplicate key error collection: app.users\"}",
            "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\",\"param\":null,\"code\":\"rate_limit_exceeded\"}}",
            "{\"error\":{\"message\":\"Incorrect API key provided\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"invalid_api_key\"}}",
            "{\"error\":{\"message\":\"You exceeded your current quota\",\"type\":\"insufficient_quota\",\"code\":\"insufficient_quota\"}}",
            "{\"error\":{\"type\":\"StripeCardError\",\"code\":\"card_declined\",\"decline_code\":\"insufficient_funds\"}}",
            "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}",
            "{\"error\":{\"code\":\"auth/invalid-email\",\"message\":\"The email address is badly formatted.\"}}",
            "{\"error\":{\"code\":403,\"status\":\"PERMISSION_DENIED\",\"message\":\"The caller does not have permission\"}}",
            "{\"Error\":{\"Code\":\"ThrottlingException\",\"Message\":\"Rate exceeded\"},\"RequestId\":\"4f1c0e2a-7b3d-4e5f-9a8b-1c2d3e4f5a6b\"}",
            "{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed\",\"error_codes\":[7000215]}",
            "{\"errors\":[{\"message\":\"Not authorised!\",\"extensions\":{\"code\":\"UNAUTHENTICATED\"}}]}",
            "{\"statusCode\":404,\"error\":\"Not Found\",\"message\":\"Cannot GET /api/v2/items\"}",
        };
        HarBuilder har = new HarBuilder();
        int status = 400;
        for (String body : bodies) {
            har.entry("POST", "https://api.example.com/v1/things", status++ % 2 == 0 ? 400 : 503)
                    .responseHeader("x-request-id", "req_" + Integer.toHexString(body.hashCode()) + "0123456789abcdef01234567")
                    .body("application/json", body).add();
        }
        String json = har.json();
        Tally tally = new Tally();
        tally.check("error bodies", Engines.tree(json), Engines.sanitize(Engines.write(dir, "errors.har", json), false));
        tally.report("error bodies of common APIs (" + bodies.length + ")");
        assertThat(tally.lost).isEmpty();
    }

    private static JsonNode parse(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return Engines.tree(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (JacksonException | java.io.IOException | java.io.UncheckedIOException notJson) {
            return null;
        }
    }

    /** What should survive, what did, and what was lost (where). */
    private static final class Tally {
        int total;
        int ids;
        int codes;
        final List<String> lost = new ArrayList<>();

        void check(String file, JsonNode original, String sanitized) {
            int i = 0;
            for (JsonNode entry : original.path("log").path("entries")) {
                Set<String> expected = new LinkedHashSet<>();
                for (String side : List.of("request", "response")) {
                    for (JsonNode h : entry.path(side).path("headers")) {
                        String name = h.path("name").asString("").toLowerCase(Locale.ROOT);
                        String value = h.path("value").asString("");
                        if (RequestIds.isIdHeader(name) && !value.isBlank() && !secretShape(value)) {
                            expected.add(value);
                            ids++;
                        }
                    }
                }
                int status = entry.path("response").path("status").asInt(0);
                if (status >= 400 || status <= 0) {
                    JsonNode body = jsonBody(entry.path("response").path("content"));
                    if (body != null) {
                        for (String code : errorStrings(body, new ArrayList<>())) {
                            if (!secretShape(code)) {
                                expected.add(code);
                                codes++;
                            }
                        }
                    }
                }
                for (String value : expected) {
                    total++;
                    if (!sanitized.contains(escaped(value))) {
                        lost.add(file + " entry " + i + ": " + value);
                    }
                }
                i++;
            }
        }

        void report(String what) {
            System.out.printf("redaction precision over %s: %d/%d kept (%d request-ID header values, %d error codes/types)%n",
                    what, total - lost.size(), total, ids, codes);
        }
    }

    private static JsonNode jsonBody(JsonNode content) {
        String text = content.path("text").asString(null);
        if (text == null || text.isBlank()) {
            return null;
        }
        if ("base64".equalsIgnoreCase(content.path("encoding").asString(""))) {
            try {
                text = new String(Base64.getMimeDecoder().decode(text), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException notBase64) {
                return null;
            }
        }
        String t = text.strip();
        if (!t.startsWith("{") && !t.startsWith("[")) {
            return null;
        }
        try {
            return Engines.tree(t);
        } catch (JacksonException notJson) {
            return null;
        }
    }

    /** The short strings under error-naming fields, at any depth. */
    private static List<String> errorStrings(JsonNode node, List<String> into) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                JsonNode v = e.getValue();
                if (v.isString() && ERROR_FIELDS.contains(e.getKey().toLowerCase(Locale.ROOT))
                        && !v.asString().isBlank() && v.asString().length() <= SHORT) {
                    into.add(v.asString());
                } else {
                    errorStrings(v, into);
                }
            }
        } else if (node.isArray()) {
            node.forEach(v -> errorStrings(v, into));
        }
        return into;
    }

    private static boolean secretShape(String value) {
        return !LeftoverScan.check(value).isEmpty()
                || dev.triagedesk.evidence.redact.SecretShapes.at(value, 0, value.length()) != null;
    }

    /** A value as it is written inside a JSON string. */
    private static String escaped(String value) {
        String quoted = Engines.JSON.writeValueAsString(value);
        return quoted.substring(1, quoted.length() - 1);
    }
}
