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

    /**
     * The copy from bytes ({@link RawLines}: ASCII lines neither decoded nor encoded) is byte for byte the copy from
     * the decoded text, for every sample and for random texts of the awkward kinds: line endings of every sort and
     * cut by reads, characters beyond ASCII, malformed bytes, a byte-order mark, lines around the piece limit.
     */
    @Test
    void theCopyFromBytesIsTheCopyFromTheDecodedText() throws java.io.IOException {
        List<byte[]> inputs = new java.util.ArrayList<>();
        try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("src", "test", "resources", "api-evidence"))) {
            for (var f : files.filter(java.nio.file.Files::isRegularFile).toList()) {
                inputs.add(java.nio.file.Files.readAllBytes(f));
            }
        }
        java.util.Random random = new java.util.Random(12);
        String[] parts = {"a", "sk-proj-", "Bearer ", "api_key=", "https://u:p@host/x?token=", "\n", "\r", "\r\n",
            "é", "日本", "\uD83D\uDE00", "\uFEFF", " ", "'authorization': '", "0123456789abcdefghijKLMNOP", ":", "="};
        for (int t = 0; t < 300; t++) {
            StringBuilder text = new StringBuilder();
            int n = random.nextInt(40);
            for (int k = 0; k < n; k++) {
                text.append(parts[random.nextInt(parts.length)]);
            }
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            if (t % 3 == 0 && bytes.length > 0) {
                bytes[random.nextInt(bytes.length)] = (byte) (0x80 + random.nextInt(0x80)); // malformed UTF-8
            }
            inputs.add(bytes);
        }
        for (int at = ApiLogSanitizer.MAX_SEGMENT - 3; at <= ApiLogSanitizer.MAX_SEGMENT + 3; at++) {
            for (String end : List.of("", "\n", "\r", "\r\n")) {
                inputs.add(("first\n" + "x".repeat(at) + end + "api_key=plainvalue1234567890\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        inputs.add(("x".repeat(3 * ApiLogSanitizer.MAX_SEGMENT) + " é\r\nlast").getBytes(StandardCharsets.UTF_8));
        for (byte[] in : inputs) {
            var fromText = new java.io.ByteArrayOutputStream();
            new ApiLogSanitizer(redactorForBytes()).sanitize(
                    new java.io.InputStreamReader(new java.io.ByteArrayInputStream(in), StandardCharsets.UTF_8), fromText);
            for (int chunk : new int[] {1 << 16, 1, 7}) {
                var fromBytes = new java.io.ByteArrayOutputStream();
                new ApiLogSanitizer(redactorForBytes()).sanitize(new Trickle(in, chunk), fromBytes);
                assertThat(fromBytes.toByteArray()).as(new String(in, StandardCharsets.UTF_8) + " read " + chunk + " bytes at a time")
                        .isEqualTo(fromText.toByteArray());
            }
        }
    }

    private static dev.triagedesk.evidence.redact.Redactor redactorForBytes() {
        return new dev.triagedesk.evidence.redact.Redactor(
                dev.triagedesk.evidence.redact.RedactionKey.of("unit-test-key-0123456789"));
    }

    /** Bytes handed out at most {@code chunk} at a time, so reads end anywhere (inside a {@code \r\n}, a character). */
    private static final class Trickle extends java.io.ByteArrayInputStream {
        private final int chunk;

        Trickle(byte[] b, int chunk) {
            super(b);
            this.chunk = chunk;
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, chunk));
        }
    }
}
