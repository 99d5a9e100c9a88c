package dev.triagedesk.cli;

import dev.triagedesk.evidence.input.EvidenceDocument;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/** What the benchmarks of HARs, Batch files and SDK logs share: the timed rounds, the floor, the report lines. */
final class Throughput {

    private Throughput() {
    }

    static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs the tasks in turn, round after round, so that each sees the same machine (on a small shared machine the
     * JIT, the garbage collector and neighbours make single runs swing by half), and keeps each one's best time.
     */
    static double[] interleaved(int warmUpRounds, int rounds, Runnable[] tasks) {
        for (int w = 0; w < warmUpRounds; w++) {
            for (Runnable t : tasks) {
                t.run();
            }
        }
        double[] best = new double[tasks.length];
        Arrays.fill(best, Double.MAX_VALUE);
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

    static void floor(PrintStream out, String what, double seconds, double mb) {
        out.printf(Locale.ROOT, "%-28s %8.2f s %9.1f MB/s%n", what, seconds, mb / seconds);
    }

    /** Prints one task's time against the floor and its target; whether it met the target. */
    static boolean report(PrintStream out, String what, double seconds, double floor, double mb, double target) {
        double ratio = floor / seconds;
        boolean ok = ratio >= target;
        out.printf(Locale.ROOT, "%-28s %8.2f s %9.1f MB/s  %5.1f%% of floor (target >= %.0f%%) %s%n", what, seconds,
                mb / seconds, ratio * 100, target * 100, ok ? "PASS" : "FAIL");
        return ok;
    }

    /** A reference time against the floor, without a target. */
    static void reference(PrintStream out, String what, double seconds, double floor, double mb) {
        out.printf(Locale.ROOT, "%-28s %8.2f s %9.1f MB/s  %5.1f%% of floor (reference)%n", what, seconds, mb / seconds,
                floor / seconds * 100);
    }

    /**
     * Copies a JSON document token by token to a null stream (strings decoded and encoded again): what a sanitizer
     * that writes its copy through a JSON generator pays before it looks at anything.
     */
    static void tokenCopy(EvidenceDocument doc) {
        JsonFactory json = JsonFactory.builder().build();
        try (InputStream in = doc.open(); JsonParser p = json.createParser(ObjectReadContext.empty(), in);
             JsonGenerator g = json.createGenerator(ObjectWriteContext.empty(), OutputStream.nullOutputStream())) {
            while (p.nextToken() != null) {
                g.copyCurrentEvent(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The floor of a JSON document (a HAR, or a Batch file's lines read as one stream of values). */
    static void tokenScan(EvidenceDocument doc) {
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
