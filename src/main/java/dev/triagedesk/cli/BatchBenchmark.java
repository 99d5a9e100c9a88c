package dev.triagedesk.cli;

import dev.triagedesk.evidence.EvidenceEngine;
import dev.triagedesk.evidence.batch.BatchAnalysis;
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
 * {@code benchmark FILE} for a Batch API file: throughput of analyze and sanitize against a bare Jackson token scan
 * of the same file (every line's tokens, read as one stream of values), with the targets of the HAR benchmark.
 * Rounds are interleaved after a warm-up and the best counts, as in {@link Benchmark}.
 */
final class BatchBenchmark {

    private static final double ANALYZE_TARGET = 0.85;
    private static final double SANITIZE_TARGET = 0.50;
    private static final int WARM_UP_ROUNDS = 2;

    private final EvidenceEngine engine;
    private final PrintStream out;

    BatchBenchmark(EvidenceEngine engine, PrintStream out) {
        this.engine = engine;
        this.out = out;
    }

    int run(EvidenceDocument doc, Path file, int rounds) {
        long bytes;
        try {
            bytes = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        double mb = bytes / 1e6;
        BatchAnalysis a = engine.analyzeBatch(doc);
        out.printf(Locale.ROOT, "Batch file: %s (%.1f MB, %,d results, %,d did not succeed), %d rounds after %d warm-up"
                        + " rounds, best round counts, max heap %d MB%n", file, mb, a.requestCount(), a.notSucceeded(),
                rounds, WARM_UP_ROUNDS, Runtime.getRuntime().maxMemory() >> 20);
        Runnable[] tasks = {
            () -> tokenScan(doc),
            () -> engine.analyzeBatch(doc),
            () -> engine.sanitizeBatch(doc, OutputStream.nullOutputStream())};
        double[] best = new double[tasks.length];
        java.util.Arrays.fill(best, Double.MAX_VALUE);
        for (int r = -WARM_UP_ROUNDS; r < rounds; r++) {
            for (int i = 0; i < tasks.length; i++) {
                System.gc();
                long t0 = System.nanoTime();
                tasks[i].run();
                if (r >= 0) {
                    best[i] = Math.min(best[i], (System.nanoTime() - t0) / 1e9);
                }
            }
        }
        out.printf(Locale.ROOT, "%-28s %8.2f s %9.1f MB/s%n", "floor (Jackson token scan)", best[0], mb / best[0]);
        boolean analyzeOk = report("analyze", best[1], best[0], mb, ANALYZE_TARGET);
        boolean sanitizeOk = report("sanitize", best[2], best[0], mb, SANITIZE_TARGET);
        return analyzeOk && sanitizeOk ? CommandLine.OK : CommandLine.FAILED;
    }

    private boolean report(String what, double seconds, double floor, double mb, double target) {
        double ratio = floor / seconds;
        boolean ok = ratio >= target;
        out.printf(Locale.ROOT, "%-28s %8.2f s %9.1f MB/s  %5.1f%% of floor (target >= %.0f%%) %s%n", what, seconds,
                mb / seconds, ratio * 100, target * 100, ok ? "PASS" : "FAIL");
        return ok;
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
}
