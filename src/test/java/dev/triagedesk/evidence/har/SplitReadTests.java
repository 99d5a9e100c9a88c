package dev.triagedesk.evidence.har;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triagedesk.evidence.Corpus;
import dev.triagedesk.evidence.Engines;
import dev.triagedesk.evidence.EvidenceEngine;
import dev.triagedesk.evidence.EvidenceException;
import dev.triagedesk.evidence.HarAnalysis;
import dev.triagedesk.evidence.HarBuilder;
import dev.triagedesk.evidence.Secrets;
import dev.triagedesk.evidence.input.EvidenceDocument;
import dev.triagedesk.support.RequiredTool;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A HAR read by two threads, each taking half of the entries, gives exactly what one thread gives: the same
 * sanitized bytes, the same findings with the same entry indexes, the same summary. Small files are split here on
 * purpose ({@code splitAbove(1)}); the engine splits only large ones.
 */
class SplitReadTests {

    private static final EvidenceEngine WHOLE = Engines.engine().splitAbove(-1);
    private static final EvidenceEngine SPLIT = Engines.engine().splitAbove(1);

    @TempDir
    Path dir;

    static Stream<Path> corpusHars() {
        return Corpus.hars().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpusHars")
    void everyCorpusHarReadsTheSameInTwoHalves(Path har) {
        Read whole = read(WHOLE, har);
        Read split = read(SPLIT, har);
        assertThat(split.error()).isEqualTo(whole.error());
        assertThat(split.analysis()).isEqualTo(whole.analysis());
        assertThat(split.sanitized()).isEqualTo(whole.sanitized());
    }

    @Test
    void mostCorpusHarsAreReallySplit() {
        int split = 0;
        List<String> whole = new ArrayList<>();
        for (Path har : Corpus.hars()) {
            long before = HarProcessor.JOINED_SPLITS.get();
            read(SPLIT, har);
            if (HarProcessor.JOINED_SPLITS.get() > before) {
                split++;
            } else {
                whole.add(har.getFileName().toString());
            }
        }
        System.out.printf("split reads joined for %d corpus HARs; read whole: %s%n", split, whole);
        assertThat(split).isGreaterThanOrEqualTo(Corpus.hars().size() * 2 / 3);
    }

    @Test
    void aGeneratedCaptureIsReallySplitAndReadsTheSame() throws Exception {
        Path har = generated(dir, 4, 21);
        long before = HarProcessor.JOINED_SPLITS.get();
        Read split = read(SPLIT, har);
        assertThat(HarProcessor.JOINED_SPLITS.get() - before).as("splits joined (analysis and sanitizing)").isEqualTo(2);
        Read whole = read(WHOLE, har);
        assertThat(split.analysis()).isEqualTo(whole.analysis());
        assertThat(split.sanitized()).isEqualTo(whole.sanitized());
        assertThat(Engines.entries(split.sanitized()))
                .hasSize(Engines.tree(Files.readString(dir.resolve("oracle.json"))).path("entryCount").asInt());
    }

    @Test
    void aCookieOfTheFirstHalfEchoedInTheSecondIsStillRemoved() {
        String cookie = Secrets.sessionToken(41);
        String url = Secrets.sessionToken(42);
        HarBuilder har = new HarBuilder();
        for (int i = 0; i < 40; i++) {
            HarBuilder.Entry e = har.entry("GET", "https://chatgpt.com/backend-api/models?i=" + i, 200);
            if (i == 3) {
                e.requestHeader("Cookie", "__Secure-next-auth.session-token=" + cookie);
            }
            if (i == 36) {
                e.requestHeader("Referer", "https://tracker.example/p?c=" + cookie);
            }
            if (i == 5) {
                e.requestHeader("Referer", "https://tracker.example/q?u=" + url); // echoed before it is learned
            }
            if (i == 30) {
                e.requestHeader("Cookie", "uid=" + url);
            }
            e.add();
        }
        Path file = Engines.write(dir, "echo.har", har.json());
        long before = HarProcessor.JOINED_SPLITS.get();
        Read split = read(SPLIT, file);
        assertThat(HarProcessor.JOINED_SPLITS.get()).isGreaterThan(before);
        assertThat(split.sanitized()).doesNotContain(cookie).doesNotContain(url);
        assertThat(split.sanitized()).isEqualTo(read(WHOLE, file).sanitized());
    }

    @Test
    void aJsonpWrappedOrBomPrefixedCaptureSplitsAtTheSameBytes() throws Exception {
        HarBuilder har = new HarBuilder();
        for (int i = 0; i < 30; i++) {
            har.entry("GET", "https://chatgpt.com/backend-api/x?i=" + i, i % 5 == 0 ? 502 : 200)
                    .requestHeader("Cookie", "sid=" + Secrets.sessionToken(100 + i)).add();
        }
        for (String[] wrap : new String[][] {{"onInputData(", ");"}, {"\uFEFF", ""}}) {
            Path file = dir.resolve("wrapped.har");
            Files.write(file, (wrap[0] + har.json() + wrap[1]).getBytes(StandardCharsets.UTF_8));
            long before = HarProcessor.JOINED_SPLITS.get();
            Read split = read(SPLIT, file);
            assertThat(HarProcessor.JOINED_SPLITS.get()).as("split %s", wrap[0]).isGreaterThan(before);
            assertThat(split).isEqualTo(read(WHOLE, file));
            assertThat(split.error()).isNull();
        }
    }

    @Test
    void brokenJsonAfterTheEntriesIsReportedWhereItIs() throws Exception {
        HarBuilder har = new HarBuilder();
        for (int i = 0; i < 30; i++) {
            har.entry("GET", "https://example.com/" + i, i % 7 == 0 ? 500 : 200).add();
        }
        String text = har.json();
        int end = text.lastIndexOf('}');
        Path file = Engines.write(dir, "tail.har", text.substring(0, end) + ", \"comment\": tru }");
        Read whole = read(WHOLE, file);
        assertThat(whole.error()).contains("broken JSON at line");
        assertThat(read(SPLIT, file).error()).isEqualTo(whole.error());
    }

    @Test
    void aGuessInsideAnotherArrayIsDroppedAndTheFileReadWhole() throws Exception {
        // pages after the entries, each looking like an entry to the byte scan: the guess lands among them
        HarBuilder har = new HarBuilder();
        for (int i = 0; i < 6; i++) {
            har.entry("GET", "https://example.com/" + i, 404).add();
        }
        String text = har.json();
        StringBuilder pages = new StringBuilder(",\"pages\":[");
        for (int i = 0; i < 400; i++) {
            pages.append(i == 0 ? "" : ",").append("{\"startedDateTime\":\"2026-01-01T00:00:00.000Z\",\"id\":\"p")
                    .append(i).append("\",\"title\":\"page ").append(i).append("\",\"pageTimings\":{}}");
        }
        int logEnd = text.lastIndexOf('}', text.lastIndexOf('}') - 1);
        Path file = Engines.write(dir, "pages-after.har", text.substring(0, logEnd) + pages + "]" + text.substring(logEnd));
        long before = HarProcessor.JOINED_SPLITS.get();
        Read split = read(SPLIT, file);
        assertThat(HarProcessor.JOINED_SPLITS.get()).isEqualTo(before);
        assertThat(split).isEqualTo(read(WHOLE, file));
        assertThat(split.analysis()).contains("\"pageCount\":400");
    }

    /** The analysis as JSON, the sanitized copy, or the error a strict read gives. */
    record Read(String analysis, String sanitized, String error) {
    }

    static Read read(EvidenceEngine engine, Path file) {
        EvidenceDocument doc;
        try {
            doc = Engines.single(file);
        } catch (EvidenceException e) {
            return new Read(null, null, e.getMessage());
        }
        try {
            HarAnalysis a = engine.analyzeHar(doc, HarReadMode.STRICT, 1_000_000);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            List<String> findings = new ArrayList<>();
            HarReadResult r = engine.sanitizeHar(doc, () -> {
                out.reset();
                return out;
            }, new Listing(findings), HarReadMode.STRICT);
            String summary = Engines.JSON.writeValueAsString(r.summary());
            return new Read(Engines.JSON.writeValueAsString(a) + "\n" + summary + "\n" + findings,
                    out.toString(StandardCharsets.UTF_8), null);
        } catch (EvidenceException e) {
            return new Read(null, null, e.getMessage());
        }
    }

    static Path generated(Path dir, int megabytes, int seed) throws Exception {
        RequiredTool.require(RequiredTool.commandWorks("python3", "--version"), "python3 is needed to run makehar.py");
        Path tool = Corpus.dir().resolveSibling("tools").resolve("makehar.py");
        Path har = dir.resolve("generated.har");
        Process p = new ProcessBuilder("python3", tool.toString(), "--size-mb", String.valueOf(megabytes), "--seed",
                String.valueOf(seed), "--asset-kb", "16", "--out", har.toString(), "--oracle",
                dir.resolve("oracle.json").toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        return har;
    }

    /** Findings in the order they arrive, as text. */
    private record Listing(List<String> seen) implements HarFindings {
        @Override
        public void failure(dev.triagedesk.evidence.Failure failure) {
            seen.add(failure.toString());
        }

        @Override
        public void streamError(dev.triagedesk.evidence.StreamError error) {
            seen.add(error.toString());
        }

        @Override
        public void signal(dev.triagedesk.evidence.Signal signal) {
            seen.add(signal.toString());
        }

        @Override
        public void restart() {
            seen.clear();
        }
    }
}
