package dev.triagedesk.cli;

import dev.triagedesk.evidence.EvidenceEngine;
import dev.triagedesk.evidence.api.ApiLogAnalysis;
import dev.triagedesk.evidence.input.EvidenceDocument;
import dev.triagedesk.evidence.input.EvidenceFormat;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code benchmark-api-log FILE}: throughput of analyze and sanitize on an API client log, against a floor that is
 * reading the same file's lines ({@link BufferedReader#readLine()} over a UTF-8 decoder: the least any line reader
 * must do). Warm-up rounds first, then interleaved rounds; the best of each counts, as in {@link Benchmark}.
 * Sanitize output goes to a null stream so only the engine is measured.
 */
final class ApiLogBenchmark {

    private static final double ANALYZE_TARGET = 0.50;
    private static final double SANITIZE_TARGET = 0.30;
    private static final int WARM_UP_ROUNDS = 2;

    private final EvidenceEngine engine;
    private final PrintStream out;

    ApiLogBenchmark(EvidenceEngine engine, PrintStream out) {
        this.engine = engine;
        this.out = out;
    }

    int run(Path file, int rounds) {
        long bytes = Throughput.size(file);
        EvidenceDocument doc = engine.open(file, file.toString()).documents().get(0);
        if (doc.format() != EvidenceFormat.API_LOG) {
            throw new IllegalArgumentException(file + " is not read as an API client log but as " + doc.format());
        }
        double mb = bytes / 1e6;
        out.printf(Locale.ROOT, "file: %s (%.1f MB), %d rounds after %d warm-up rounds, best round counts, max heap %d MB%n",
                file, mb, rounds, WARM_UP_ROUNDS, Runtime.getRuntime().maxMemory() >> 20);
        long[] sink = new long[1];
        Runnable[] tasks = {
            () -> sink[0] += readLines(doc),
            () -> {
                ApiLogAnalysis a = engine.analyzeApiLog(doc);
                sink[0] += a.attempts();
            },
            () -> sink[0] += engine.sanitizeApiLog(doc, OutputStream.nullOutputStream()).total()};
        double[] best = Throughput.interleaved(WARM_UP_ROUNDS, rounds, tasks);
        double floor = best[0];
        Throughput.floor(out, "floor (lines, UTF-8)", floor, mb);
        boolean analyzeOk = Throughput.report(out, "analyze", best[1], floor, mb, ANALYZE_TARGET);
        boolean sanitizeOk = Throughput.report(out, "sanitize", best[2], floor, mb, SANITIZE_TARGET);
        return analyzeOk && sanitizeOk && sink[0] != Long.MIN_VALUE ? CommandLine.OK : CommandLine.FAILED;
    }

    private static long readLines(EvidenceDocument doc) {
        long n = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(doc.open(), StandardCharsets.UTF_8), 1 << 16)) {
            while (r.readLine() != null) {
                n++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return n;
    }
}
