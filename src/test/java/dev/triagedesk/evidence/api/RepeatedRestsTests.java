package dev.triagedesk.evidence.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triagedesk.evidence.redact.Redactor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A line whose part after the logging prefix repeats one found clean is written as it was read, told from its bytes
 * before its string is made ({@link Redactor#asciiLineRepeatsClean}). Logs made of repeated lines, some holding a
 * secret or a value a later line shows to be one, are sanitized from bytes (that way) and from the decoded text
 * (every line scanned whole, the reference): the copies must be the same.
 */
class RepeatedRestsTests {

    private static final String SECRET = "q8Zr4Lm2Xv7Tn5Kp1Wc9";

    @Test
    void aRepeatedRestIsTakenAsCleanOnlyWhereScanningWouldLeaveIt() {
        Redactor redactor = ApiTestSupport.redactor();
        String rest = "Sending HTTP Request: POST https://api.openai.com/v1/chat/completions";
        byte[] first = line(0, 446, rest);
        int prefix = LoggingPrefix.cleanLength(first, 0, first.length);
        assertThat(redactor.asciiLineRepeatsClean(first, 0, prefix, first.length)).isFalse(); // not seen yet
        String text = new String(first, StandardCharsets.ISO_8859_1);
        assertThat(redactor.asciiText(text, first, prefix, ApiLogSanitizer.RULE)).isSameAs(text);
        // the same rest under another time and line number, inside a larger buffer
        byte[] later = line(7, 979, rest);
        byte[] buffer = new byte[later.length + 9];
        System.arraycopy(later, 0, buffer, 4, later.length);
        int laterPrefix = LoggingPrefix.cleanLength(buffer, 4, later.length);
        assertThat(redactor.asciiLineRepeatsClean(buffer, 4, laterPrefix, 4 + later.length)).isTrue();
        // a rest that differs by a byte is not the one remembered: scanned as usual
        byte[] other = line(8, 446, rest + "s");
        assertThat(redactor.asciiLineRepeatsClean(other, 0, prefix, other.length)).isFalse();
        String otherText = new String(other, StandardCharsets.ISO_8859_1);
        assertThat(redactor.asciiText(otherText, other, prefix, ApiLogSanitizer.RULE)).isSameAs(otherText);
        // once a secret is known the cache is not asked (a clean rest may hold it)
        byte[] secret = line(9, 446, "api_key=" + SECRET);
        String secretText = new String(secret, StandardCharsets.ISO_8859_1);
        assertThat(redactor.asciiLineRepeatsClean(secret, 0, prefix, secret.length)).isFalse();
        assertThat(redactor.asciiText(secretText, secret, prefix, ApiLogSanitizer.RULE)).doesNotContain(SECRET);
        assertThat(redactor.asciiLineRepeatsClean(buffer, 4, laterPrefix, 4 + later.length)).isFalse();
    }

    @Test
    void logsOfRepeatedLinesAreSanitizedAsScanningEachLineWhole() {
        String[] rests = {"Sending HTTP Request: POST https://api.openai.com/v1/chat/completions",
            "HTTP Request: POST https://api.openai.com/v1/embeddings \"HTTP/1.1 200 OK\"",
            "Retrying request to /chat/completions in 0.420000 seconds", "request_id: req_0123abcd",
            "retry token " + SECRET + " again", "https://host.test/cb?next=" + SECRET, "x=" + SECRET,
            "Authorization: Bearer " + SECRET, "plain words only", "api_key=" + SECRET + "Z",
            "Request options: {'method': 'post', 'url': '/chat/completions'}"};
        Random random = new Random(23);
        int differing = 0;
        for (int log = 0; log < 300; log++) {
            StringBuilder text = new StringBuilder();
            int lines = 1 + random.nextInt(120);
            // most logs repeat a few clean rests, and some reveal a secret somewhere
            int kinds = 2 + random.nextInt(rests.length - 1);
            for (int k = 0; k < lines; k++) {
                String rest = rests[random.nextInt(kinds)];
                if (random.nextInt(5) == 0) {
                    text.append(rest).append('\n'); // no prefix: scanned whole
                } else {
                    text.append(new String(line(k, 400 + random.nextInt(3), rest), StandardCharsets.ISO_8859_1));
                    text.append(random.nextInt(10) == 0 ? "\r\n" : "\n");
                }
            }
            byte[] in = text.toString().getBytes(StandardCharsets.UTF_8);
            var fromBytes = new ByteArrayOutputStream();
            new ApiLogSanitizer(ApiTestSupport.redactor()).sanitize(new ByteArrayInputStream(in), fromBytes);
            var fromText = new ByteArrayOutputStream();
            new ApiLogSanitizer(ApiTestSupport.redactor()).sanitize(
                    new InputStreamReader(new ByteArrayInputStream(in), StandardCharsets.UTF_8), fromText);
            assertThat(fromBytes.toString(StandardCharsets.UTF_8)).isEqualTo(fromText.toString(StandardCharsets.UTF_8));
            differing += fromText.size() != in.length ? 1 : 0;
        }
        assertThat(differing).as("logs with something redacted").isGreaterThan(100);
    }

    private static byte[] line(int t, int lineNumber, String rest) {
        return String.format("[2025-03-01 09:%02d:%02d - openai._base_client:%d - DEBUG] %s", t / 60 % 60, t % 60,
                lineNumber, rest).getBytes(StandardCharsets.ISO_8859_1);
    }
}
