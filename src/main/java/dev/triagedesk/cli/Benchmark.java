package dev.triagedesk.cli;

import dev.triagedesk.evidence.EvidenceEngine;
import dev.triagedesk.evidence.Failure;
import dev.triagedesk.evidence.Signal;
import dev.triagedesk.evidence.StreamError;
import dev.triagedesk.evidence.har.HarFindings;
import dev.triagedesk.evidence.har.HarReadMode;
import dev.triagedesk.evidence.input.EvidenceDocument;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * {@code benchmark FILE}: throughput of analyze and sanitize on one HAR, against a floor that is a bare Jackson
 * token scan of the same file (the least any streaming JSON reader must do). Each is run a few times to warm up, then
 * {@code rounds} times, interleaved; the best run counts, as is usual for throughput (the others only add noise
 * from the machine). Sanitize output goes to a null stream so only the engine is measured.
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
        long bytes;
        try {
            bytes = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        EvidenceDocument doc = engine.open(file, file.toString()).documents().get(0);
        double mb = bytes / 1e6;
        out.printf(Locale.ROOT, "file: %s (%.1f MB), %d rounds after %d warm-up rounds, best round counts, max heap %d MB%n",
                file, mb, rounds, WARM_UP_ROUNDS, Runtime.getRuntime().maxMemory() >> 20);
        Runnable[] tasks = {
            () -> tokenScan(doc),
            () -> engine.analyzeHar(doc, new Counting(), HarReadMode.STRICT),
            () -> engine.sanitizeHar(doc, OutputStream::nullOutputStream, HarFindings.NONE, HarReadMode.STRICT)};
        double[] best = interleaved(rounds, tasks);
        double floor = best[0];
        double analyze = best[1];
        double sanitize = best[2];
        out.printf(Locale.ROOT, "%-28s %8.2f s %9.1f MB/s%n", "floor (Jackson token scan)", floor, mb / floor);
        boolean analyzeOk = report("analyze", analyze, floor, mb, ANALYZE_TARGET);
        boolean sanitizeOk = report("sanitize", sanitize, floor, mb, SANITIZE_TARGET);
        return analyzeOk && sanitizeOk ? CommandLine.OK : CommandLine.FAILED;
    }

    private boolean report(String what, double seconds, double floor, double mb, double target) {
        double ratio = floor / seconds;
        boolean ok = ratio >= target;
        out.printf(Locale.ROOT, "%-28s %8.2f s %9.1f MB/s  %5.1f%% of floor (target >= %.0f%%) %s%n", what, seconds,
                mb / seconds, ratio * 100, target * 100, ok ? "PASS" : "FAIL");
        return ok;
    }

    /**
     * Runs the tasks in turn, round after round, so that each sees the same machine (on a small shared machine the
     * JIT, the garbage collector and neighbours make single runs swing by half), and keeps each one's best time.
     */
    private static double[] interleaved(int rounds, Runnable[] tasks) {
        for (int w = 0; w < WARM_UP_ROUNDS; w++) {
            for (Runnable t : tasks) {
                t.run();
            }
        }
        double[] best = new double[tasks.length];
        java.util.Arrays.fill(best, Double.MAX_VALUE);
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < tasks.length; i++) {
                System.gc();
                long t0 = System.nanoTime();
                tasks[i].run();
                best[i] = Math.min(best[i], (System.nanoTime() - t0) / 1e9);
            }
        }
        return best;
    }

    private static void tokenScan(EvidenceDocument doc) {
        JsonFactory json = JsonFactory.builder().build();
        try (InputStream in = doc.open(); JsonParser p = json.createParser(ObjectReadContext.empty(), in)) {
            long tokens = 0;
            while (p.nextToken() != null) {
                tokens++;
            }
            if (tokens == 0) {
                throw new IllegalStateException("no tokens");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
