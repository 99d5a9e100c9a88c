package dev.triagedesk.evidence.har;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import java.util.SplittableRandom;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;

/**
 * A made-up HAR that takes the engine down the paths a real capture does: an event stream with an error event, a rate
 * limit and a server error with JSON error bodies, base64 and text assets, a network failure, cookies, tokens in
 * headers, query strings and JSON request bodies. The server reads it a few times at start-up so that the JIT has
 * compiled the engine before the first reporter's upload (see {@code EvidenceEngine#warmUp}). Every value is random
 * or a placeholder; nothing in it is a real credential.
 */
public final class TrainingHar {

    /** Entries of each kind, in the order written; one round of them is {@link #KINDS} entries. */
    static final int KINDS = 7;
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final SplittableRandom random;
    private final int assetBytes;

    private TrainingHar(long seed, int assetBytes) {
        this.random = new SplittableRandom(seed);
        this.assetBytes = assetBytes;
    }

    /**
     * Writes {@code rounds} rounds of {@link #KINDS} entries (a failing request in three of them: 429, 500 and a
     * network failure) with assets of about {@code assetBytes} bytes to {@code file}.
     */
    public static void write(Path file, int rounds, int assetBytes, long seed) {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
             JsonGenerator g = HarJson.JSON.createGenerator(ObjectWriteContext.empty(), out)) {
            new TrainingHar(seed, assetBytes).har(g, rounds);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void har(JsonGenerator g, int rounds) {
        g.writeStartObject();
        g.writeName("log");
        g.writeStartObject();
        g.writeStringProperty("version", "1.2");
        g.writeName("creator");
        g.writeStartObject();
        g.writeStringProperty("name", "WebInspector");
        g.writeStringProperty("version", "537.36");
        g.writeEndObject();
        g.writeName("pages");
        g.writeStartArray();
        g.writeStartObject();
        g.writeStringProperty("startedDateTime", "2026-01-01T00:00:00.000Z");
        g.writeStringProperty("id", "page_1");
        g.writeStringProperty("title", "https://chatgpt.com/c/" + uuid());
        g.writeEndObject();
        g.writeEndArray();
        g.writeName("entries");
        g.writeStartArray();
        for (int i = 0; i < rounds * KINDS; i++) {
            entry(g, i);
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
    }

    private void entry(JsonGenerator g, int i) {
        int kind = i % KINDS;
        g.writeStartObject();
        g.writeStringProperty("_resourceType", kind == 2 || kind == 3 ? "script" : "fetch");
        g.writeStringProperty("pageref", "page_1");
        g.writeStringProperty("startedDateTime", String.format(Locale.ROOT, "2026-01-01T00:%02d:%02d.%03dZ",
                i / 60000 % 60, i / 1000 % 60, i % 1000));
        g.writeNumberProperty("time", 20 + random.nextInt(400) + random.nextInt(1000) / 1000.0);
        switch (kind) {
            case 0 -> conversation(g);
            case 1 -> failure(g, "GET", "https://chatgpt.com/backend-api/me", 429, "Too Many Requests",
                    "{\"detail\":{\"message\":\"Too many requests\",\"code\":\"rate_limit_exceeded\"}}");
            case 2 -> asset(g, "https://cdn.oaistatic.com/assets/app-" + word(8) + ".js", "application/javascript",
                    true);
            case 3 -> asset(g, "https://cdn.oaistatic.com/assets/app-" + word(8) + ".css", "text/css", false);
            case 4 -> networkFailure(g);
            case 5 -> failure(g, "POST", "https://api.openai.com/v1/chat/completions", 500, "Internal Server Error",
                    "{\"error\":{\"message\":\"The server had an error while processing your request.\","
                            + "\"type\":\"server_error\",\"param\":null,\"code\":null}}");
            default -> search(g);
        }
        timings(g);
        g.writeEndObject();
    }

    private void conversation(JsonGenerator g) {
        request(g, "POST", "https://chatgpt.com/backend-api/conversation", true,
                "{\"action\":\"next\",\"password\":\"" + word(16) + "\",\"messages\":[{\"content\":{\"parts\":[\""
                        + sentence() + "\"]}}]}");
        response(g, 200, "", "text/event-stream", "data: {\"message\":{\"content\":{\"parts\":[\"" + sentence()
                + "\"]}}}\n\nevent: error\ndata: {\"error\":{\"message\":\"Something went wrong\",\"code\":"
                + "\"server_error\"}}\n\ndata: [DONE]\n\n", false);
    }

    private void failure(JsonGenerator g, String method, String url, int status, String statusText, String body) {
        request(g, method, url, method.equals("POST"), method.equals("POST") ? "{\"model\":\"gpt-4o\"}" : null);
        response(g, status, statusText, "application/json", body, false);
    }

    private void asset(JsonGenerator g, String url, String mime, boolean base64) {
        request(g, "GET", url, false, null);
        int size = assetBytes / 2 + random.nextInt(assetBytes);
        String text;
        if (base64) {
            byte[] bytes = new byte[size * 3 / 4];
            random.nextBytes(bytes);
            text = Base64.getEncoder().encodeToString(bytes);
        } else {
            StringBuilder css = new StringBuilder(size + 64);
            while (css.length() < size) {
                css.append('.').append(word(6)).append("{color:#").append(word(6)).append(";margin:0 auto}\n");
            }
            text = css.toString();
        }
        response(g, 200, "", mime, text, base64);
    }

    private void networkFailure(JsonGenerator g) {
        request(g, "GET", "https://chatgpt.com/backend-api/conversations?offset=0&limit=28", false, null);
        g.writeName("response");
        g.writeStartObject();
        g.writeNumberProperty("status", 0);
        g.writeStringProperty("statusText", "");
        g.writeStringProperty("httpVersion", "");
        g.writeName("headers");
        g.writeStartArray();
        g.writeEndArray();
        g.writeName("cookies");
        g.writeStartArray();
        g.writeEndArray();
        g.writeName("content");
        g.writeStartObject();
        g.writeNumberProperty("size", 0);
        g.writeStringProperty("mimeType", "x-unknown");
        g.writeEndObject();
        g.writeStringProperty("redirectURL", "");
        g.writeNumberProperty("headersSize", -1);
        g.writeNumberProperty("bodySize", -1);
        g.writeStringProperty("_error", "net::ERR_CONNECTION_RESET");
        g.writeEndObject();
    }

    private void search(JsonGenerator g) {
        request(g, "GET", "https://chatgpt.com/backend-api/search?q=" + word(5) + "&token=" + word(24), false, null);
        response(g, 200, "", "application/json", "{\"items\":[{\"id\":\"" + uuid() + "\",\"title\":\"" + sentence()
                + "\"}],\"access_token\":\"" + word(32) + "\"}", false);
    }

    private void request(JsonGenerator g, String method, String url, boolean json, String body) {
        g.writeName("request");
        g.writeStartObject();
        g.writeStringProperty("method", method);
        g.writeStringProperty("url", url);
        g.writeStringProperty("httpVersion", "http/2.0");
        g.writeName("headers");
        g.writeStartArray();
        header(g, ":authority", url.substring(8, url.indexOf('/', 8)));
        header(g, "accept", json ? "text/event-stream" : "*/*");
        header(g, "authorization", "Bearer " + jwt());
        header(g, "cookie", "__Secure-next-auth.session-token=" + word(40) + "; oai-did=" + uuid() + "; _cfuvid="
                + word(20));
        header(g, "oai-device-id", uuid());
        header(g, "user-agent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)"
                + " Chrome/131.0.0.0 Safari/537.36");
        if (json) {
            header(g, "content-type", "application/json");
        }
        g.writeEndArray();
        g.writeName("queryString");
        g.writeStartArray();
        int query = url.indexOf('?');
        if (query > 0) {
            for (String pair : url.substring(query + 1).split("&")) {
                int eq = pair.indexOf('=');
                header(g, pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        g.writeEndArray();
        g.writeName("cookies");
        g.writeStartArray();
        header(g, "oai-did", uuid());
        g.writeEndArray();
        g.writeNumberProperty("headersSize", -1);
        g.writeNumberProperty("bodySize", body == null ? 0 : body.length());
        if (body != null) {
            g.writeName("postData");
            g.writeStartObject();
            g.writeStringProperty("mimeType", "application/json");
            g.writeStringProperty("text", body);
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private void response(JsonGenerator g, int status, String statusText, String mime, String text, boolean base64) {
        g.writeName("response");
        g.writeStartObject();
        g.writeNumberProperty("status", status);
        g.writeStringProperty("statusText", statusText);
        g.writeStringProperty("httpVersion", "http/2.0");
        g.writeName("headers");
        g.writeStartArray();
        header(g, "content-type", mime);
        header(g, "x-request-id", "req_" + hex(32));
        header(g, "cf-ray", hex(16) + "-FRA");
        header(g, "set-cookie", "__cf_bm=" + word(43) + "; path=/; expires=Thu, 01-Jan-2026 00:30:00 GMT;"
                + " domain=.chatgpt.com; HttpOnly; Secure; SameSite=None");
        if (status == 429) {
            header(g, "retry-after", "20");
        }
        g.writeEndArray();
        g.writeName("cookies");
        g.writeStartArray();
        g.writeEndArray();
        g.writeName("content");
        g.writeStartObject();
        g.writeNumberProperty("size", text.length());
        g.writeStringProperty("mimeType", mime);
        if (base64) {
            g.writeStringProperty("encoding", "base64");
        }
        g.writeStringProperty("text", text);
        g.writeEndObject();
        g.writeStringProperty("redirectURL", "");
        g.writeNumberProperty("headersSize", -1);
        g.writeNumberProperty("bodySize", text.length());
        g.writeEndObject();
    }

    private void timings(JsonGenerator g) {
        g.writeName("timings");
        g.writeStartObject();
        g.writeNumberProperty("blocked", random.nextInt(50) / 10.0);
        g.writeNumberProperty("dns", -1);
        g.writeNumberProperty("ssl", -1);
        g.writeNumberProperty("connect", -1);
        g.writeNumberProperty("send", 0.1);
        g.writeNumberProperty("wait", random.nextInt(3000) / 10.0);
        g.writeNumberProperty("receive", random.nextInt(100) / 10.0);
        g.writeEndObject();
    }

    private static void header(JsonGenerator g, String name, String value) {
        g.writeStartObject();
        g.writeStringProperty("name", name);
        g.writeStringProperty("value", value);
        g.writeEndObject();
    }

    /** A token shaped like a JWT (header, payload, signature), made of random characters after the header. */
    private String jwt() {
        return "eyJhbGciOiJIUzI1NiJ9.eyJ" + word(40) + "." + word(43);
    }

    private String uuid() {
        return hex(8) + "-" + hex(4) + "-4" + hex(3) + "-8" + hex(3) + "-" + hex(12);
    }

    private String hex(int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(Character.forDigit(random.nextInt(16), 16));
        }
        return s.toString();
    }

    private String word(int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return s.toString();
    }

    private String sentence() {
        StringBuilder s = new StringBuilder();
        int words = 5 + random.nextInt(20);
        for (int i = 0; i < words; i++) {
            s.append(i == 0 ? "" : " ").append(word(2 + random.nextInt(8)).toLowerCase(Locale.ROOT));
        }
        return s.toString();
    }
}
