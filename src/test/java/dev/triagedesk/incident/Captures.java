package dev.triagedesk.incident;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** Small HARs of one failing call, made by the tests of incidents: a call, its status, when it failed. */
final class Captures {

    private Captures() {
    }

    /** A word of letters only, unique per call: endpoints made with it are a problem no other test reports. */
    static String word() {
        StringBuilder b = new StringBuilder("probe");
        for (char c : UUID.randomUUID().toString().replace("-", "").substring(0, 10).toCharArray()) {
            b.append((char) ('a' + Character.digit(c, 16)));
        }
        return b.toString();
    }

    /** One failing request (and one successful page load before it) at {@code at}. */
    static byte[] har(String method, String url, int status, String errorCode, Instant at) {
        String body = errorCode == null ? "{}" : "{\\\"error\\\":{\\\"message\\\":\\\"failed\\\",\\\"type\\\":\\\"server_error\\\","
                + "\\\"code\\\":\\\"" + errorCode + "\\\"}}";
        String json = String.format(Locale.ROOT, """
                {"log":{"version":"1.2","creator":{"name":"test","version":"1"},"entries":[
                 {"startedDateTime":"%1$s","time":50,"request":{"method":"GET","url":"https://chatgpt.com/","httpVersion":"h2",
                  "headers":[],"queryString":[],"cookies":[]},"response":{"status":200,"statusText":"","httpVersion":"h2",
                  "headers":[],"cookies":[],"content":{"size":2,"mimeType":"text/html","text":"ok"},"redirectURL":""},
                  "timings":{"send":0,"wait":10,"receive":1}},
                 {"startedDateTime":"%2$s","time":120,"request":{"method":"%3$s","url":"%4$s","httpVersion":"h2",
                  "headers":[],"queryString":[],"cookies":[]},"response":{"status":%5$d,"statusText":"","httpVersion":"h2",
                  "headers":[{"name":"x-request-id","value":"req_%6$s"}],"cookies":[],
                  "content":{"size":10,"mimeType":"application/json","text":"%7$s"},"redirectURL":""},
                  "timings":{"send":0,"wait":100,"receive":1}}]}}
                """, at.minusSeconds(5), at, method, url, status, UUID.randomUUID().toString().replace("-", ""), body);
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
