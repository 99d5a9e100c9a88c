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

    /**
     * The copy goes to the file in UTF-8 without a writer: the bytes are those an encoder over the whole text gives,
     * also where a line longer than a piece is cut between the halves of an emoji, and for a lone surrogate.
     */
    @Test
    void theBytesWrittenAreTheTextsUtf8EvenWhereALongLineIsCutInsideAnEmoji() throws java.io.IOException {
        List<String> texts = new java.util.ArrayList<>();
        for (int at = ApiLogSanitizer.MAX_SEGMENT - 4; at <= ApiLogSanitizer.MAX_SEGMENT + 4; at++) {
            texts.add("a".repeat(at) + "\uD83D\uDE00" + "b".repeat(100) + "\nnext line é 日本語\r\n");
        }
        texts.add("\uFEFFfirst line with a lone \uD83D surrogate and another \uDE00\nlast \uD83D");
        texts.add("café api_key=plainvalue1234567890 \uD83D\uDE00\n");
        for (String text : texts) {
            var redactor = new dev.triagedesk.evidence.redact.Redactor(
                    dev.triagedesk.evidence.redact.RedactionKey.of("unit-test-key-0123456789"));
            java.io.StringWriter chars = new java.io.StringWriter();
            new ApiLogSanitizer(redactor).sanitize(new java.io.StringReader(text), chars);
            var bytes = new java.io.ByteArrayOutputStream();
            new ApiLogSanitizer(new dev.triagedesk.evidence.redact.Redactor(
                    dev.triagedesk.evidence.redact.RedactionKey.of("unit-test-key-0123456789")))
                    .sanitize(new java.io.StringReader(text), bytes);
            var encoded = new java.io.ByteArrayOutputStream();
            try (var w = new java.io.OutputStreamWriter(encoded, StandardCharsets.UTF_8)) {
                w.write(chars.toString());
            }
            assertThat(bytes.toByteArray()).isEqualTo(encoded.toByteArray());
        }
    }
}
