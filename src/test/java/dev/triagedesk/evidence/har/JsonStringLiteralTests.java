package dev.triagedesk.evidence.har;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class JsonStringLiteralTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String[] PIECES = {"a", "Z", "0", " ", "\"", "\\", "/", "\n", "\r", "\t", "\b", "\f", "\u0001",
        "\u001f", "é", "ß", "€", "中", "😀", "\uD83D\uDE00x", "data: {\"k\": \"v\"}\n\n", "ü"};

    @Test
    void decodesWhatJacksonWritesIncludingEscapedAndRawUnicode() {
        SplittableRandom random = new SplittableRandom(5);
        for (int round = 0; round < 2000; round++) {
            StringBuilder sb = new StringBuilder();
            int n = random.nextInt(0, 40);
            for (int i = 0; i < n; i++) {
                sb.append(PIECES[random.nextInt(PIECES.length)]);
            }
            String value = sb.toString();
            assertThat(decode(JSON.writeValueAsString(value))).isEqualTo(value);
            // the same text with every non-ASCII character escaped, as some HAR writers do
            assertThat(decode(asciiOnly(value))).isEqualTo(value);
        }
    }

    @Test
    void loneSurrogatesSurviveAsTheyWereWritten() {
        assertThat(decode("\"a\\ud83d b\"")).isEqualTo("a\ud83d b");
        assertThat(decode("\"\\u00e9\\u20ac\\u4e2d\"")).isEqualTo("é€中");
    }

    private static String decode(String literal) {
        byte[] bytes = literal.getBytes(StandardCharsets.UTF_8);
        return JsonStringLiteral.decode(bytes, bytes.length);
    }

    private static String asciiOnly(String value) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    @Test
    void theFirstBackslashIsFoundWhereverItStandsAndWhateverBytesSurroundIt() {
        SplittableRandom random = new SplittableRandom(5);
        for (int round = 0; round < 20_000; round++) {
            byte[] bytes = new byte[random.nextInt(40)];
            for (int i = 0; i < bytes.length; i++) {
                // high bytes, and bytes one off a backslash, are where a word-at-a-time search could err
                int pick = random.nextInt(8);
                bytes[i] = (byte) (pick == 0 ? '\\' : pick == 1 ? 0x5B : pick == 2 ? 0x5D : pick == 3 ? 0xDC
                        : pick == 4 ? 0x80 : random.nextInt(256));
            }
            int from = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
            int to = from + random.nextInt(bytes.length - from + 1);
            int expected = -1;
            for (int i = from; i < to; i++) {
                if (bytes[i] == '\\') {
                    expected = i;
                    break;
                }
            }
            assertThat(JsonStringLiteral.firstBackslash(bytes, from, to)).isEqualTo(expected);
        }
    }
}
