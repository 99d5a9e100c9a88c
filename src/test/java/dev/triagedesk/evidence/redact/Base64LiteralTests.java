package dev.triagedesk.evidence.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The base64 check over whole literals agrees with a plain one: every byte value, every position, any length. */
class Base64LiteralTests {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=";

    @Test
    void oneStrangerByteAnywhereIsFound() {
        byte[] literal = quoted(Base64.getEncoder().encodeToString(new byte[3000]));
        for (int v = 0; v < 256; v++) {
            boolean inAlphabet = v < 128 && ALPHABET.indexOf(v) >= 0;
            for (int at : new int[] {1, 2, 7, 8, 9, 1024, 1025, 1031, 2048, literal.length - 9, literal.length - 2}) {
                byte[] copy = literal.clone();
                copy[at] = (byte) v;
                assertThat(LeftoverScan.isBase64Literal(copy, copy.length)).as("byte %d at %d", v, at)
                        .isEqualTo(inAlphabet);
            }
        }
    }

    @Test
    void randomLiteralsOfEveryLength() {
        Random r = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            int n = r.nextInt(0, 300);
            StringBuilder sb = new StringBuilder();
            boolean expected = true;
            for (int k = 0; k < n; k++) {
                char c = r.nextInt(200) == 0 ? (char) r.nextInt(128) : ALPHABET.charAt(r.nextInt(ALPHABET.length()));
                expected &= ALPHABET.indexOf(c) >= 0;
                sb.append(c);
            }
            byte[] literal = quoted(sb.toString());
            assertThat(LeftoverScan.isBase64Literal(literal, literal.length)).as(sb.toString()).isEqualTo(expected);
        }
        assertThat(LeftoverScan.isBase64Literal("\"QUJDRA==\"".getBytes(), 10)).isTrue();
        assertThat(LeftoverScan.isBase64Literal("\"QUJD.RA=\"".getBytes(), 10)).isFalse();
        assertThat(LeftoverScan.isBase64Literal("QUJDRA==".getBytes(), 8)).as("no quotes").isFalse();
    }

    private static byte[] quoted(String s) {
        return ("\"" + s + "\"").getBytes(StandardCharsets.ISO_8859_1);
    }
}
