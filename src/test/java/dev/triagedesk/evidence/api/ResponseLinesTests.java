package dev.triagedesk.evidence.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link ResponseLines} finds what {@link ApiLines#findAt} with the patterns it stands for finds, groups and bounds,
 * on every line of the test samples and on random lines made of the patterns' pieces.
 */
class ResponseLinesTests {

    /** A start of {@code null}: the pattern's own {@code find()} is the reference. */
    private static final Object[][] CASES = {
        {ApiLines.PY_SENDING, null, (Function<String, MatchResult>) ResponseLines::sending},
        {ApiLines.PY_RESPONSE, ApiLines.PY_RESPONSE_START, (Function<String, MatchResult>) ResponseLines::pyResponse},
        {ApiLines.HTTPX, ApiLines.HTTPX_START, (Function<String, MatchResult>) ResponseLines::httpx},
        {ApiLines.PY_REQUEST_ID, ApiLines.PY_REQUEST_ID_START, (Function<String, MatchResult>) ResponseLines::requestId},
        {ApiLines.PY_RETRY, null, (Function<String, MatchResult>) ResponseLines::retry},
    };

    @Test
    void everySampleLineReadsAsThePatternsReadIt() throws IOException {
        int matched = 0;
        for (String line : sampleLines()) {
            matched += compare(line);
        }
        assertThat(matched).isGreaterThan(20);
    }

    @Test
    void randomLinesReadAsThePatternsReadThem() {
        String[] pieces = {"HTTP Response: ", "HTTP Request: ", "Sending HTTP Request: ", "request_id: ", "POST ",
            "GET ", "PATCH", "PUT", "DELET",
            "<custom> ", "<custom>", "https://api.openai.com/v1/chat/completions", "/v1/x", " ", "\t", "\"", "'",
            "200", "429", "50", "5", "0", " OK", " Too Many Requests", "\"HTTP/1.1 ", "\"HTTP/2 ", "HTTP/", "1.1", ".",
            "req_", "abc-DEF_123", "x", "_", "-", "\u00e9", "\u0301", "\u65e5", "\uD83D\uDE00", "\"500 Internal\"",
            " Headers({'x-request-id': 'req_1'})", "é", "9", "Retrying request", " to ", " in ", " seconds", "0.42",
            "1.", "/chat/completions", "seconds", " in", "\u0660"};
        Random random = new Random(7);
        int matched = 0;
        for (int n = 0; n < 100_000; n++) {
            StringBuilder b = new StringBuilder();
            if (random.nextBoolean()) { // most lines start as the patterns do, for matches to be many
                if (random.nextInt(5) == 0) {
                    b.append("Retrying request");
                } else {
                    b.append(pieces[random.nextInt(4)]).append(pieces[4 + random.nextInt(4)]);
                }
            }
            for (int k = 1 + random.nextInt(10); k > 0; k--) {
                b.append(pieces[random.nextInt(pieces.length)]);
            }
            matched += compare(b.toString());
        }
        assertThat(matched).isGreaterThan(2_000);
    }

    @Test
    void edgeCasesReadAsThePatternsReadThem() {
        String[] lines = {"HTTP Response: GET 5000 then HTTP Response: POST 503", "HTTP Response: POST 503\u00e9",
            "HTTP Response: POST 503\u0301", "HTTP Response: POST 503_", "HTTP Response: POST 503-",
            "HTTP Response: POST /v1/x \"500\"", "HTTP Response: POST /v1/x \"500 never closed",
            "HTTP Response: POST /v1/x\t\"500\"", "HTTP Response: <custom> 404", "HTTP Response: <custom>",
            "HTTP Request: POST https://a \"HTTP/ 200 OK\"", "HTTP Request: POST https://a \"HTTP/1.1 20\"",
            "HTTP Request: POST https://a \"HTTP/1.1 200\"x", "HTTP Request: POST  https://a \"HTTP/1.1 200\"",
            "\u00e9request_id: req_123456789", "_request_id: req_123456789", "request_id: req_12",
            "request_id: " + "a".repeat(150), "HTTP Response: POST", "HTTP Request: ", "request_id:",
            "Sending HTTP Request: POST", "Sending HTTP Request: POST ", "Sending HTTP Request: POSTX /v1",
            "Sending HTTP Request: <custom> /v1/x y", "Sending HTTP Request: FETCH Sending HTTP Request: GET /a\tb",
            "Sending HTTP Request: GET  /a", "Sending HTTP Request:  GET /a",
            "Retrying request to /chat/completions in 0.42 seconds", "Retrying request in 1.5 seconds",
            "Retrying request to  /x in 1 seconds", "Retrying request to /x in  1 seconds", "Retrying request to /x in . seconds",
            "Retrying request to /x in 1 second", "Retrying request to in 2 seconds", "Retrying request to /a b in 2 seconds",
            "Retrying request to /x in 1 seconds Retrying request in 2 seconds", "Retrying request\tin 1 seconds",
            "Retrying request to /x in 2 secondsx", "Retrying request to /\u00e9 in 3 seconds"};
        int matched = 0;
        for (String line : lines) {
            matched += compare(line);
        }
        assertThat(matched).isGreaterThan(5);
    }

    /** Compares the three readings of a line; says how many found a match. */
    @SuppressWarnings("unchecked")
    private static int compare(String line) {
        int matched = 0;
        for (Object[] c : CASES) {
            Pattern pattern = (Pattern) c[0];
            Matcher expected = c[1] == null ? found(pattern.matcher(line)) : ApiLines.findAt(pattern, (String) c[1], line);
            MatchResult actual = ((Function<String, MatchResult>) c[2]).apply(line);
            if (expected == null) {
                assertThat(actual).as(pattern + " in " + line).isNull();
                continue;
            }
            matched++;
            assertThat(actual).as(pattern + " in " + line).isNotNull();
            assertThat(actual.start()).as(pattern + " in " + line).isEqualTo(expected.start());
            assertThat(actual.end()).as(pattern + " in " + line).isEqualTo(expected.end());
            for (int g = 1; g <= expected.groupCount(); g++) {
                assertThat(actual.group(g)).as(pattern + " group " + g + " in " + line).isEqualTo(expected.group(g));
            }
        }
        return matched;
    }

    private static Matcher found(Matcher m) {
        return m.find() ? m : null;
    }

    /** Every line of every text sample under src/test/resources. */
    static List<String> sampleLines() throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src", "test", "resources"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
                lines.addAll(text.lines().toList());
            }
        }
        return lines;
    }
}
