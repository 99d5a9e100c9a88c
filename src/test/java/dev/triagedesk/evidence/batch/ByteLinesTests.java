package dev.triagedesk.evidence.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link ByteLines} (line breaks found eight bytes at a time) against the reference, a split at every '\n' byte by
 * byte: the same lines, endings, too-long lines and numbers, on the Batch samples and on random bytes with short
 * and long lines, '\r\n' and '\r' alone, a last line without a break, read in pieces of any size.
 */
class ByteLinesTests {

    /** One line as the reference sees it. */
    private record Line(String bytes, boolean tooLong, long tooLongBytes, boolean endedWithBreak) {
    }

    private static List<Line> reference(byte[] in, int maxLineBytes) {
        List<Line> lines = new ArrayList<>();
        int start = 0;
        while (start < in.length) {
            int i = start;
            while (i < in.length && in[i] != '\n') {
                i++;
            }
            boolean ended = i < in.length;
            int n = i - start;
            if (n > maxLineBytes) {
                lines.add(new Line("[]", true, n, ended));
            } else {
                int to = n > 0 && in[i - 1] == '\r' ? i - 1 : i;
                lines.add(new Line(Arrays.toString(Arrays.copyOfRange(in, start, to)), false, 0, ended));
            }
            start = i + 1;
        }
        return lines;
    }

    private static List<Line> read(InputStream in, int maxLineBytes) throws IOException {
        List<Line> lines = new ArrayList<>();
        ByteLines reader = new ByteLines(in, maxLineBytes);
        while (reader.next()) {
            assertThat(reader.number()).isEqualTo(lines.size() + 1);
            lines.add(new Line(Arrays.toString(Arrays.copyOf(reader.bytes(), reader.length())), reader.tooLong(),
                    reader.tooLongBytes(), reader.endedWithBreak()));
        }
        return lines;
    }

    /** Hands out its bytes in pieces of random sizes, as a file or socket may. */
    private static InputStream inPieces(byte[] b, Random random) {
        return new ByteArrayInputStream(b) {
            @Override
            public synchronized int read(byte[] into, int off, int len) {
                return super.read(into, off, Math.min(len, 1 + random.nextInt(random.nextBoolean() ? 9 : 100_000)));
            }
        };
    }

    @Test
    void theBatchSamplesSplitAsTheReferenceSplitsThem() throws Exception {
        for (String name : List.of("guide-output.jsonl", "guide-expired-errors.jsonl", "error-file-400.jsonl",
                "reference-batch-completed.json")) {
            byte[] file = Files.readAllBytes(sample(name));
            assertThat(read(new ByteArrayInputStream(file), 1 << 20)).isEqualTo(reference(file, 1 << 20));
            assertThat(read(inPieces(file, new Random(1)), 40)).isEqualTo(reference(file, 40));
        }
    }

    @Test
    void randomBytesSplitAsTheReferenceSplitsThem() throws Exception {
        Random random = new Random(5);
        byte[] alphabet = {'a', 'b', '"', '{', ' ', '\r', '\n', '\n', (byte) 0x8a, (byte) 0xc3, 0, (byte) 0xff, 9};
        int lines = 0;
        for (int round = 0; round < 3_000; round++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int pieces = random.nextInt(30);
            for (int k = 0; k < pieces; k++) {
                int run = random.nextInt(4) == 0 ? random.nextInt(300) : random.nextInt(12);
                for (int r = 0; r < run; r++) {
                    out.write(random.nextInt(3) == 0 ? alphabet[random.nextInt(alphabet.length)] : 'x');
                }
                if (random.nextInt(5) > 0) {
                    out.write(random.nextBoolean() ? '\n' : '\r');
                }
            }
            byte[] b = out.toByteArray();
            int max = random.nextBoolean() ? 1 << 20 : 1 + random.nextInt(64);
            List<Line> expected = reference(b, max);
            assertThat(read(inPieces(b, random), max)).as(Arrays.toString(b)).isEqualTo(expected);
            lines += expected.size();
        }
        assertThat(lines).isGreaterThan(10_000);
    }

    private static Path sample(String name) throws URISyntaxException {
        return Path.of(ByteLinesTests.class.getResource("/batch/" + name).toURI());
    }
}
