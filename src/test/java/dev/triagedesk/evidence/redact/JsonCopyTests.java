package dev.triagedesk.evidence.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The JSON copy a redactor writes: numbers printed exactly as Jackson's exact copy prints them, and a body's copy
 * written only when something in it went, the same either way.
 */
class JsonCopyTests {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    @Test
    void numbersAreCopiedAsJacksonsExactCopyPrintsThem() {
        List<String> numbers = new ArrayList<>(List.of("0", "-0", "7", "-7", "1066", "12345678901234567890123",
                "0.0", "-0.0", "0.000000", "0.0000000", "-0.0000000", "0.000001", "0.0000001", "-0.0000012",
                "0.100", "1066.166", "-12.50", "1e3", "1E+3", "1.5e-7", "-0.5E2", "100.10", "3.0", "0.00001234"));
        Random random = new Random(11);
        for (int i = 0; i < 5000; i++) {
            numbers.add(randomNumber(random));
        }
        for (String n : numbers) {
            assertThat(copied(n, true)).as(n).isEqualTo(copied(n, false));
        }
    }

    @Test
    void aBodyWithNothingSecretIsReturnedAsItIsAndOneWithASecretIsWrittenAsASinglePassWouldWriteIt() {
        Redactor redactor = new Redactor(RedactionKey.of("unit-test-key-0123456789"));
        String plain = "{ \"model\": \"gpt-4.1\", \"temperature\": 0.70, \"n\": 1, \"stop\": null, \"stream\": true }";
        assertThat(redactor.json(plain, true)).isSameAs(plain);
        String key = "sk-proj-" + "Ab3dE".repeat(9);
        String secret = "{ \"model\": \"gpt-4.1\", \"temperature\": 1e-7, \"api_key\": \"" + key + "\", \"password\": 1234,"
                + " \"list\": [1, -0.0, \"x\", {\"token\": \"" + key + "\"}], \"n\": -0 }";
        String redacted = redactor.json(secret, true);
        assertThat(redacted).doesNotContain(key).doesNotContain("1234")
                .startsWith("{\"model\":\"gpt-4.1\",\"temperature\":1E-7,\"api_key\":\"[REDACTED:")
                .contains("\"password\":\"[REDACTED:password:", "\"list\":[1,0.0,\"x\",{\"token\":\"[REDACTED:")
                .endsWith("\"}],\"n\":0}");
    }

    @Test
    void aJsonBodyInsideAStringOfAJsonBodyIsRedactedToo() {
        Redactor redactor = new Redactor(RedactionKey.of("unit-test-key-0123456789"));
        String key = "sk-proj-" + "Ab3dE".repeat(9);
        String variables = java.net.URLEncoder.encode("{\"apiKey\":\"" + key + "\"}", java.nio.charset.StandardCharsets.UTF_8);
        String body = "{\"next\":\"https://chatgpt.com/graphql?variables=" + variables + "\",\"token\":\"" + key + "\"}";
        String redacted = redactor.json(body, false);
        assertThat(redacted).doesNotContain(key).doesNotContain("Ab3dEAb3dE").contains("\"token\":\"[REDACTED:");
    }

    @Test
    void aBodyThatTurnsOutNotToBeJsonAfterAJsonInsideItWasRedactedIsRedactedAsText() {
        Redactor redactor = new Redactor(RedactionKey.of("unit-test-key-0123456789"));
        String key = "sk-proj-" + "Ab3dE".repeat(9);
        String variables = java.net.URLEncoder.encode("{\"apiKey\":\"" + key + "\"}", java.nio.charset.StandardCharsets.UTF_8);
        String body = "{\"next\":\"https://chatgpt.com/graphql?variables=" + variables + "\"} and more";
        assertThat(redactor.json(body, false)).isNull();
        String asText = redactor.body("text/plain", body, false);
        assertThat(asText).doesNotContain(key).doesNotContain("Ab3dEAb3dE");
    }

    @Test
    void aNumberWhoseExponentNoBigDecimalHoldsIsKeptAsWrittenBesideTheSecretsThatGo() {
        Redactor redactor = new Redactor(RedactionKey.of("unit-test-key-0123456789"));
        String body = "{\"x\": 1e9999999999, \"token\": \"" + "sk-proj-" + "Ab3dE".repeat(9) + "\"}";
        assertThat(redactor.json(body, false)).startsWith("{\"x\":1e9999999999,\"token\":\"[REDACTED:");
        assertThat(copied("-1E9999999999", true)).isEqualTo("-1E9999999999");
    }

    private static String randomNumber(Random random) {
        StringBuilder sb = new StringBuilder();
        if (random.nextBoolean()) {
            sb.append('-');
        }
        sb.append(random.nextInt(4) == 0 ? "0" : String.valueOf(1 + random.nextInt(100_000)));
        if (random.nextInt(3) > 0) {
            sb.append('.').append("0".repeat(random.nextInt(9)));
            int digits = random.nextInt(4);
            for (int i = 0; i < digits; i++) {
                sb.append(random.nextInt(10));
            }
            if (sb.charAt(sb.length() - 1) == '.') {
                sb.append('0');
            }
        }
        if (random.nextInt(5) == 0) {
            sb.append(random.nextBoolean() ? 'e' : 'E').append(random.nextBoolean() ? "-" : "").append(random.nextInt(30));
        }
        return sb.toString();
    }

    /** The number copied into a JSON array, by {@link ExactNumbers} or by Jackson's exact copy. */
    private static String copied(String number, boolean fast) {
        StringWriter out = new StringWriter();
        try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), "[" + number + "]");
             JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
            p.nextToken();
            p.nextToken();
            if (fast) {
                ExactNumbers.copy(p, g);
            } else {
                g.copyCurrentEventExact(p);
            }
        }
        return out.toString();
    }
}
