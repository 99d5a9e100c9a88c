package dev.triagedesk.evidence.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link ExceptionLines} says of each line what reading it afresh says, however lines repeat and alternate. */
class ExceptionLinesTests {

    @Test
    void aLineReadAgainSaysWhatItSaidWhateverCameBetween() throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line : ResponseLinesTests.sampleLines()) {
            if (line.contains("Error") || line.contains("Exception")) {
                lines.add(line);
            }
        }
        lines.add("openai.InternalServerError: Error code: 500 - {'error': {'message': 'The server had an error', "
                + "'type': 'server_error', 'param': None, 'code': None}}");
        lines.add("openai.RateLimitError: Error code: 429 - {'error': {'message': 'Rate limit reached for requests', "
                + "'type': 'requests', 'param': None, 'code': 'rate_limit_exceeded'}}");
        lines.add("openai.APIConnectionError: Connection error.");
        lines.add("ValueError: not a client's error");
        lines.add("no exception here");
        assertThat(lines).hasSizeGreaterThan(20);

        ExceptionLines remembered = new ExceptionLines();
        Random random = new Random(4);
        int exceptions = 0;
        int clients = 0;
        for (int n = 0; n < 20_000; n++) {
            // mostly a few lines again and again, as a failing client prints them, sometimes any other
            String line = lines.get(random.nextInt(4) == 0 ? random.nextInt(lines.size())
                    : lines.size() - 1 - random.nextInt(5));
            ExceptionLines.Read expected = ExceptionLines.parse(line);
            assertThat(remembered.read(line)).as(line).isEqualTo(expected);
            exceptions += expected != null ? 1 : 0;
            clients += expected != null && expected.client() ? 1 : 0;
        }
        assertThat(exceptions).isGreaterThan(10_000);
        assertThat(clients).isGreaterThan(5_000);
    }
}
