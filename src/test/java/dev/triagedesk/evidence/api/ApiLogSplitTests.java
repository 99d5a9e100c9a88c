package dev.triagedesk.evidence.api;

import static dev.triagedesk.evidence.api.ApiTestSupport.read;
import static dev.triagedesk.evidence.api.ApiTestSupport.sample;
import static org.assertj.core.api.Assertions.assertThat;

import dev.triagedesk.evidence.Engines;
import dev.triagedesk.evidence.EvidenceEngine;
import dev.triagedesk.evidence.LeftoverSecretsException;
import dev.triagedesk.evidence.input.EvidenceDocument;
import dev.triagedesk.evidence.input.EvidenceFormat;
import dev.triagedesk.evidence.redact.RedactionReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An SDK log read by two threads (sanitized: cut at a line start near the middle; analyzed: its lines read ahead by
 * a second thread) gives what one thread gives: the same copy, byte for byte, the same report and the same analysis,
 * on every sample and on generated logs whose secrets are learned in one half and recur in the other.
 */
class ApiLogSplitTests {

    private static final EvidenceEngine ONE_THREAD = Engines.engine().splitAbove(-1);
    private static final EvidenceEngine TWO_THREADS = Engines.engine().splitAbove(0);

    @TempDir
    Path dir;

    @Test
    void everySampleIsSanitizedAlikeByTwoThreads() throws IOException {
        List<Path> samples;
        try (Stream<Path> files = Stream.concat(Files.list(sample("fixtures/node-v5.log").getParent()),
                Files.list(sample("real/langbot-httpx-retries.log").getParent()))) {
            samples = files.sorted().toList();
        }
        assertThat(samples).hasSizeGreaterThan(10);
        int split = 0;
        for (Path file : samples) {
            // twice over, so each half holds a whole log
            String text = read(file);
            Path doubled = Engines.write(dir, file.getFileName() + ".log", text + (text.endsWith("\n") ? "" : "\n") + text);
            if (single(doubled).format() != EvidenceFormat.API_LOG) {
                continue;
            }
            split += cutsInTwo(doubled) ? 1 : 0;
            assertSameBothWays(doubled);
            assertSameAnalysisBothWays(doubled);
        }
        assertThat(split).as("samples read by two threads").isGreaterThan(10);
    }

    @Test
    void aSecretLearnedInTheFirstHalfIsRedactedWhereItRecursInTheSecond() {
        String secret = "plainvalue1234567890abc";
        String first = "DEBUG:openai._base_client:Request options: {'method': 'post', 'api_key': '" + secret + "'}\n";
        String echo = "INFO app.worker: retried with " + secret + " after a 429\n";
        Path file = Engines.write(dir, "first.log", sdkLines(0, 200) + first + sdkLines(200, 400) + echo + sdkLines(400, 500));

        Copy two = assertSameBothWays(file);

        assertThat(two.text()).doesNotContain(secret);
        assertThat(two.report().total()).isEqualTo(2);
    }

    @Test
    void aSecretLearnedInTheSecondHalfIsRedactedThereAsOneThreadDoes() {
        String secret = "anotherplainvalue0987zyx";
        String echo = "INFO app.worker: started with " + secret + "\n";
        String learned = "client = OpenAI(api_key=\"" + secret + "\")\n";
        Path file = Engines.write(dir, "second.log", sdkLines(0, 100) + echo + sdkLines(100, 400) + learned + sdkLines(400, 500));

        Copy two = assertSameBothWays(file);

        assertThat(two.text()).contains("api_key=\"[REDACTED:");
    }

    @Test
    void aGeneratedLogWithSecretsEverywhereIsSanitizedAlike() {
        Random random = new Random(7);
        StringBuilder log = new StringBuilder("\uFEFF");
        List<String> learned = new java.util.ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            log.append(sdkLines(i, i + 1));
            switch (random.nextInt(12)) {
                case 0 -> log.append("Headers({'authorization': 'Bearer sk-proj-").append(token(random, 40))
                        .append("', 'x-request-id': 'req_").append(token(random, 32)).append("'})\r\n");
                case 1 -> {
                    String v = token(random, 22);
                    learned.add(v);
                    log.append("INFO app.config: OpenAI(api_key=").append(v).append(")\n");
                }
                case 2 -> log.append(learned.isEmpty() ? "" : "INFO app: using " + learned.get(random.nextInt(learned.size())) + "\n");
                case 3 -> log.append("GET https://user:").append(token(random, 12))
                        .append("@proxy.example.com/v1/models?api_key=").append(token(random, 20)).append(" caf\u00e9 \uD83D\uDE00\n");
                default -> { }
            }
        }
        Path file = Engines.write(dir, "generated.log", log.toString());

        Copy two = assertSameBothWays(file);
        ApiLogAnalysis analysis = assertSameAnalysisBothWays(file);

        assertThat(two.report().total()).isGreaterThan(100);
        assertThat(analysis.calls()).isNotEmpty();
    }

    @Test
    void aLineLongerThanAPieceAcrossTheMiddleAndLinesEndedByCarriageReturnsAreKept() {
        String longLine = "INFO app: " + "word ".repeat(40_000) + "sk-proj-" + "Ab1".repeat(15) + "\r\n";
        Path across = Engines.write(dir, "long.log", sdkLines(0, 50) + longLine + sdkLines(50, 60) + "last line, no ending");
        Path returns = Engines.write(dir, "cr.log", sdkLines(0, 200).replace('\n', '\r') + "\n" + sdkLines(200, 220).replace('\n', '\r'));

        assertSameBothWays(across);
        assertSameBothWays(returns);
        assertSameAnalysisBothWays(across);
        assertSameAnalysisBothWays(returns);
    }

    /**
     * A shape the leftover scan finds across a line break (a URL's user-info cut by one, which the line-by-line
     * redaction cannot see) is counted as one scan over the whole copy counts it, wherever the cut and the second
     * thread's own scan begin.
     */
    @Test
    void leftoversAcrossLineBreaksAreFoundAsOneScanFindsThem() {
        for (int pad = 0; pad < 48; pad += 3) {
            StringBuilder log = new StringBuilder(sdkLines(0, 2)).append("x".repeat(pad)).append('\n');
            for (int i = 0; i < 120; i++) {
                log.append("INFO app: proxy https://user").append(i).append(":pa\nss").append(i).append("@proxy.example/x\n");
            }
            Path file = Engines.write(dir, "leftover" + pad + ".log", log.toString());

            String one = leftovers(ONE_THREAD, file);
            String two = leftovers(TWO_THREADS, file);

            assertThat(one).as("pad " + pad).contains(": 120 secret shape(s) remained");
            assertThat(two).as("pad " + pad).isEqualTo(one);
        }
    }

    @Test
    void theLeadSettlesOnlyWhereNoUserInfoOrPrivateKeyCanGoOn() throws IOException {
        String filler = "INFO app: " + "z".repeat(1100) + "\n";
        assertThat(settled(filler)).isTrue();
        assertThat(settled(filler.substring(0, 600) + "\n")).as("too short").isFalse();
        assertThat(settled(filler + "see https://user:pa\n")).isFalse();
        assertThat(settled(filler + "see https://user:pa@host\n")).isTrue();
        assertThat(settled(filler + "see https://api.openai.com/v1\n")).isTrue();
        assertThat(settled(filler + "https://" + "a".repeat(300) + "\n")).as("past the scan's reach").isTrue();
        assertThat(settled(filler + "-----BEGIN\n")).isFalse();
        assertThat(settled(filler + "no line end")).isFalse();
    }

    @Test
    void aFileIsCutRightAfterTheFirstLineBreakFromItsMiddleOrNotAtAll() throws IOException {
        Path lines = Engines.write(dir, "lines.txt", "aaaa\nbbbb\ncccc\n");
        Path oneLine = Engines.write(dir, "one.txt", "a".repeat(100) + "\n");
        Path returns = Engines.write(dir, "returns.txt", "aaaa\rbbbb\rcccc\r");

        assertThat(ApiLogSanitizer.splitPoint(lines, 0, Files.size(lines))).isEqualTo(10);
        assertThat(ApiLogSanitizer.splitPoint(lines, 2, Files.size(lines))).as("the middle of what follows byte 2").isEqualTo(10);
        assertThat(ApiLogSanitizer.splitPoint(lines, 5, Files.size(lines))).as("only the last break after it").isEqualTo(-1);
        assertThat(ApiLogSanitizer.splitPoint(oneLine, 0, Files.size(oneLine))).as("its break ends the file").isEqualTo(-1);
        assertThat(ApiLogSanitizer.splitPoint(returns, 0, Files.size(returns))).as("no \\n").isEqualTo(-1);
    }

    private static boolean settled(String text) throws IOException {
        SecondHalf.Lead lead = new SecondHalf.Lead();
        lead.write(text.getBytes(StandardCharsets.UTF_8));
        return lead.settled();
    }

    /** What the leftover scan refused: its count, and the places of the first findings. */
    private static String leftovers(EvidenceEngine engine, Path file) {
        try {
            engine.sanitizeApiLog(single(file), new ByteArrayOutputStream());
            return "none";
        } catch (LeftoverSecretsException e) {
            return e.getMessage() + " " + e.findings();
        }
    }

    /** Sanitizes the file with one thread and with two; asserts both give the same bytes and report. */
    private static Copy assertSameBothWays(Path file) {
        Copy one = sanitize(ONE_THREAD, file);
        Copy two = sanitize(TWO_THREADS, file);
        assertThat(two.text()).as(file.getFileName().toString()).isEqualTo(one.text());
        assertThat(two.report()).as(file.getFileName().toString()).isEqualTo(one.report());
        return two;
    }

    /** A log that cannot be read to its end fails alike with its lines read ahead, and leaves no thread behind. */
    @Test
    void aReadErrorAheadIsThrownOnTheAnalyzersThread() {
        String text = sdkLines(0, 5000);
        for (boolean ahead : new boolean[] {false, true}) {
            java.io.Reader failing = new java.io.FilterReader(new java.io.StringReader(text)) {
                private int read;

                @Override
                public int read(char[] b, int off, int len) throws IOException {
                    if (read > 300_000) {
                        throw new IOException("disk gone");
                    }
                    int n = super.read(b, off, len);
                    read += Math.max(n, 0);
                    return n;
                }
            };
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> new ApiLogAnalyzer(ApiTestSupport.redactor()).analyze(failing, ahead))
                    .as("read ahead: " + ahead).isInstanceOf(UncheckedIOException.class).hasMessageContaining("disk gone");
        }
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("triage-api-log-read-ahead"));
    }

    /** Analyzes the file with one thread and with a reading thread ahead of it; asserts the analyses are equal. */
    private static ApiLogAnalysis assertSameAnalysisBothWays(Path file) {
        ApiLogAnalysis one = ONE_THREAD.analyzeApiLog(single(file));
        ApiLogAnalysis two = TWO_THREADS.analyzeApiLog(single(file));
        assertThat(ApiTestSupport.json(two)).as(file.getFileName().toString()).isEqualTo(ApiTestSupport.json(one));
        return two;
    }

    private static boolean cutsInTwo(Path file) throws IOException {
        return ApiLogSanitizer.splitPoint(file, 0, Files.size(file)) > 0;
    }

    private record Copy(String text, RedactionReport report) {
    }

    private static Copy sanitize(EvidenceEngine engine, Path file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RedactionReport report = engine.sanitizeApiLog(single(file), out);
        return new Copy(out.toString(StandardCharsets.UTF_8), report);
    }

    private static EvidenceDocument single(Path file) {
        return Engines.single(file);
    }

    /** openai-python debug lines of calls {@code from} to {@code to}. */
    private static String sdkLines(int from, int to) {
        StringBuilder b = new StringBuilder();
        for (int i = from; i < to; i++) {
            b.append("[2025-03-01 09:00:01 - openai._base_client:979 - DEBUG] Sending HTTP Request: POST https://api.openai.com/v1/chat/completions\n");
            b.append("[2025-03-01 09:00:02 - openai._base_client:1018 - DEBUG] HTTP Response: POST https://api.openai.com/v1/chat/completions \"")
                    .append(i % 7 == 0 ? "429 Too Many Requests" : "200 OK").append("\" Headers({'x-request-id': 'req_")
                    .append(String.format("%032x", i)).append("'})\n");
        }
        return b.toString();
    }

    private static String token(Random random, int n) {
        String abc = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(abc.charAt(random.nextInt(abc.length())));
        }
        return b.toString();
    }
}
