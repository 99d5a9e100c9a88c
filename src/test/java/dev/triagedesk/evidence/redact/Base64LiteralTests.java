package dev.triagedesk.evidence.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The base64 check over whole literals agrees with a plain one: every byte value, every position, any length;
 * padding only at the end.
 */
class Base64LiteralTests {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    @Test
    void oneStrangerByteAnywhereIsFound() {
        byte[] literal = quoted(Base64.getEncoder().encodeToString(new byte[3000]));
        for (int v = 0; v < 256; v++) {
            boolean inAlphabet = v < 128 && ALPHABET.indexOf(v) >= 0;
            for (int at : new int[] {1, 2, 7, 8, 9, 1024, 1025, 1031, 2048, literal.length - 9, literal.length - 2}) {
                byte[] copy = literal.clone();
                copy[at] = (byte) v;
                boolean padding = v == '=' && at == literal.length - 2;
                assertThat(Base64Literals.isBase64Literal(copy, copy.length)).as("byte %d at %d", v, at)
                        .isEqualTo(inAlphabet || padding);
            }
        }
    }

    @Test
    void randomLiteralsOfEveryLength() {
        Random r = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            int n = r.nextInt(0, 300);
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < n; k++) {
                char c = r.nextInt(200) == 0 ? (char) r.nextInt(128)
                        : k >= n - 2 && r.nextInt(3) == 0 ? '=' : ALPHABET.charAt(r.nextInt(ALPHABET.length()));
                sb.append(c);
            }
            boolean expected = plainCheck(sb.toString());
            byte[] literal = quoted(sb.toString());
            assertThat(Base64Literals.isBase64Literal(literal, literal.length)).as(sb.toString()).isEqualTo(expected);
            assertThat(Base64Literals.isBase64(sb)).as(sb.toString()).isEqualTo(expected);
        }
        assertThat(Base64Literals.isBase64Literal("\"QUJDRA==\"".getBytes(), 10)).isTrue();
        assertThat(Base64Literals.isBase64Literal("\"QUJDRA=\"".getBytes(), 9)).isTrue();
        assertThat(Base64Literals.isBase64Literal("\"QUJD===\"".getBytes(), 9)).as("three padding bytes").isFalse();
        assertThat(Base64Literals.isBase64Literal("\"sessionid=abcdefghijkl\"".getBytes(), 24)).as("'=' inside").isFalse();
        assertThat(Base64Literals.isBase64("QUJDRA==")).isTrue();
        assertThat(Base64Literals.isBase64("sessionid=abcdefghijkl")).isFalse();
        assertThat(Base64Literals.isBase64("QUJD\r\nRA==")).as("line breaks are text's").isFalse();
        assertThat(Base64Literals.isBase64Literal("\"QUJD.RA=\"".getBytes(), 10)).isFalse();
        assertThat(Base64Literals.isBase64Literal("QUJDRA==".getBytes(), 8)).as("no quotes").isFalse();
    }

    /** The alphabet, then at most two '=' of padding. */
    private static boolean plainCheck(String s) {
        return s.matches("[A-Za-z0-9+/]*={0,2}");
    }

    private static byte[] quoted(String s) {
        return ("\"" + s + "\"").getBytes(StandardCharsets.ISO_8859_1);
    }
}
