package dev.triagedesk.evidence.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triagedesk.evidence.redact.Redactor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class LoggingPrefixTests {

    private static int prefix(String line) {
        byte[] b = line.getBytes(StandardCharsets.ISO_8859_1);
        return LoggingPrefix.cleanLength(b, 0, b.length);
    }

    @Test
    void theSdkAndHttpxPrefixesAreRecognisedAndNothingElse() {
        String sdk = "[2025-03-01 09:00:01 - openai._base_client:446 - DEBUG] ";
        assertThat(prefix(sdk + "Request options: {}")).isEqualTo(sdk.length());
        String httpx = "[2025-03-01 09:00:01,123 - httpx:1025 - INFO] ";
        assertThat(prefix(httpx + "HTTP Request: POST https://api.openai.com/v1/x \"HTTP/1.1 200 OK\"")).isEqualTo(httpx.length());
        String iso = "[2025-03-01T09:00:01.5 - httpcore.http11:12 - WARNING] ";
        assertThat(prefix(iso + "x")).isEqualTo(iso.length());
        // a logger the SDK does not name is free text (it could be anything, a key included), so is a broken prefix
        assertThat(prefix("[2025-03-01 09:00:01 - sk_live_0123456789abcdefghijklmn:446 - DEBUG] x")).isZero();
        assertThat(prefix("[2025-03-01 09:00:01 - myapp.client:446 - DEBUG] x")).isZero();
        assertThat(prefix("[2025-03-01 09:00:01 - openai._base_client:446 - DEBUG]x")).isZero();
        assertThat(prefix("[2025-03-01 09:00:01 - openai._base_client:446 - TRACE] x")).isZero();
        assertThat(prefix("[2025-03-01 09:00:01 - openai._base_client: - DEBUG] x")).isZero();
        assertThat(prefix("[2025-03-01 Mon 09:00:01 - openai._base_client:446 - DEBUG] x")).isZero();
        assertThat(prefix("[eyJhbGciOiJIUzI1NiJ9 - openai._base_client:446 - DEBUG] x")).isZero();
        assertThat(prefix("2025-03-01 09:00:01 - openai._base_client:446 - DEBUG] x")).isZero();
        assertThat(prefix("[2025-03-01 09:00:01 - openai._base_client:446 - DEBUG")).isZero();
        assertThat(prefix("")).isZero();
    }

    /**
     * Lines that repeat after their time stamps, as a log's do, some holding a value that a later line shows to be
     * secret: the part after the prefix is remembered as clean, and that must never let through what scanning each
     * line whole would redact.
     */
    @Test
    void aRepeatedLineAfterItsPrefixIsRedactedAsScanningItWhole() {
        String secret = "q8Zr4Lm2Xv7Tn5Kp1Wc9";
        String[] rests = {"Sending HTTP Request: POST https://api.openai.com/v1/chat/completions",
            "HTTP Request: POST https://api.openai.com/v1/embeddings \"HTTP/1.1 200 OK\"",
            "retry token " + secret + " again", "https://host.test/cb?next=" + secret, "plain words only",
            "x=" + secret, "Retrying request to /chat/completions in 0.420000 seconds"};
        Redactor afterPrefix = ApiTestSupport.redactor();
        Redactor whole = ApiTestSupport.redactor();
        int redactedBefore = 0;
        int redactedAfter = 0;
        for (int t = 0; t < 3_000; t++) {
            String rest = t == 1_500 ? "Authorization: Bearer " + secret : rests[t % rests.length];
            String line = String.format("[2025-03-01 09:%02d:%02d - openai._base_client:%d - DEBUG] %s", t / 60 % 60,
                    t % 60, 400 + t % 7, rest);
            byte[] ascii = line.getBytes(StandardCharsets.ISO_8859_1);
            int prefix = LoggingPrefix.cleanLength(ascii, 0, ascii.length);
            assertThat(prefix).isPositive();
            String expected = whole.asciiText(line, ascii, 0, ApiLogSanitizer.RULE);
            assertThat(afterPrefix.asciiText(line, ascii, prefix, ApiLogSanitizer.RULE)).as(line).isEqualTo(expected);
            if (rest.contains(secret) && !expected.contains(secret)) {
                if (t < 1_500) {
                    redactedBefore++;
                } else {
                    redactedAfter++;
                }
            }
        }
        // the bare value is redacted once it is known, wherever the lines before taught nothing
        assertThat(redactedAfter).isGreaterThan(redactedBefore);
    }

    /** The sanitizer's two ways of redacting a line: scanned after the prefix, and scanned whole (the reference). */
    @Test
    void scanningAfterThePrefixRedactsEveryLineAsScanningItWhole() throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src", "test", "resources", "api-evidence"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                lines.addAll(Files.readAllLines(f, StandardCharsets.ISO_8859_1));
            }
        }
        Random random = new Random(5);
        String[] heads = {"[2025-03-01 09:00:01 - openai._base_client:446 - DEBUG] ",
            "[2025-03-01 09:00:02,250 - httpx:1025 - INFO] ", "[2025-03-01 09:00:03 - openai._base_client:1018 - ERROR] "};
        String[] pieces = {"Request options: {'method': 'post', 'headers': {'Authorization': 'Bearer ", "api_key=",
            "password: '", "https://api.example.test/v1/files?token=", "sk-proj-", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.",
            "Cookie: session=", " ", "'", ": ", "=", "[REDACTED:", "Retrying request in 0.4 seconds", "%22eyJ",
            "x-request-id: req_", "Basic ", "http://user:pw@host.test/", "--BEGIN", "secret", "sid="};
        for (int t = 0; t < 20_000; t++) {
            StringBuilder b = new StringBuilder(heads[random.nextInt(heads.length)]);
            int n = random.nextInt(8);
            for (int k = 0; k < n; k++) {
                b.append(pieces[random.nextInt(pieces.length)]);
                for (int c = random.nextInt(30); c > 0; c--) {
                    b.append("abcXYZ0189-_./:='\"% ".charAt(random.nextInt(20)));
                }
            }
            lines.add(b.toString());
        }
        Redactor afterPrefix = ApiTestSupport.redactor();
        Redactor whole = ApiTestSupport.redactor();
        int withPrefix = 0;
        int changed = 0;
        for (String line : lines) {
            byte[] ascii = line.getBytes(StandardCharsets.ISO_8859_1);
            if (!line.chars().allMatch(c -> c < 128)) {
                continue; // the sanitizer takes this way for ASCII lines only
            }
            int prefix = LoggingPrefix.cleanLength(ascii, 0, ascii.length);
            withPrefix += prefix > 0 ? 1 : 0;
            String expected = whole.asciiText(line, ascii, 0, ApiLogSanitizer.RULE);
            assertThat(afterPrefix.asciiText(line, ascii, prefix, ApiLogSanitizer.RULE)).as(line).isEqualTo(expected);
            changed += expected.equals(line) ? 0 : 1;
        }
        assertThat(withPrefix).isGreaterThan(20_000);
        assertThat(changed).as("lines with something redacted").isGreaterThan(5_000);
        assertThat(afterPrefix.knownCount()).isEqualTo(whole.knownCount());
    }
}
