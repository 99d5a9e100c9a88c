package dev.triagedesk.evidence.api;

import static dev.triagedesk.evidence.api.ApiTestSupport.json;
import static dev.triagedesk.evidence.api.ApiTestSupport.redactor;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A successful response's headers read only when its call needs them ({@link CallBuilder#deferHeaders}) leave the
 * analysis as reading every line's headers at once does: on every API sample and on random logs of retried calls,
 * successes followed by errors, headers dumps on lines of their own and request IDs between them; whether the
 * read-ahead worked the line out before or not.
 */
class DeferredHeadersTests {

    @Test
    void samplesAreAnalyzedAlike() throws IOException {
        int calls = 0;
        try (Stream<Path> files = Files.walk(Path.of("src", "test", "resources", "api-evidence"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                calls += assertAlike(new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
            }
        }
        assertThat(calls).isGreaterThan(10);
    }

    @Test
    void randomLogsAreAnalyzedAlike() {
        Random random = new Random(21);
        int calls = 0;
        for (int n = 0; n < 2_000; n++) {
            StringBuilder log = new StringBuilder();
            for (int k = 5 + random.nextInt(40); k > 0; k--) {
                log.append(line(random)).append('\n');
            }
            calls += assertAlike(log.toString());
        }
        assertThat(calls).isGreaterThan(5_000);
    }

    private static final String[] STATUSES = {"200 OK", "200 OK", "201 Created", "429 Too Many Requests",
        "500 Internal Server Error", "503 Service Unavailable"};
    private static final String[] NAMES = {"x-request-id", "X-Request-ID", "cf-ray", "openai-processing-ms",
        "retry-after", "retry-after-ms", "x-ratelimit-remaining-requests", "x-ratelimit-reset-tokens", "date"};

    private static String line(Random random) {
        String at = "[2025-03-01 09:00:0" + random.nextInt(10) + " - openai._base_client:1018 - DEBUG] ";
        String status = STATUSES[random.nextInt(STATUSES.length)];
        return switch (random.nextInt(12)) {
            case 0 -> at + "Request options: {'method': 'post', 'url': '/chat/completions',"
                    + " 'json_data': {'model': 'gpt-4o'}}";
            case 1 -> at + "Sending HTTP Request: POST https://api.openai.com/v1/chat/completions";
            case 2 -> "[2025-03-01 09:00:01 - httpx:1025 - INFO] HTTP Request: POST"
                    + " https://api.openai.com/v1/chat/completions \"HTTP/1.1 " + status + "\"";
            case 3, 4 -> at + "HTTP Response: POST https://api.openai.com/v1/chat/completions \"" + status + "\" "
                    + dump(random);
            case 5 -> at + "request_id: req_" + random.nextInt(20);
            case 6 -> at + "Retrying request to /chat/completions in 0." + random.nextInt(10) + "00000 seconds";
            case 7 -> "openai.RateLimitError: Error code: 429 - {'error': {'message': 'Rate limit reached', 'type':"
                    + " 'requests', 'code': 'rate_limit_exceeded'}, 'request_id': 'req_" + random.nextInt(20) + "'}";
            case 8 -> "openai.APIConnectionError: Connection error.";
            case 9 -> at + "receive_response_headers.complete return_value=(b'HTTP/1.1', " + status.substring(0, 3)
                    + ", b'OK', [(b'x-request-id', b'req_" + random.nextInt(20) + "'), (b'retry-after', b'"
                    + random.nextInt(5) + "')])";
            case 10 -> dump(random);
            default -> "INFO app: job " + random.nextInt(100) + " done";
        };
    }

    private static String dump(Random random) {
        StringBuilder b = new StringBuilder("Headers({");
        for (int k = random.nextInt(5); k > 0; k--) {
            String name = NAMES[random.nextInt(NAMES.length)];
            b.append('\'').append(name).append("': '").append(name.contains("id") || name.contains("ray")
                    ? "req_" + random.nextInt(20) : String.valueOf(random.nextInt(100))).append("', ");
        }
        return b.append("})").toString();
    }

    /** Compares the analyses; says how many calls the log held. */
    private static int assertAlike(String text) {
        String reference = json(read(text, false, false));
        assertThat(json(read(text, true, false))).as(text).isEqualTo(reference);
        ApiLogAnalysis ahead = read(text, true, true);
        assertThat(json(ahead)).as(text).isEqualTo(reference);
        return ahead.calls().size();
    }

    private static ApiLogAnalysis read(String text, boolean defer, boolean readAhead) {
        ApiLogFormat format = FormatDetector.detect(text);
        ApiLogReading reading = new ApiLogReading(format == null ? ApiLogFormat.TRACEBACK : format, redactor(),
                ApiLogAnalyzer.DEFAULT_MAX_CALLS, defer);
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            ParsedLine line = i == 0 ? ParsedLine.first(lines.get(i)) : new ParsedLine(lines.get(i));
            reading.line(readAhead ? line.readAhead() : line);
        }
        return reading.finish();
    }
}
