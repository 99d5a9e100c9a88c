package dev.triagedesk.evidence.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triagedesk.evidence.Engines;
import dev.triagedesk.evidence.redact.Redactor;
import dev.triagedesk.evidence.redact.Scope;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;

/** A clean line compacted from its bytes is what the redactor's walk writes, or it is declined. */
class CompactLineTests {

    private static String walked(byte[] line) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonParser p = BatchJson.JSON.createParser(ObjectReadContext.empty(), line, 0, line.length);
             JsonGenerator g = BatchJson.JSON.createGenerator(ObjectWriteContext.empty(), out)) {
            p.nextToken();
            new Redactor(Engines.KEY).copyJson(p, g, null, null, Scope.JSON_RESPONSE);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The compact copy, or null when declined. */
    private static String compact(byte[] line) {
        CompactLine c = new CompactLine();
        return c.copy(line, line.length) ? new String(c.bytes(), 0, c.length(), StandardCharsets.UTF_8) : null;
    }

    @Test
    void acceptedLinesAreWhatTheWalkWritesAndTheRestIsDeclined() {
        List<String> accepted = List.of(
                "{\"id\": \"batch_req_1\", \"n\": [1, -2, 0, 30], \"ok\": true, \"no\": false, \"x\": null}",
                "{ \"text\" : \"line one\\nline two\\ttab \\\"quoted\\\" back\\\\slash\\r\" }",
                "{\"ünïcödé\": \"日本語のテキスト 😀 ‐ — \u2028 \u2029 café\", \"a\":{\"b\":[{\"c\":[]}]}}",
                "[1,2,3]", "\"just a string\"", "  {\"spaced\"  :  [ 1 ,\t2 ]  }  ", "{\"slash\": \"a/b\"}");
        for (String s : accepted) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            assertThat(compact(b)).as(s).isNotNull().isEqualTo(walked(b));
        }
        List<String> declined = List.of("{\"f\": 0.5}", "{\"e\": 1e5}", "{\"z\": -0}", "{\"s\": \"a\\/b\"}",
                "{\"u\": \"\\u00e9\"}", "{\"b\": \"\\b\"}", "\uFEFF{\"bom\": 1}", "{\"big\": 1E+2}");
        for (String s : declined) {
            assertThat(compact(s.getBytes(StandardCharsets.UTF_8))).as(s).isNull();
        }
    }

    @Test
    void randomLinesAreNeverCompactedOtherwise() {
        Random random = new Random(42);
        String[] pieces = {"a", "Z", "0", " ", "\\n", "\\t", "\\\"", "\\\\", "\\/", "\\u0041", "é", "😀", "/", "'",
            "\u2028", "<", "\\r", "\\b", "-", ":", ",", "{", "]"};
        String[] numbers = {"0", "7", "-3", "12345678901234567890", "1.5", "-0.0", "2e3", "0.000001", "-0"};
        for (int round = 0; round < 5_000; round++) {
            StringBuilder line = new StringBuilder("{");
            int fields = 1 + random.nextInt(4);
            for (int f = 0; f < fields; f++) {
                line.append(f == 0 ? "" : random.nextBoolean() ? ", " : ",").append("\"k").append(f).append("\":");
                if (random.nextInt(3) == 0) {
                    line.append(numbers[random.nextInt(numbers.length)]);
                } else {
                    line.append('"');
                    for (int k = random.nextInt(40); k > 0; k--) {
                        line.append(pieces[random.nextInt(pieces.length)]);
                    }
                    line.append('"');
                }
            }
            byte[] b = line.append('}').toString().getBytes(StandardCharsets.UTF_8);
            String c = compact(b);
            if (c != null) {
                assertThat(c).as(line.toString()).isEqualTo(walked(b));
            }
        }
    }
}
