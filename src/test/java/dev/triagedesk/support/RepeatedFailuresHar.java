package dev.triagedesk.support;

import dev.triagedesk.evidence.HarBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * The capture of issue 9 §5: the same call failing eight times with HTTP 500 (same method, endpoint, status and
 * error code), each with an address of about 300 characters whose query values and conversation ID differ, and
 * its own request IDs; then one 429 of another endpoint.
 */
public final class RepeatedFailuresHar {

    public static final String NAME = "eight-long-500s-from-the-conversation-stream-status-endpoint.har";
    public static final int REPEATED = 8;
    public static final String RATE_LIMITED_ID = "req_0123456789abcdef0123456789abcdef";

    private RepeatedFailuresHar() {
    }

    /** The x-request-id of the i-th 500 (0 to 7). */
    public static String requestId(int i) {
        return String.format("req_%032x", 0xa11ce000L + i);
    }

    /** The cf-ray of the i-th 500. */
    public static String ray(int i) {
        return String.format("9ba36dc0cdf1f7%02d-ISU", i);
    }

    /** The address of the i-th 500: about 300 characters. */
    public static String url(int i) {
        StringBuilder query = new StringBuilder();
        for (int p = 0; p < 7; p++) {
            query.append(p == 0 ? "?" : "&").append("param").append(p).append('=')
                    .append(String.format("%032x", (long) (i + 1) * 7919 * (p + 3)));
        }
        return "https://chatgpt.com/backend-api/conversation/" + String.format("%08x", 0x6915a9bcL + i)
                + "-afa8-8327-9a1b-0123456789ab/stream_status" + query;
    }

    public static List<String> requestIds() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < REPEATED; i++) {
            ids.add(requestId(i));
        }
        return ids;
    }

    public static String json() {
        HarBuilder har = new HarBuilder();
        for (int i = 0; i < REPEATED; i++) {
            har.entry("GET", url(i), 500)
                    .responseHeader("x-request-id", requestId(i))
                    .responseHeader("cf-ray", ray(i))
                    .body("application/json", "{\"error\":{\"message\":\"The server had an error while processing your"
                            + " request.\",\"type\":\"server_error\",\"code\":\"internal_error\"}}")
                    .add();
        }
        har.entry("POST", "https://chatgpt.com/backend-api/conversation", 429)
                .responseHeader("x-request-id", RATE_LIMITED_ID)
                .body("application/json", "{\"detail\":\"Too many requests\"}")
                .add();
        return har.json();
    }
}
