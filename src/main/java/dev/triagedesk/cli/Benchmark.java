package dev.triagedesk.cli;

import dev.triagedesk.evidence.EvidenceEngine;
import dev.triagedesk.evidence.Failure;
import dev.triagedesk.evidence.Signal;
import dev.triagedesk.evidence.StreamError;
import dev.triagedesk.evidence.har.HarFindings;
import dev.triagedesk.evidence.har.HarReadMode;
import dev.triagedesk.evidence.input.EvidenceDocument;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code benchmark FILE}: throughput of analyze and sanitize on one HAR, against a floor that is a bare Jackson
 * token scan of the same file (the least any streaming JSON reader must do). Each is run a few times to warm up, then
 * {@code rounds} times, interleaved; the best run counts, as is usual for throughput (the others only add noise
 * from the machine). Sanitize output goes to a null stream so only the engine is measured. A reference line shows
 * what copying the file token by token with Jackson costs on one thread, with no analysis or redaction at all: the
 * least a copy that re-writes the JSON pays, to read the sanitize target against.
 */
final class Benchmark {

    private static final double ANALYZE_TARGET = 0.85;
    private static final double SANITIZE_TARGET = 0.50;
    /**
     * Rounds run before any is timed. Both cores are busy while a large HAR is read in two halves, which leaves the
     * JIT compiler little time: the engine's large methods reach their compiled form only after a few passes.
     */
    private static final int WARM_UP_ROUNDS = 3;

    private final EvidenceEngine engine;
    private final PrintStream out;

    Benchmark(EvidenceEngine engine, PrintStream out) {
        this.engine = engine;
        this.out = out;
    }

    int run(Path file, int rounds) {
        long bytes = Throughput.size(file);
        EvidenceDocument doc = engine.open(file, file.toString()).documents().get(0);
        double mb = bytes / 1e6;
        out.printf(Locale.ROOT, "file: %s (%.1f MB), %d rounds after %d warm-up rounds, best round counts, max heap %d MB%n",
                file, mb, rounds, WARM_UP_ROUNDS, Runtime.getRuntime().maxMemory() >> 20);
        Runnable[] tasks = {
            () -> Throughput.tokenScan(doc),
            () -> engine.analyzeHar(doc, new Counting(), HarReadMode.STRICT),
            () -> engine.sanitizeHar(doc, OutputStream::nullOutputStream, HarFindings.NONE, HarReadMode.STRICT),
            () -> Throughput.tokenCopy(doc)};
        double[] best = Throughput.interleaved(WARM_UP_ROUNDS, rounds, tasks);
        double floor = best[0];
        double analyze = best[1];
        double sanitize = best[2];
        Throughput.floor(out, "floor (Jackson token scan)", floor, mb);
        boolean analyzeOk = Throughput.report(out, "analyze", analyze, floor, mb, ANALYZE_TARGET);
        boolean sanitizeOk = Throughput.report(out, "sanitize", sanitize, floor, mb, SANITIZE_TARGET);
        Throughput.reference(out, "(copy, no redaction)", best[3], floor, mb);
        return analyzeOk && sanitizeOk ? CommandLine.OK : CommandLine.FAILED;
    }

    /** Keeps the findings from being optimised away without holding them. */
    private static final class Counting implements HarFindings {
        long count;

        @Override
        public void failure(Failure f) {
            count++;
        }

        @Override
        public void streamError(StreamError e) {
            count++;
        }

        @Override
        public void signal(Signal s) {
            count++;
        }
    }
}
