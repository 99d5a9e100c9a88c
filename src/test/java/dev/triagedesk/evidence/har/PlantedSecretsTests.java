package dev.triagedesk.evidence.har;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triagedesk.evidence.Corpus;
import dev.triagedesk.evidence.Engines;
import dev.triagedesk.evidence.Secrets;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The test behind the issue's anchor: secrets planted in real HARs in the usual places (HTTP/2 lower-case
 * headers, cookies, query strings, URL user-info, JSON and form bodies, response bodies, WebSocket frames, free
 * text). Cloudflare's har-sanitizer leaves about half of them; every one must go here.
 */
class PlantedSecretsTests {

    private static final List<String> FILES = List.of("user-gayHacker-chrome79-google-oauth-cookies.har",
            "pagexray-nytimes-webpagetest-503.har", "mitmproxy-firefox111.har", "mitmproxy-safari16-webkit.har",
            "user-psantos9-playwright-firefox100.har", "harviewer-two-megs-firebug.har",
            "user-MarcoOlivette-taiga-chrome143-400.har", "gatling-charles392-base64-authorization.har");

    @TempDir
    Path dir;

    @Test
    void noPlantedSecretSurvives() throws Exception {
        Map<String, String> planted = new LinkedHashMap<>();
        int fileNo = 0;
        for (String name : FILES) {
            fileNo++;
            JsonNode root = Engines.tree(stripBom(Files.readString(Corpus.har(name), StandardCharsets.UTF_8)));
            ArrayNode entries = (ArrayNode) root.path("log").path("entries");
            for (int i = 0; i < entries.size(); i += Math.max(1, entries.size() / 4)) {
                plant((ObjectNode) entries.get(i), fileNo * 1000 + i, planted);
            }
            Path in = dir.resolve("planted-" + name);
            Files.writeString(in, Engines.JSON.writeValueAsString(root));
            String out = Engines.sanitize(in, false);
            List<String> survived = new ArrayList<>();
            planted.forEach((secret, where) -> {
                if (out.contains(secret)) {
                    survived.add(where);
                }
            });
            assertThat(survived).as("planted secrets left in %s", name).isEmpty();
        }
        assertThat(planted).hasSizeGreaterThan(300);
        System.out.printf("planted %d secrets in %d real HARs: 0 survived sanitizing%n", planted.size(), FILES.size());
    }

    private static void plant(ObjectNode entry, int n, Map<String, String> planted) {
        ObjectNode request = (ObjectNode) entry.get("request");
        ObjectNode response = (ObjectNode) entry.get("response");
        ArrayNode reqHeaders = request.withArray("headers");
        ArrayNode respHeaders = response.withArray("headers");
        String bearer = note(planted, Secrets.jwt("user" + n), "authorization (lower case, HTTP/2)");
        reqHeaders.addObject().put("name", "authorization").put("value", "Bearer " + bearer);
        String basic = note(planted, Base64.getEncoder().encodeToString(("user" + n + ":pw" + n + "Secret").getBytes()), "Proxy-Authorization Basic");
        reqHeaders.addObject().put("name", "Proxy-Authorization").put("value", "Basic " + basic);
        reqHeaders.addObject().put("name", "x-api-key").put("value", note(planted, Secrets.openAiKey(n), "x-api-key"));
        reqHeaders.addObject().put("name", "apikey").put("value", note(planted, Secrets.jwt("anon" + n), "apikey (Supabase)"));
        reqHeaders.addObject().put("name", "openai-sentinel-chat-requirements-token")
                .put("value", note(planted, "gAAAAAB" + n + "SentinelTokenValue9x8y7z", "openai-sentinel-* header"));
        String session = note(planted, Secrets.sessionToken(n), "Cookie header");
        reqHeaders.addObject().put("name", "Cookie").put("value", "theme=dark; __Secure-next-auth.session-token=" + session);
        request.withArray("cookies").addObject().put("name", "__Secure-next-auth.session-token").put("value", session);
        String setCookie = note(planted, "SetCk" + n + "Zz9Yy8Xx7Ww6Vv5", "Set-Cookie header");
        respHeaders.addObject().put("name", "set-cookie").put("value", "sid=" + setCookie + "; Path=/; HttpOnly");
        String query = note(planted, "qTok" + n + "AbCdEf123456", "query string access_token");
        String url = request.path("url").asString();
        String withUser = url.replaceFirst("://", "://admin:" + note(planted, "Pw" + n + "UserInfoSecret", "URL user-info") + "@");
        request.put("url", withUser + (url.contains("?") ? "&" : "?") + "access_token=" + query);
        request.withArray("queryString").addObject().put("name", "access_token").put("value", query);
        String password = note(planted, "Hunter" + n + "Password!", "JSON request body password");
        String clientSecret = note(planted, "cs_" + n + "ClientSecretValue", "JSON request body client_secret");
        request.putObject("postData").put("mimeType", "application/json")
                .put("text", "{\"username\":\"pat\",\"password\":\"" + password + "\",\"nested\":{\"client_secret\":\""
                        + clientSecret + "\"}}");
        ObjectNode content = response.withObject("content");
        String access = note(planted, Secrets.jwt("session" + n), "JSON response accessToken");
        String refresh = note(planted, "rt_" + n + "RefreshTokenValue42", "JSON response refresh_token");
        content.put("mimeType", "application/json").put("text", "{\"user\":{\"name\":\"Pat\"},\"accessToken\":\"" + access
                + "\",\"refresh_token\":\"" + refresh + "\",\"message\":\"key " + note(planted, Secrets.openAiKey(n + 500), "free text in a body") + " rejected\"}");
        content.remove("encoding");
        entry.withArray("_webSocketMessages").addObject().put("type", "send").put("time", 1.0).put("opcode", 1)
                .put("data", "{\"type\":\"auth\",\"token\":\"" + note(planted, "ws" + n + "SocketTokenValue77", "WebSocket frame token") + "\"}");
    }

    private static String note(Map<String, String> planted, String secret, String where) {
        planted.put(secret, where);
        return secret;
    }

    private static String stripBom(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }
}
