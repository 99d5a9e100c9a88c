package dev.triagedesk.evidence.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link RawLines#lineStop(byte[], int, int)}, eight bytes a step behind a screen, stops where a byte-at-a-time look
 * stops: on random bytes thick with the ones near the screen's edge (tabs and the other controls below {@code \r},
 * {@code \r + 1}, bytes beyond ASCII) and from any start to any limit.
 */
class LineStopTests {

    @Test
    void stopsWhereAByteAtATimeLookStops() {
        byte[] near = {'\n', '\r', '\t', 0x0B, '\f', 0x00, 0x01, 0x0E, 0x0F, 0x7F, (byte) 0x80, (byte) 0xC3,
            (byte) 0xFF, ' ', 'a'};
        Random random = new Random(17);
        int stopped = 0;
        for (int n = 0; n < 200_000; n++) {
            byte[] buf = new byte[1 + random.nextInt(40)];
            int rare = 1 + random.nextInt(30); // how thinly the near bytes are spread
            for (int k = 0; k < buf.length; k++) {
                buf[k] = random.nextInt(rare) == 0 ? near[random.nextInt(near.length)] : (byte) (0x20 + random.nextInt(0x5F));
            }
            int from = random.nextInt(buf.length);
            int limit = from + random.nextInt(buf.length - from + 1);
            int expected = byteAtATime(buf, from, limit);
            assertThat(RawLines.lineStop(buf, from, limit)).as("from %d to %d", from, limit).isEqualTo(expected);
            stopped += expected < limit ? 1 : 0;
        }
        assertThat(stopped).isGreaterThan(20_000);
    }

    private static int byteAtATime(byte[] buf, int i, int limit) {
        while (i < limit && buf[i] != '\n' && buf[i] != '\r' && buf[i] >= 0) {
            i++;
        }
        return i;
    }
}
