package dev.triagedesk.evidence.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@link ParsedLine#headers()} gives what the repr-dump scan gives, each name lower-cased and each value stripped
 * ({@link CallBuilder.Headers#take} did that on the analyzer's thread), though it finds the known names without
 * lower-casing them: on every sample line and on random dumps of names in any case. So do the other looks the
 * read-ahead and the analyzer make instead of searching a whole line ({@link ParsedLine#kind()},
 * {@link ReprHeaders#mayHold}, {@link OwnLines#holdsTraceback}).
 */
class ParsedLineTests {

    private static final Pattern ANY_CASE_ID_NAME = Pattern.compile("(?i)x-request-id");

    @Test
    void sampleLinesGiveTheScannedHeadersLowerCasedAndStripped() throws IOException {
        int found = 0;
        for (String line : ResponseLinesTests.sampleLines()) {
            found += compare(line);
        }
        assertThat(found).isGreaterThan(20);
    }

    @Test
    void randomDumpsGiveTheScannedHeadersLowerCasedAndStripped() {
        String[] names = {"x-request-id", "X-Request-ID", "cf-ray", "CF-RAY", "openai-processing-ms", "retry-after",
            "Retry-After-Ms", "retry-after-ms", "x-ratelimit-limit-requests", "x-ratelimit-remaining-tokens",
            "X-RateLimit-Reset-Tokens", "x-ratelimit-reset-requests", "x-ratelimit-other", "x-ratelimit-",
            "x-request-i", "cf-rays", "date", "x-r\u0130quest-id"};
        String[] values = {"req_1", " req_2 ", "8f-FRA", "20", "", "  ", "6m0s\t", "\u00e9t\u00e9"};
        Random random = new Random(3);
        int found = 0;
        for (int n = 0; n < 20_000; n++) {
            StringBuilder b = new StringBuilder("HTTP Response: POST /v1/x \"429\" Headers({");
            for (int k = random.nextInt(8); k > 0; k--) {
                char q = random.nextBoolean() ? '\'' : '"';
                b.append(q).append(names[random.nextInt(names.length)]).append(q).append(": ")
                        .append(q).append(values[random.nextInt(values.length)]).append(q).append(", ");
            }
            found += compare(b.append("})").toString());
        }
        assertThat(found).isGreaterThan(20_000);
    }

    /** Header names are case-insensitive: a dump whose names are all in capitals is read as its lower-case twin. */
    @Test
    void aDumpInCapitalsGivesTheHeadersOfItsLowerCaseTwin() {
        String[] dumps = {
            "HTTP Response: POST /v1/x \"429\" Headers({'Date': 'Sat', 'X-Request-ID': 'req_1'})",
            "HTTP Response: POST /v1/x \"429\" Headers({'X-RATELIMIT-REMAINING-REQUESTS': '0'})",
            "HTTP Response: POST /v1/x \"429\" Headers({'RETRY-AFTER': '2', 'OpenAI-Processing-MS': '7'})",
            "return_value=(b'HTTP/1.1', 429, b'Too Many Requests', [(b'CF-Ray', b'8f-FRA')])"};
        for (String dump : dumps) {
            List<String> twin = new ParsedLine(dump.toLowerCase(Locale.ROOT)).headers();
            assertThat(twin).as(dump).isNotEmpty();
            List<String> names = new ArrayList<>();
            List<String> twinNames = new ArrayList<>();
            List<String> headers = new ParsedLine(dump).headers();
            for (int k = 0; k < headers.size(); k += 2) {
                names.add(headers.get(k));
            }
            for (int k = 0; k < twin.size(); k += 2) {
                twinNames.add(twin.get(k));
            }
            assertThat(names).as(dump).isEqualTo(twinNames);
        }
    }

    @Test
    void kindsAndTheLookForHeadersAreTheSearchesOnSamplesAndRandomLines() throws IOException {
        List<String> lines = new ArrayList<>(ResponseLinesTests.sampleLines());
        String[] pieces = {"Request options: ", "Sending HTTP Request", "Building HTTP request", "HTTP Response: ",
            "HTTP Request: ", "request_id: ", "x-ratelimit", "x-request-id", "processing-ms", "retry-after", "cf-ray",
            "CF-RAY", "-", "x-", "cf", "ray", "CF-", "RAY", "retry", "after", "processing", "ms", "r", "a", "m", "R", " ",
            "x-rate", "limit", "Request", "HTTP", "\u00e9", "X-Request-ID", "X-RateLimit", "Retry-After", "CF-Ray",
            "Processing-MS", "M", "A", "x-r\u0130", "x-requ\u0131", "q", "qq", "Req", "req", "uest", "uest_id: ",
            "Sending HTTP Req", "Building HTTP req", "HTTP Req", "Request opt"};
        Random random = new Random(9);
        for (int n = 0; n < 50_000; n++) {
            StringBuilder b = new StringBuilder();
            for (int k = 1 + random.nextInt(8); k > 0; k--) {
                b.append(pieces[random.nextInt(pieces.length)]);
            }
            lines.add(b.toString());
        }
        int[] kinds = new int[6];
        int holding = 0;
        int idNames = 0;
        for (String line : lines) {
            int kind = new ParsedLine(line).kind();
            assertThat(kind).as(line).isEqualTo(kindBySearches(line));
            kinds[kind]++;
            boolean mayHold = ReprHeaders.mayHoldByPattern(line);
            assertThat(ReprHeaders.mayHold(line)).as(line).isEqualTo(mayHold);
            holding += mayHold ? 1 : 0;
            boolean idName = ANY_CASE_ID_NAME.matcher(line).find();
            assertThat(ReprHeaders.holdsRequestIdName(line)).as(line).isEqualTo(idName);
            idNames += idName ? 1 : 0;
        }
        for (int kind = ParsedLine.OTHER; kind <= ParsedLine.REQUEST_ID; kind++) {
            assertThat(kinds[kind]).as("lines of kind " + kind).isGreaterThan(1_000);
        }
        assertThat(holding).isGreaterThan(10_000);
        assertThat(idNames).isGreaterThan(1_000);
    }

    @Test
    void theLookForATracebackIsTheSearchOnSamplesAndRandomLines() throws IOException {
        List<String> lines = new ArrayList<>(ResponseLinesTests.sampleLines());
        String[] pieces = {"Traceback (most recent call last)", "Traceback ", "(most recent call last)", "(", ")",
            "Traceback", "(most", " ", ":", "Headers({", "x"};
        Random random = new Random(13);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder b = new StringBuilder();
            for (int k = 1 + random.nextInt(6); k > 0; k--) {
                b.append(pieces[random.nextInt(pieces.length)]);
            }
            lines.add(b.toString());
        }
        int holding = 0;
        for (String line : lines) {
            boolean expected = line.contains("Traceback (most recent call last)");
            assertThat(OwnLines.holdsTraceback(line)).as(line).isEqualTo(expected);
            assertThat(new ParsedLine(line).readAhead().holdsTraceback()).as(line).isEqualTo(expected);
            holding += expected ? 1 : 0;
        }
        assertThat(holding).isGreaterThan(1_000);
    }

    /** The analyzer's searches, in its order, as it made them on its own thread. */
    private static int kindBySearches(String raw) {
        if (raw.contains("Request options: ")) {
            return ParsedLine.OPTIONS;
        }
        if (raw.contains("Sending HTTP Request") || raw.contains("Building HTTP request")) {
            return ParsedLine.SENDING;
        }
        if (raw.contains("HTTP Response: ") || raw.contains("HTTP Request: ")) {
            return ParsedLine.RESPONSE;
        }
        return raw.contains("request_id: ") ? ParsedLine.REQUEST_ID : ParsedLine.OTHER;
    }

    /** Compares a line's headers with the reference; says how many it holds. */
    private static int compare(String line) {
        List<String> expected = new ArrayList<>();
        ReprHeaders.scan(line, (name, value) -> {
            expected.add(name.toLowerCase(Locale.ROOT));
            expected.add(value.strip());
        });
        List<String> actual = new ParsedLine(line).headers();
        assertThat(actual).as(line).isEqualTo(expected);
        return expected.size() / 2;
    }
}
