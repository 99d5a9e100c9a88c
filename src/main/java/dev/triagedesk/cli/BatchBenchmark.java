package dev.triagedesk.cli;

import dev.triagedesk.evidence.EvidenceEngine;
import dev.triagedesk.evidence.batch.BatchAnalysis;
import dev.triagedesk.evidence.input.EvidenceDocument;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code benchmark FILE} for a Batch API file: throughput of analyze and sanitize against a bare Jackson token scan
 * of the same file (every line's tokens, read as one stream of values). The targets are those issue 12 sets for API
 * evidence, the same as for console logs and SDK logs (the engine's first targets): analyze at half the floor's
 * throughput, sanitize at 30%; HARs alone were given higher ones.
 * Rounds are interleaved after a warm-up and the best counts, as in {@link Benchmark}.
 */
final class BatchBenchmark {

    private static final double ANALYZE_TARGET = 0.50;
    private static final double SANITIZE_TARGET = 0.30;
    private static final int WARM_UP_ROUNDS = 2;

    private final EvidenceEngine engine;
    private final PrintStream out;

    BatchBenchmark(EvidenceEngine engine, PrintStream out) {
        this.engine = engine;
        this.out = out;
    }

    int run(EvidenceDocument doc, Path file, int rounds) {
        double mb = Throughput.size(file) / 1e6;
        BatchAnalysis a = engine.analyzeBatch(doc);
        out.printf(Locale.ROOT, "Batch file: %s (%.1f MB, %,d results, %,d did not succeed), %d rounds after %d warm-up"
                        + " rounds, best round counts, max heap %d MB%n", file, mb, a.requestCount(), a.notSucceeded(),
                rounds, WARM_UP_ROUNDS, Runtime.getRuntime().maxMemory() >> 20);
        Runnable[] tasks = {
            () -> Throughput.tokenScan(doc),
            () -> engine.analyzeBatch(doc),
            () -> engine.sanitizeBatch(doc, OutputStream::nullOutputStream),
            () -> Throughput.tokenCopy(doc)};
        double[] best = Throughput.interleaved(WARM_UP_ROUNDS, rounds, tasks);
        Throughput.floor(out, "floor (Jackson token scan)", best[0], mb);
        boolean analyzeOk = Throughput.report(out, "analyze", best[1], best[0], mb, ANALYZE_TARGET);
        boolean sanitizeOk = Throughput.report(out, "sanitize", best[2], best[0], mb, SANITIZE_TARGET);
        Throughput.reference(out, "(copy, no redaction)", best[3], best[0], mb);
        return analyzeOk && sanitizeOk ? CommandLine.OK : CommandLine.FAILED;
    }
}
