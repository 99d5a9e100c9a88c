package dev.triagedesk.evidence.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triagedesk.cli.BatchFileGenerator;
import dev.triagedesk.evidence.Engines;
import dev.triagedesk.evidence.EvidenceEngine;
import dev.triagedesk.evidence.Secrets;
import dev.triagedesk.evidence.input.EvidenceDocument;
import dev.triagedesk.evidence.redact.RedactionReport;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Batch files read by two threads, one half each ({@code splitAbove(1)} splits every file, the engine only large ones
 * in a warm JVM): the analysis and the sanitized copy are those of a read by one thread, and a secret one half learns
 * goes from the other half too.
 */
class BatchSplitTests {

    private static final EvidenceEngine WHOLE = Engines.engine().splitAbove(-1);
    private static final EvidenceEngine SPLIT = Engines.engine().splitAbove(1);

    @TempDir
    Path dir;

    private static String json(BatchAnalysis a) {
        return Engines.JSON.writeValueAsString(a);
    }

    private static BatchAnalysis analyzedSplit(Path file) {
        long before = BatchSplit.JOINED.get();
        BatchAnalysis a = SPLIT.analyzeBatch(Engines.single(file));
        assertThat(BatchSplit.JOINED.get()).as("the file was read by two threads").isGreaterThan(before);
        return a;
    }

    private static String sanitized(EvidenceEngine engine, Path file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        engine.sanitizeBatch(Engines.single(file), () -> {
            out.reset(); // a second pass writes the copy again from the start
            return out;
        });
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String sanitizedSplit(Path file) {
        long before = BatchSplit.JOINED.get();
        String out = sanitized(SPLIT, file);
        assertThat(BatchSplit.JOINED.get()).as("the file was sanitized by two threads").isGreaterThan(before);
        return out;
    }

    @Test
    void aGeneratedFileGivesTheSameAnalysisAndCopyReadByTwoThreads() {
        Path file = dir.resolve("gen.jsonl");
        BatchFileGenerator.write(file, 1_500_000, 23);

        assertThat(json(analyzedSplit(file))).isEqualTo(json(WHOLE.analyzeBatch(Engines.single(file))));
        assertThat(sanitizedSplit(file)).isEqualTo(sanitized(WHOLE, file));
    }

    @Test
    void smallCapsAndFewFailuresJoinInFileOrder() {
        Path file = dir.resolve("gen.jsonl");
        BatchFileGenerator.write(file, 400_000, 3);
        for (int cap : new int[] {1, 3, 50, 100_000}) {
            BatchAnalysis whole = WHOLE.analyzeBatch(Engines.single(file), cap);
            BatchAnalysis split = SPLIT.analyzeBatch(Engines.single(file), cap);
            assertThat(json(split)).as("cap %d", cap).isEqualTo(json(whole));
        }
        // a failure only in the second half, one only in the first, none at all
        String ok = "{\"custom_id\": \"ok-%d\", \"response\": {\"status_code\": 200, \"body\": {}}, \"error\": null}";
        String expired = "{\"custom_id\": \"late-%d\", \"response\": null, \"error\": {\"code\": \"batch_expired\","
                + " \"message\": \"expired\"}}";
        for (int failingLine : new int[] {2, 9, -1}) {
            List<String> lines = new ArrayList<>();
            for (int i = 1; i <= 10; i++) {
                lines.add((i == failingLine ? expired : ok).formatted(i));
            }
            Path small = Engines.write(dir, "small" + failingLine + ".jsonl", String.join("\n", lines) + "\n");
            assertThat(json(analyzedSplit(small))).isEqualTo(json(WHOLE.analyzeBatch(Engines.single(small))));
        }
    }

    @Test
    void aBrokenOrCutLineInEitherHalfReadsAsOneThreadReadsIt() throws Exception {
        Path file = dir.resolve("gen.jsonl");
        BatchFileGenerator.write(file, 300_000, 5);
        List<String> lines = Files.readAllLines(file);
        for (int at : new int[] {10, lines.size() - 10}) {
            List<String> broken = new ArrayList<>(lines);
            broken.add(at, "{\"custom_id\": \"cut");
            Path b = Engines.write(dir, "broken" + at + ".jsonl", String.join("\n", broken) + "\n");
            assertThat(json(SPLIT.analyzeBatch(Engines.single(b)))).isEqualTo(json(WHOLE.analyzeBatch(Engines.single(b))));
            assertThat(sanitized(SPLIT, b)).isEqualTo(sanitized(WHOLE, b));
        }
        // the fast pass gives up at a cut last line: the file is then read by one thread, as before
        Path cut = Engines.write(dir, "cut.jsonl", String.join("\n", lines) + "\n{\"id\": \"batch_req_9\", \"cus");
        BatchAnalysis a = SPLIT.analyzeBatch(Engines.single(cut));
        assertThat(a.truncated()).isTrue();
        assertThat(json(a)).isEqualTo(json(WHOLE.analyzeBatch(Engines.single(cut))));
    }

    /** Lines of a file whose middle line break falls between {@code first} and {@code second}. */
    private Path halves(String name, List<String> first, List<String> second) {
        String a = String.join("\n", first) + "\n";
        String b = String.join("\n", second) + "\n";
        // padding on the first half's last line puts the middle inside it, so the split falls right after it
        int pad = Math.max(0, b.length() - a.length()) + 8;
        String padded = a.substring(0, a.length() - 1) + " ".repeat(pad) + "\n";
        return Engines.write(dir, name, padded + b);
    }

    private static String line(int n, String customId, String message) {
        return "{\"id\": \"batch_req_" + n + "\", \"custom_id\": \"" + customId + "\", \"response\": {\"status_code\":"
                + " 401, \"request_id\": \"req_" + n + "\", \"body\": {\"error\": {\"message\": \"" + message + "\","
                + " \"type\": \"invalid_request_error\", \"code\": \"invalid_api_key\"}}}, \"error\": null}";
    }

    @Test
    void aSecretLearnedInTheSecondHalfGoesFromTheFirstAndTheOtherWayRound() throws Exception {
        String early = "Zq8vLm3nRt5wXy7pKd2f";
        String late = "Hb4cNj6sWq9eTz1uVg3k";
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        // the first half echoes a value the second half shows as a secret, and learns one the second half echoes
        first.add(line(1, "echo " + late, "nothing secret here"));
        first.add(line(2, "c2", "Incorrect API key provided: api_key=" + early));
        for (int i = 3; i < 40; i++) {
            first.add(line(i, "c" + i, "plain message " + i));
        }
        second.add(line(40, "echo " + early, "nothing secret here"));
        second.add(line(41, "c41", "Incorrect API key provided: api_key=" + late));
        for (int i = 42; i < 80; i++) {
            second.add(line(i, "c" + i, "plain message " + i));
        }
        Path file = halves("echoes.jsonl", first, second);

        String split = sanitizedSplit(file);
        String whole = sanitized(WHOLE, file);

        assertThat(split).doesNotContain(early).doesNotContain(late).contains("echo [REDACTED:");
        assertThat(split).isEqualTo(whole);
        assertThat(split.lines().count()).isEqualTo(Files.readAllLines(file).size());
        // the halves really were split between the two groups
        long at = BatchSplit.point(file, 0, 1);
        String content = Files.readString(file);
        assertThat(content.substring(0, (int) at)).contains("echo " + late).doesNotContain("echo " + early);
    }

    @Test
    void aSecretEchoedBeforeItsLineInOneThreadIsRedactedToo() {
        String value = "Pw7rTy2uIo9pAs4dFg6h";
        Path file = Engines.write(dir, "order.jsonl", line(1, "see " + value, "nothing")
                + "\n" + line(2, "c2", "Incorrect API key provided: token=" + value) + "\n");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RedactionReport report = WHOLE.sanitizeBatch(Engines.single(file), out);

        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain(value);
        assertThat(report.notes()).anyMatch(n -> n.contains("redacted twice"));
    }

    @Test
    void theStreamFormKeepsTheTargetForm() {
        Path file = dir.resolve("gen.jsonl");
        BatchFileGenerator.write(file, 200_000, 8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SPLIT.sanitizeBatch(Engines.single(file), out);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(sanitized(WHOLE, file));
        String key = Secrets.openAiKey(3);
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain(key);
    }

    @Test
    void manyCodesAndRepeatedRequestIdsStillGiveTheOneThreadResult() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 700; i++) {
            // 350 distinct codes past the table's 100, request IDs repeated in a few values, blank ones
            String requestId = i % 7 == 0 ? "" : "req_" + (i % 5);
            lines.add("{\"custom_id\": \"c" + i + "\", \"response\": {\"status_code\": 400, \"request_id\": \""
                    + requestId + "\", \"body\": {\"error\": {\"code\": \"code_" + (i % 350) + "\", \"message\":"
                    + " \"bad " + i + "\"}}}, \"error\": null}");
        }
        Path file = Engines.write(dir, "codes.jsonl", String.join("\n", lines) + "\n");
        for (int cap : new int[] {2, 200, 1_000}) {
            assertThat(json(SPLIT.analyzeBatch(Engines.single(file), cap))).as("cap %d", cap)
                    .isEqualTo(json(WHOLE.analyzeBatch(Engines.single(file), cap)));
        }
        assertThat(WHOLE.analyzeBatch(Engines.single(file)).byErrorCode()).containsKey("(other codes)");
    }

    @Test
    void theSplitFallsJustAfterALineBreak() throws Exception {
        Path file = Engines.write(dir, "p.jsonl", "a\nbb\nccc\ndddd\n");
        long at = BatchSplit.point(file, 0, 1);
        assertThat(Files.readString(file).charAt((int) at - 1)).isEqualTo('\n');
        assertThat(BatchSplit.point(file, 0, 1_000)).isEqualTo(-1);
        assertThat(BatchSplit.point(file, 0, -1)).isEqualTo(-1);
        assertThat(BatchSplit.point(Engines.write(dir, "one.jsonl", "{\"custom_id\": \"x\"}\n"), 0, 1)).isEqualTo(-1);
    }
}
