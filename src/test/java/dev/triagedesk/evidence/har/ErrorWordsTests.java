package dev.triagedesk.evidence.har;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The skipping search for "error" and "failed" answers as {@code String.indexOf} does on the same bytes. */
class ErrorWordsTests {

    private static boolean byIndexOf(byte[] b, int n) {
        String text = new String(b, 0, n, StandardCharsets.ISO_8859_1);
        return text.contains("error") || text.contains("failed");
    }

    private static boolean in(String text) {
        byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
        return ErrorWords.in(b, b.length);
    }

    @Test
    void findsEitherWordAnywhere() {
        assertThat(in("error")).isTrue();
        assertThat(in("failed")).isTrue();
        assertThat(in("data: {\"type\":\"error\"}")).isTrue();
        assertThat(in("xxxxfailed")).isTrue();
        assertThat(in("errerror")).isTrue();
        assertThat(in("ffailed")).isTrue();
        assertThat(in("faifailed")).isTrue();
    }

    @Test
    void doesNotFindNearMisses() {
        assertThat(in("")).isFalse();
        assertThat(in("erro")).isFalse();
        assertThat(in("faile")).isFalse();
        assertThat(in("Error")).isFalse(); // as indexOf: case matters
        assertThat(in("FAILED")).isFalse();
        assertThat(in("errorr".substring(1))).isFalse();
        assertThat(in("data: {\"delta\":\"terror\"}".replace("error", "rror"))).isFalse();
    }

    @Test
    void looksOnlyAtTheFirstNBytes() {
        byte[] b = "xx error".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(ErrorWords.in(b, 7)).isFalse();
        assertThat(ErrorWords.in(b, 8)).isTrue();
        byte[] f = "failed".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(ErrorWords.in(f, 5)).isFalse();
    }

    @Test
    void agreesWithIndexOfOnRandomTexts() {
        SplittableRandom random = new SplittableRandom(11);
        // an alphabet of the words' own letters, so near misses and overlaps are frequent
        byte[] alphabet = "erofaild \"\\".getBytes(StandardCharsets.ISO_8859_1);
        for (int round = 0; round < 200_000; round++) {
            byte[] b = new byte[random.nextInt(24)];
            for (int i = 0; i < b.length; i++) {
                b[i] = random.nextInt(8) == 0 ? (byte) random.nextInt(256) : alphabet[random.nextInt(alphabet.length)];
            }
            int n = b.length == 0 ? 0 : random.nextInt(b.length + 1);
            assertThat(ErrorWords.in(b, n)).as("%s, first %d", new String(b, StandardCharsets.ISO_8859_1), n)
                    .isEqualTo(byIndexOf(b, n));
        }
    }
}
