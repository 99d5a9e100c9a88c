package dev.triagedesk.support;

import dev.triagedesk.evidence.HarBuilder;

/**
 * A capture of many failing calls: each a 500 of the chat completions endpoint with its own x-request-id and
 * cf-ray, so each gives a failing request and two request IDs linked to it (for the finding batches' tests).
 */
public final class ManyFailuresHar {

    private ManyFailuresHar() {
    }

    public static String json(int failures) {
        HarBuilder har = new HarBuilder();
        for (int i = 0; i < failures; i++) {
            har.entry("POST", "https://api.openai.com/v1/chat/completions", 500)
                    .responseHeader("x-request-id", requestId(i))
                    .responseHeader("cf-ray", String.format("9ba36dc0cd%06x-FRA", i))
                    .body("application/json", "{\"error\":{\"message\":\"The server had an error\","
                            + "\"type\":\"server_error\",\"code\":null}}")
                    .add();
        }
        return har.json();
    }

    /** The x-request-id of the failure at {@code entry} (counted from 0). */
    public static String requestId(int entry) {
        return String.format("req_%032x", 0xba7c4000L + entry);
    }
}
