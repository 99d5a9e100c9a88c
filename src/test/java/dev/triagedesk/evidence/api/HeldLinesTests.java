package dev.triagedesk.evidence.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.triagedesk.evidence.Engines;
import dev.triagedesk.evidence.EvidenceEngine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The second half's copy held as places in the input for the lines that went out as they were read
 * ({@link HeldLines}): read back, it is the copy written as bytes, whatever mix of changed and unchanged lines, line
 * endings and characters it holds, also once its table of stretches is full; a split sanitize gives what one thread
 * gives; and an input that changed before the copy was read back is refused.
 */
class HeldLinesTests {

    private static final EvidenceEngine ONE_THREAD = Engines.engine().splitAbove(-1);
    private static final EvidenceEngine TWO_THREADS = Engines.engine().splitAbove(0);

    @TempDir
    Path dir;

    @Test
    void whatIsReadBackIsWhatWasWrittenWhicheverWayEachPartWasHeld() throws IOException {
        Random random = new Random(3);
        for (int round = 0; round < 200; round++) {
            byte[] input = new byte[1 + random.nextInt(4000)];
            random.nextBytes(input);
            Path file = Files.write(dir.resolve("in" + round), input);
            int base = random.nextInt(input.length);
            HeldLines held = new HeldLines(file, base, 1 + random.nextInt(12));
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            int at = 0;
            while (base + at < input.length) {
                int len = Math.min(input.length - base - at, random.nextInt(90));
                if (random.nextInt(3) == 0) {
                    byte[] changed = new byte[random.nextInt(50)];
                    random.nextBytes(changed);
                    held.write(changed, 0, changed.length);
                    expected.write(changed, 0, changed.length);
                } else {
                    // as read (or, once in a while, said to be but brought with another length: held as bytes)
                    boolean mismatched = random.nextInt(10) == 0;
                    held.nextIsInput(at, mismatched ? len + 1 : len);
                    held.write(input, base + at, len);
                    expected.write(input, base + at, len);
                }
                at += len + random.nextInt(3); // lines skipped: not every place follows the last
            }
            assertThat(held.length()).isEqualTo(expected.size());
            try (InputStream in = held.read()) {
                assertThat(in.readAllBytes()).as("round " + round).isEqualTo(expected.toByteArray());
            } finally {
                held.discard();
            }
        }
    }

    @Test
    void anInputChangedBeforeItIsReadBackIsRefused() throws IOException {
        byte[] input = "first line\nsecond line\n".getBytes(StandardCharsets.US_ASCII);
        Path file = Files.write(dir.resolve("changing.log"), input);
        HeldLines held = new HeldLines(file, 0);
        held.nextIsInput(0, input.length);
        held.write(input, 0, input.length);
        Files.write(file, "first line\nsecret line\n".getBytes(StandardCharsets.US_ASCII));
        try (InputStream in = held.read()) {
            assertThatThrownBy(in::readAllBytes).isInstanceOf(IOException.class).hasMessageContaining("changed");
        } finally {
            held.discard();
        }
    }

    @Test
    void splitSanitizeOfLogsWithChangedLinesInTheSecondHalfIsOneThreads() {
        Random random = new Random(29);
        String[] clean = {"[2025-03-01 09:00:01 - openai._base_client:979 - DEBUG] Sending HTTP Request: POST https://api.openai.com/v1/chat/completions",
            "[2025-03-01 09:00:02 - httpx:1025 - INFO] HTTP Request: POST https://api.openai.com/v1/chat/completions \"HTTP/1.1 200 OK\"",
            "[2025-03-01 09:00:03 - openai._base_client:1026 - DEBUG] request_id: req_0123456789abcdef", "INFO app: caf\u00e9 \uD83D\uDE00 done",
            "    File \"/srv/app/main.py\", line 40, in <module>", ""};
        for (int log = 0; log < 12; log++) {
            StringBuilder text = new StringBuilder();
            int lines = 400 + random.nextInt(400);
            for (int i = 0; i < lines; i++) {
                // secrets only after the middle: the first half learns none, so the second half's held copy is used
                if (i > lines * 2 / 3 && random.nextInt(4) == 0) {
                    text.append("[2025-03-01 09:00:04 - openai._base_client:446 - DEBUG] Request options: {'headers': "
                            + "{'Authorization': 'Bearer sk-proj-").append(token(random)).append("'}}");
                } else {
                    text.append(clean[random.nextInt(clean.length)]);
                }
                text.append(random.nextInt(8) == 0 ? "\r\n" : "\n");
            }
            Path file = Engines.write(dir, "log" + log + ".log", text.toString());
            ByteArrayOutputStream one = new ByteArrayOutputStream();
            ByteArrayOutputStream two = new ByteArrayOutputStream();
            var oneReport = ONE_THREAD.sanitizeApiLog(Engines.single(file), one);
            var twoReport = TWO_THREADS.sanitizeApiLog(Engines.single(file), two);
            assertThat(two.toString(StandardCharsets.UTF_8)).isEqualTo(one.toString(StandardCharsets.UTF_8));
            assertThat(twoReport).isEqualTo(oneReport);
            assertThat(oneReport.total()).isPositive();
        }
    }

    private static String token(Random random) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            b.append("abcdefghijkLMNOPQRST0123456789".charAt(random.nextInt(30)));
        }
        return b.toString();
    }
}
