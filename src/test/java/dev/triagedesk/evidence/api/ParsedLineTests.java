package dev.triagedesk.evidence.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link ParsedLine#headers()} gives what the repr-dump scan gives, each name lower-cased and each value stripped
 * ({@link CallBuilder.Headers#take} did that on the analyzer's thread), though it finds the known names without
 * lower-casing them: on every sample line and on random dumps of names in any case.
 */
class ParsedLineTests {

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

    /** Compares a line's headers with the reference; says how many it holds. */
    private static int compare(String line) {
        List<String> expected = new ArrayList<>();
        ReprHeaders.scan(line, (name, value) -> {
            expected.add(name.toLowerCase(Locale.ROOT));
            expected.add(value.strip());
        });
        List<String> actual = new ParsedLine(line).headers();
        if (!ReprHeaders.mayHold(line)) {
            assertThat(actual).as(line).isEmpty();
            return 0;
        }
        assertThat(actual).as(line).isEqualTo(expected);
        return expected.size() / 2;
    }
}
