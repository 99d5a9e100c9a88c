package dev.triagedesk.evidence.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The eight-lanes-at-once base64 check agrees with the plain one on every byte value and on random words. */
class Base64WordTests {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=";

    @Test
    void everyByteValueInEveryLane() {
        for (int v = 0; v < 256; v++) {
            for (int lane = 0; lane < 8; lane++) {
                byte[] word = "AAAAAAAA".getBytes();
                word[lane] = (byte) v;
                assertThat(LeftoverScan.base64Word(asLong(word))).as("byte %d in lane %d", v, lane)
                        .isEqualTo(ALPHABET.indexOf(v) >= 0 && v < 128);
            }
        }
    }

    @Test
    void randomWordsAndLiterals() {
        Random r = new Random(42);
        for (int i = 0; i < 200_000; i++) {
            byte[] word = new byte[8];
            for (int k = 0; k < 8; k++) {
                word[k] = r.nextInt(4) == 0 ? (byte) r.nextInt(256) : (byte) ALPHABET.charAt(r.nextInt(ALPHABET.length()));
            }
            boolean expected = true;
            for (byte b : word) {
                expected &= b >= 0 && ALPHABET.indexOf(b) >= 0;
            }
            assertThat(LeftoverScan.base64Word(asLong(word))).isEqualTo(expected);
        }
        assertThat(LeftoverScan.isBase64Literal("\"QUJDRA==\"".getBytes(), 10)).isTrue();
        assertThat(LeftoverScan.isBase64Literal("\"QUJD.RA=\"".getBytes(), 10)).isFalse();
        assertThat(LeftoverScan.isBase64Literal("\"QUJDRAQUJDRAQUJDRA-X\"".getBytes(), 22)).isFalse();
    }

    private static long asLong(byte[] word) {
        return ByteBuffer.wrap(word).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }
}
