package dev.triagedesk.evidence.har;

import static dev.triagedesk.evidence.Engines.sanitize;
import static dev.triagedesk.evidence.Engines.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.triagedesk.evidence.Engines;
import dev.triagedesk.evidence.redact.LeftoverScan;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A number with an exponent no {@code BigDecimal} holds ({@code 1e9999999999}) is valid JSON. In a HAR's timings or
 * in a JSON body it once failed the whole sanitize; it is kept as written and the secrets beside it still go.
 */
class HugeNumbersTests {

    @TempDir
    Path dir;

    @Test
    void aHarWithAHugeExponentInItsTimingsAndInAJsonBodyIsSanitized() {
        String key = "sk-proj-" + "Ab3dE".repeat(9);
        String har = """
                {"log":{"version":"1.2","creator":{"name":"x","version":"1"},"entries":[{
                "startedDateTime":"2026-01-01T00:00:00.000Z","time":1.5,
                "request":{"method":"POST","url":"https://chatgpt.com/backend-api/x","httpVersion":"h2","headers":[],
                 "queryString":[],"cookies":[],"headersSize":-1,"bodySize":0,
                 "postData":{"mimeType":"application/json","text":"{\\"x\\": 1e9999999999, \\"api_key\\": \\"KEY\\"}"}},
                "response":{"status":200,"statusText":"","httpVersion":"h2","headers":[],"cookies":[],
                 "content":{"size":0,"mimeType":"text/plain","text":""},"redirectURL":"","headersSize":-1,"bodySize":0},
                "cache":{},"timings":{"send":1e9999999999,"wait":-0.0,"receive":0.0000001}}]}}
                """.replace("KEY", key);
        String out = sanitize(write(dir, "t.har", har), false);
        assertThat(out).doesNotContain(key);
        assertThat(LeftoverScan.check(out)).isEmpty();
        assertThat(out).contains("\"timings\":{\"send\":1e9999999999,\"wait\":0.0,\"receive\":1E-7}");
        JsonNode entry = Engines.JSON.readTree(out).get("log").get("entries").get(0);
        assertThat(entry.get("request").get("postData").get("text").asString())
                .startsWith("{\"x\":1e9999999999,\"api_key\":\"[REDACTED:");
    }
}
