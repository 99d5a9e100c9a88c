package dev.triagedesk.evidence.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Logs read as bytes ({@link RawLines}: lines of ASCII bytes neither decoded nor encoded again) give what the
 * decoded text gives: the same sanitized copy, byte for byte, and the same analysis, for every sample and for random
 * texts of the awkward kinds (line endings of every sort and cut by reads, characters beyond ASCII, malformed bytes,
 * a byte-order mark, lines around the piece limit), read up to a byte at a time.
 */
class RawLinesTests {

    @Test
    void theCopyFromBytesIsTheCopyFromTheDecodedText() throws IOException {
        for (byte[] in : inputs()) {
            var fromText = new ByteArrayOutputStream();
            new ApiLogSanitizer(redactor()).sanitize(
                    new InputStreamReader(new ByteArrayInputStream(in), StandardCharsets.UTF_8), fromText);
            for (int chunk : new int[] {1 << 16, 1, 7}) {
                var fromBytes = new ByteArrayOutputStream();
                new ApiLogSanitizer(redactor()).sanitize(new Trickle(in, chunk), fromBytes);
                assertThat(fromBytes.toByteArray()).as(new String(in, StandardCharsets.UTF_8) + " read " + chunk
                        + " bytes at a time").isEqualTo(fromText.toByteArray());
            }
        }
    }

    /** The analyzer's reading thread takes the lines from bytes: the analysis is the one of the decoded text. */
    @Test
    void theAnalysisFromBytesIsTheAnalysisOfTheDecodedText() {
        for (byte[] in : inputs()) {
            String fromText = ApiTestSupport.json(new ApiLogAnalyzer(redactor()).analyze(
                    new InputStreamReader(new ByteArrayInputStream(in), StandardCharsets.UTF_8), false));
            for (int chunk : new int[] {1 << 16, 7}) {
                String fromBytes = ApiTestSupport.json(new ApiLogAnalyzer(redactor()).analyze(new Trickle(in, chunk), true));
                assertThat(fromBytes).as(new String(in, StandardCharsets.UTF_8) + " read " + chunk + " bytes at a time")
                        .isEqualTo(fromText);
            }
        }
    }

    private static List<byte[]> inputs() {
        List<byte[]> inputs = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src", "test", "resources", "api-evidence"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                inputs.add(Files.readAllBytes(f));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Random random = new Random(12);
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
        return inputs;
    }

    private static dev.triagedesk.evidence.redact.Redactor redactor() {
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
