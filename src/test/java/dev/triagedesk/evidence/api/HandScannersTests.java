package dev.triagedesk.evidence.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The character scanners that read a {@code Request options} dict and a {@code Headers({…})} dump find exactly what
 * the patterns stating those formats ({@link ApiLines#OPTION_MODEL}, {@link ApiLines#REPR_HEADER}…) find.
 */
class HandScannersTests {

    private static final String[] LINES = {
        "[2025-03-01 09:00:01 - openai._base_client:446 - DEBUG] Request options: {'method': 'post', 'url':"
                + " '/chat/completions', 'files': None, 'json_data': {'messages': [{'role': 'user', 'content':"
                + " 'the model: gpt-x, \"url\": \"nope\"'}], 'model': 'gpt-4o-mini'}}",
        "Request options: {\"method\": \"post\", \"url\": \"https://api.openai.com/v1/responses\", \"model\": \"o3\"}",
        "Request options: {'model': '', 'model': 'a b', 'model': 'ok.1:2/3-x_y', 'url': 'with space', 'url': '/v1/x'}",
        "Request options: {'method': 'ab', 'method': 'toolongmethod', 'method': 'PATCH'}",
        "Request options: {'xmodel': 'no', 'model' : 'no', 'model':'no', 'model': \"mixed'}",
        "'model': '" + "m".repeat(100) + "' 'model': '" + "n".repeat(101) + "'",
        "'url': '" + "u".repeat(301) + "' 'url': '/v1/" + "v".repeat(296) + "'",
        "HTTP Response: POST https://api.openai.com/v1/chat/completions \"429 Too Many Requests\" Headers({'date':"
                + " 'Sat', 'x-request-id': 'req_16fdaeeb975729fae923d5a4fd12aabf', 'openai-processing-ms': '7574',"
                + " 'x-ratelimit-limit-requests': '5000', 'X-RateLimit-Remaining-Tokens': '0', 'retry-after': '20',"
                + " 'retry-after-ms': '1500', 'CF-RAY': '17f5e837d70820fe-AMS', 'x-ratelimit-': 'no'})",
        "return_value=(b'HTTP/1.1', 429, b'Too Many Requests', [(b'x-request-id', b'req_1'), (b'cf-ray', b'8f-FRA'),"
                + " (b'retry-after',b'2'), (\"x-ratelimit-reset-tokens\",   \"6m0s\")])",
        "'x-request-id': '" + "r".repeat(200) + "' 'x-request-id': '" + "s".repeat(201) + "' 'cf-ray'",
        "'x-request-id'  'a' 'x-request-id'::'b' 'x-request-id': b\"c\" 'x-request-ıd': 'd' 'x-ratelimit-a1': 'e'",
    };

    @Test
    void optionValuesAreThePatternsFirstMatches() {
        for (String line : LINES) {
            assertThat(ApiLines.optionValue(line, "model", ApiLines.OptionValue.MODEL)).as(line)
                    .isEqualTo(first(ApiLines.OPTION_MODEL, line));
            assertThat(ApiLines.optionValue(line, "url", ApiLines.OptionValue.URL)).as(line)
                    .isEqualTo(first(ApiLines.OPTION_URL, line));
            assertThat(ApiLines.optionValue(line, "method", ApiLines.OptionValue.METHOD)).as(line)
                    .isEqualTo(first(ApiLines.OPTION_METHOD, line));
        }
    }

    @Test
    void headersAreThePatternsMatches() {
        for (String line : LINES) {
            scanFindsWhatThePatternFinds(line);
        }
    }

    /** Asserts that {@code ReprHeaders.scan} finds in {@code line} the headers {@code REPR_HEADER} finds; how many. */
    private static int scanFindsWhatThePatternFinds(String line) {
        List<String> expected = new ArrayList<>();
        Matcher m = ApiLines.REPR_HEADER.matcher(line);
        while (m.find()) {
            expected.add(m.group(1) + "=" + m.group(2));
        }
        List<String> found = new ArrayList<>();
        ReprHeaders.scan(line, (name, value) -> found.add(name + "=" + value));
        assertThat(found).as(line).isEqualTo(expected);
        return found.size();
    }

    /** Random dumps of quotes, names, separators and values: the scan that jumps from quote to quote finds the same. */
    @Test
    void randomDumpsScanAsThePatternFinds() {
        String[] pieces = {"'", "\"", "b'", "x-request-id", "X-Request-Id", "cf-ray", "openai-processing-ms",
            "retry-after", "retry-after-ms", "x-ratelimit-", "x-ratelimit-reset-tokens", "date", ":", ",", ": ", " ",
            "\t", "req_1", "8f-FRA", "20", "Headers({", "})", "(", ")", "[", "]", "\u00e9", "x"};
        java.util.Random random = new java.util.Random(11);
        int headers = 0;
        for (int n = 0; n < 50_000; n++) {
            StringBuilder b = new StringBuilder();
            for (int k = 1 + random.nextInt(8); k > 0; k--) {
                if (random.nextBoolean()) { // a header, its parts sometimes another piece
                    String[] quotes = {"'", "\"", "b'"};
                    b.append(quotes[random.nextInt(3)]).append(pieces[3 + random.nextInt(13)])
                            .append(quotes[random.nextInt(2)]).append(pieces[16 + random.nextInt(4)])
                            .append(quotes[random.nextInt(3)]).append(pieces[17 + random.nextInt(11)])
                            .append(quotes[random.nextInt(2)]);
                } else {
                    b.append(pieces[random.nextInt(pieces.length)]);
                }
            }
            String line = b.toString();
            headers += scanFindsWhatThePatternFinds(line);
        }
        assertThat(headers).isGreaterThan(1_000);
    }

    /** The pattern's {@code \s} is ASCII whitespace: a Unicode space or an information separator ends no header. */
    @Test
    void onlyAsciiWhitespaceStandsBetweenANameAndItsValue() {
        String[] spaces = {" ", "\t", "\n", "\u000B", "\f", "\r", "\u001C", "\u001F", "\u0085", "\u00A0", "\u2003",
            "\u2028", "\u3000"};
        java.util.Random random = new java.util.Random(5);
        int headers = 0;
        for (int n = 0; n < 5_000; n++) {
            StringBuilder b = new StringBuilder("Headers({");
            for (int k = 1 + random.nextInt(4); k > 0; k--) {
                b.append("'x-request-id'").append(random.nextBoolean() ? ":" : "");
                for (int s = random.nextInt(3); s > 0; s--) {
                    b.append(spaces[random.nextInt(spaces.length)]);
                }
                b.append("'req_").append(k).append("', ");
            }
            String line = b.append("})").toString();
            headers += scanFindsWhatThePatternFinds(line);
        }
        assertThat(headers).isGreaterThan(1_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "'", "''", "'x-request-id'", "'x-request-id': '", "'model': '", "'model'", "model': 'a'"})
    void cutShortLinesFindNothingAndDoNotFail(String line) {
        assertThat(ApiLines.optionValue(line, "model", ApiLines.OptionValue.MODEL)).isNull();
        List<String> found = new ArrayList<>();
        ReprHeaders.scan(line, (name, value) -> found.add(name));
        assertThat(found).isEmpty();
    }

    private static String first(Pattern p, String line) {
        Matcher m = p.matcher(line);
        return m.find() ? m.group(1) : null;
    }

    /** {@link ApiLines#findAt} gives the match {@code find()} gives, groups included, or none when it finds none. */
    @Test
    void findingWhereAPatternsStartOccursMatchesWhatFindFinds() {
        List<String> lines = new ArrayList<>(List.of(LINES));
        lines.addAll(List.of(
                "HTTP Response: GET 5000 then HTTP Response: POST 503",
                "xHTTP Response: POST /v1/x \"500\" HTTP Response: POST /v1/y \"502 Bad Gateway\"",
                "HTTP Response: FETCH 500 HTTP Response: <custom> https://a/b \"429 Too\"",
                "HTTP Request: POST https://api.openai.com/v1/x \"HTTP/1.1 200 OK\" HTTP Request: GET",
                "HTTP Request: GET https://a \"HTTP/2 404\"",
                "my_request_id: req_abcdef and request_id: req_0123456789 request_id: zz",
                "request_id: short request_id: req_" + "a".repeat(120),
                "prompt says request_id: and HTTP Response: but nothing follows", "", "request_id: ",
                "\u00e9request_id: req_123456789 \u65e5request_id: req_987654321"));
        Object[][] patterns = {{ApiLines.PY_RESPONSE, ApiLines.PY_RESPONSE_START},
            {ApiLines.HTTPX, ApiLines.HTTPX_START}, {ApiLines.PY_REQUEST_ID, ApiLines.PY_REQUEST_ID_START}};
        int matched = 0;
        for (String line : lines) {
            for (Object[] p : patterns) {
                Pattern pattern = (Pattern) p[0];
                Matcher expected = pattern.matcher(line);
                Matcher actual = ApiLines.findAt(pattern, (String) p[1], line);
                if (!expected.find()) {
                    assertThat(actual).as(pattern + " in " + line).isNull();
                    continue;
                }
                matched++;
                assertThat(actual).as(pattern + " in " + line).isNotNull();
                assertThat(actual.start()).isEqualTo(expected.start());
                assertThat(actual.end()).isEqualTo(expected.end());
                for (int g = 1; g <= expected.groupCount(); g++) {
                    assertThat(actual.group(g)).isEqualTo(expected.group(g));
                }
            }
        }
        assertThat(matched).isGreaterThanOrEqualTo(8);
    }
}
