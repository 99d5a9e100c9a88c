package dev.triagedesk.evidence.redact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triagedesk.evidence.Corpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link TextStarts#nextCandidateInPlainText} reads a byte pair at a time and looks back only where a letter pair
 * fits; it must stop exactly where the loop that carries the byte before along stops (the reference below, the
 * loop it replaced), from any start, with any byte before it, on the corpus's and the samples' lines and random bytes.
 */
class TextStartsTests {

    /** The loop the pair table replaced: each byte with the one before it, then the byte after. */
    private static int reference(byte[] b, int from, int n, int prev) {
        for (int i = from; i < n; i++) {
            int cur = b[i] & 0xff;
            if (TextStarts.STARTS_AFTER[prev << 8 | cur] != 0 && ((TextStarts.TEXT_CLASS[cur] & TextStarts.SEPARATOR) != 0
                    || i + 1 < n && TextStarts.secondFits(b[i], b[i + 1]))) {
                return i;
            }
            prev = cur;
        }
        return n;
    }

    /** Every stop from {@code from} on, both ways, with {@code prev} before the first. */
    private static void assertSameStops(byte[] b, int from, int n, int prev) {
        int i = from;
        int p = prev;
        while (true) {
            int expected = reference(b, i, n, p);
            int stop = TextStarts.nextCandidateInPlainText(b, i, n, p);
            if (stop != expected) {
                assertThat(stop).as("stop from %d in %s", i, new String(b, 0, n, StandardCharsets.ISO_8859_1))
                        .isEqualTo(expected);
            }
            if (expected >= n) {
                return;
            }
            i = expected + 1;
            p = b[expected] & 0xff;
        }
    }

    @Test
    void theSampleLinesStopWhereTheLoopStops() throws IOException {
        List<byte[]> lines = new ArrayList<>();
        for (String line : Corpus.consoleAndSampleLines()) {
            lines.add(line.getBytes(StandardCharsets.UTF_8));
        }
        for (Path har : Corpus.hars()) {
            for (String line : Files.readAllLines(har, StandardCharsets.ISO_8859_1)) {
                lines.add(line.getBytes(StandardCharsets.ISO_8859_1));
            }
        }
        assertThat(lines).hasSizeGreaterThan(10_000);
        int stops = 0;
        for (byte[] line : lines) {
            assertSameStops(line, 0, line.length, 0);
            stops += reference(line, 0, line.length, 0) < line.length ? 1 : 0;
        }
        assertThat(stops).isGreaterThan(5_000);
    }

    @Test
    void randomBytesStopWhereTheLoopStops() {
        Random random = new Random(17);
        // the bytes that matter most often, and any byte at all
        String common = "skeyBbAgxhHwW-[R:= %aZ09_.'\"tTsSIoKEi";
        for (int t = 0; t < 50_000; t++) {
            int n = random.nextInt(40);
            byte[] b = new byte[n + random.nextInt(3)]; // bytes past n are never read as the text's
            for (int k = 0; k < b.length; k++) {
                b[k] = random.nextInt(4) == 0 ? (byte) random.nextInt(256)
                        : (byte) common.charAt(random.nextInt(common.length()));
            }
            int from = n == 0 ? 0 : random.nextInt(n + 1);
            int prev = random.nextBoolean() ? 0 : random.nextInt(4) == 0 ? random.nextInt(256)
                    : common.charAt(random.nextInt(common.length()));
            assertSameStops(b, from, n, prev);
        }
    }
}
