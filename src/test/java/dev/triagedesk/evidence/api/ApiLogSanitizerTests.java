package dev.triagedesk.evidence.api;

import static dev.triagedesk.evidence.api.ApiTestSupport.read;
import static dev.triagedesk.evidence.api.ApiTestSupport.sample;
import static dev.triagedesk.evidence.api.ApiTestSupport.sanitize;
import static org.assertj.core.api.Assertions.assertThat;

import dev.triagedesk.evidence.redact.LeftoverScan;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sanitized copy: secrets gone, every line kept in place (prompt text included: it is the reporter's file). */
class ApiLogSanitizerTests {

    @Test
    void keysTokensAndApiKeyValuesAreRedactedLineForLine() {
        for (String file : List.of("fixtures/python-debug-old.log", "fixtures/curl-v-503.txt",
                "fixtures/curl-v-intercepted.txt", "fixtures/node-v5.log")) {
            String in = read(sample(file));
            String out = sanitize(in);

            assertThat(out.lines().count()).as(file).isEqualTo(in.lines().count());
            assertThat(out).as(file).doesNotContain("sk-proj-FAKE").doesNotContain("sk-FAKE")
                    .doesNotContainPattern("(?i)bearer\\s+sk-");
            LeftoverScan scan = new LeftoverScan();
            try (var w = scan.wrap(java.io.OutputStream.nullOutputStream())) {
                w.write(out.getBytes(StandardCharsets.UTF_8));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            assertThat(scan.clean()).as(file + ": " + scan.findings()).isTrue();
        }
    }

    @Test
    void anApiKeyInOptionsOrADictIsRedactedWhateverItsShape() {
        String out = sanitize("""
                DEBUG:openai._base_client:Request options: {'method': 'post', 'api_key': 'plainvalue1234567890', 'json_data': {'model': 'gpt-4o'}}
                client = OpenAI(api_key="anotherplainvalue0987")
                Headers({'authorization': 'Bearer abcdefghijklmnopqrstuvwx0123', 'x-request-id': 'req_0a1b2c3d4e5f60718293a4b5c6d7e8f9'})
                """);

        assertThat(out).doesNotContain("plainvalue1234567890").doesNotContain("anotherplainvalue0987")
                .doesNotContain("abcdefghijklmnopqrstuvwx0123")
                .contains("req_0a1b2c3d4e5f60718293a4b5c6d7e8f9").contains("'model': 'gpt-4o'");
    }

    @Test
    void promptTextStaysInTheCopy() {
        String out = sanitize(read(sample("fixtures/python-debug-old.log")));

        assertThat(out).contains("PROMPT-SECRET-RECIPE: summarise my diary");
    }
}
