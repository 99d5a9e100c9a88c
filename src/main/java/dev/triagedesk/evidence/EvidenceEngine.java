package dev.triagedesk.evidence;

import dev.triagedesk.evidence.api.ApiLogAnalysis;
import dev.triagedesk.evidence.api.ApiLogAnalyzer;
import dev.triagedesk.evidence.api.ApiLogSanitizer;
import dev.triagedesk.evidence.batch.BatchAnalysis;
import dev.triagedesk.evidence.batch.BatchReader;
import dev.triagedesk.evidence.batch.BatchSanitizer;
import dev.triagedesk.evidence.console.ConsoleAnalysis;
import dev.triagedesk.evidence.console.ConsoleAnalyzer;
import dev.triagedesk.evidence.console.ConsoleSanitizer;
import dev.triagedesk.evidence.har.HarFindings;
import dev.triagedesk.evidence.har.HarProcessor;
import dev.triagedesk.evidence.har.HarReadMode;
import dev.triagedesk.evidence.har.HarReadOptions;
import dev.triagedesk.evidence.har.HarReadResult;
import dev.triagedesk.evidence.har.SplitReadFailed;
import dev.triagedesk.evidence.input.EvidenceDocument;
import dev.triagedesk.evidence.input.EvidenceFiles;
import dev.triagedesk.evidence.input.EvidenceFormat;
import dev.triagedesk.evidence.input.InputLimits;
import dev.triagedesk.evidence.redact.LeftoverScan;
import dev.triagedesk.evidence.redact.RedactionReport;
import dev.triagedesk.evidence.redact.RedactionKey;
import dev.triagedesk.evidence.redact.Redactor;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The evidence engine's front door: open a file (archives included), analyze a HAR, or sanitize it. One engine
 * serves many documents and threads; each call gets its own {@link Redactor}.
 */
public final class EvidenceEngine {

    private final RedactionKey key;
    private final EvidenceFiles files;
    private final long splitAbove;
    /** Split also before the JIT has compiled the engine (see {@link HarProcessor#splitPaysOff()}). */
    private final boolean splitCold;

    /** API client evidence (SDK logs, tracebacks, curl transcripts) is recognised before the console predicate is asked. */
    public EvidenceEngine(RedactionKey key, InputLimits limits, Predicate<String> looksLikeConsole) {
        this(key, new EvidenceFiles(limits, looksLikeConsole, ApiLogAnalyzer::looksLikeApiLog),
                HarReadOptions.SPLIT_ABOVE, false);
    }

    private EvidenceEngine(RedactionKey key, EvidenceFiles files, long splitAbove, boolean splitCold) {
        this.key = key;
        this.files = files;
        this.splitAbove = splitAbove;
        this.splitCold = splitCold;
    }

    /**
     * The same engine, reading HARs whose entries take at least {@code bytes}, and Batch files of JSON Lines and
     * SDK logs of at least {@code bytes}, with two threads, from the first file on (negative: always with one). The
     * default splits large files once the JVM is warm; tests use this to read small files both ways.
     */
    public EvidenceEngine splitAbove(long bytes) {
        return new EvidenceEngine(key, files, bytes, true);
    }

    /** An engine with the default input limits that recognises every supported console format. */
    public static EvidenceEngine withDefaults(RedactionKey key) {
        return new EvidenceEngine(key, InputLimits.defaults(), ConsoleAnalyzer::looksLikeConsole);
    }

    /** The documents a file holds; throws {@link EvidenceException} with the reason when it holds none. */
    public EvidenceFiles.Opened open(Path file, String name) {
        return files.open(file, name);
    }

    /**
     * Text the reporter said is a console log (pasted into a form): read as one whatever its format, without the
     * content check a file gets.
     */
    public EvidenceDocument consoleText(Path file, String name) {
        return new EvidenceDocument(name, EvidenceFormat.CONSOLE, "plain",
                () -> new java.io.BufferedInputStream(java.nio.file.Files.newInputStream(file)), file, 0);
    }

    /** A fresh redactor for one document (its fingerprints use this engine's key). */
    public Redactor redactor() {
        return new Redactor(key);
    }

    /** Analyzes a HAR document, streaming its findings to {@code findings}. */
    public HarReadResult analyzeHar(EvidenceDocument doc, HarFindings findings, HarReadMode mode) {
        requireHar(doc);
        HarReadOptions options = options(mode);
        try {
            return analyzeOnce(doc, findings, options);
        } catch (SplitReadFailed e) {
            findings.restart();
            return analyzeOnce(doc, findings, options.unsplit());
        }
    }

    private HarReadResult analyzeOnce(EvidenceDocument doc, HarFindings findings, HarReadOptions options) {
        HarProcessor processor = new HarProcessor(redactor(), findings, options);
        boolean jsonp = doc.format() == EvidenceFormat.HAR_JSONP;
        try (InputStream in = doc.open()) {
            return doc.rawFile() != null ? processor.analyze(in, jsonp, doc.rawFile(), doc.rawOffset())
                    : processor.analyze(in, jsonp);
        } catch (IOException e) {
            throw new EvidenceException("cannot read " + doc.name() + ": " + e.getMessage(), e);
        }
    }

    /** Analyzes a HAR document and keeps up to {@code cap} findings of each kind in memory. */
    public HarAnalysis analyzeHar(EvidenceDocument doc, HarReadMode mode, int cap) {
        Collecting c = new Collecting(cap);
        HarReadResult r = analyzeHar(doc, c, mode);
        return c.analysis(r.summary());
    }

    /**
     * Where a sanitized copy goes. {@link #open()} may be called a second time: the engine then writes the copy
     * again from the start and everything written before must be discarded (open files with truncation).
     */
    @FunctionalInterface
    public interface OutputTarget {
        OutputStream open() throws IOException;
    }

    /**
     * Writes a sanitized copy of a HAR and analyzes it in the same pass. A secret is redacted wherever it occurs,
     * also where it echoes before the place that shows it is secret (a cookie value in an earlier tracking URL):
     * when the pass finds it may have let such an echo through, it writes the copy again, knowing every secret
     * (the target is reopened and {@link HarFindings#restart()} is called). If the leftover scan finds a secret
     * shape in what was written, throws {@link LeftoverSecretsException}: the output must then be discarded.
     */
    public HarReadResult sanitizeHar(EvidenceDocument doc, OutputTarget target, HarFindings findings, HarReadMode mode) {
        requireHar(doc);
        HarReadOptions options = options(mode);
        Redactor first = redactor();
        first.trackEchoes(sizeOf(doc));
        HarReadResult result;
        try {
            result = sanitizeOnce(doc, target, first, findings, options);
        } catch (SplitReadFailed e) {
            findings.restart();
            options = options.unsplit();
            first = redactor();
            first.trackEchoes(sizeOf(doc));
            result = sanitizeOnce(doc, target, first, findings, options);
        }
        if (first.echoedBeforeLearned()) {
            findings.restart();
            Redactor second = redactor();
            second.rememberAll(first);
            second.ledger().note("Some secrets also appeared before the request that revealed them (for example a"
                    + " cookie value in an earlier tracking URL): the file was redacted twice so every copy is gone.");
            try {
                result = sanitizeOnce(doc, target, second, findings, options);
            } catch (SplitReadFailed e) {
                findings.restart();
                Redactor third = redactor();
                third.rememberAll(first);
                third.ledger().note("Some secrets also appeared before the request that revealed them (for example"
                        + " a cookie value in an earlier tracking URL): the file was redacted twice so every copy is"
                        + " gone.");
                result = sanitizeOnce(doc, target, third, findings, options.unsplit());
            }
        }
        return result;
    }

    /** Lenient reads split too: a break in the second half keeps the complete entries before it, as a whole read does. */
    private HarReadOptions options(HarReadMode mode) {
        return HarReadOptions.of(mode).splitAbove(splitCold || HarProcessor.splitPaysOff() ? splitAbove : -1);
    }

    private HarReadResult sanitizeOnce(EvidenceDocument doc, OutputTarget target, Redactor redactor,
                                       HarFindings findings, HarReadOptions options) {
        HarProcessor processor = new HarProcessor(redactor, findings, options);
        boolean jsonp = doc.format() == EvidenceFormat.HAR_JSONP;
        LeftoverScan scan = new LeftoverScan();
        HarReadResult result;
        try (InputStream in = doc.open(); OutputStream out = target.open();
             LeftoverScan.ScanningStream scanned = scan.wrap(NonClosingOutputStream.of(out))) {
            result = doc.rawFile() != null ? processor.sanitize(in, scanned, jsonp, doc.rawFile(), doc.rawOffset())
                    : processor.sanitize(in, scanned, jsonp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!scan.clean()) {
            throw new LeftoverSecretsException("the sanitized copy of " + doc.name(), scan.count(), scan.findings());
        }
        return result;
    }

    /** Analyzes a console log document (streamed line by line; findings are capped, counts are not). */
    public ConsoleAnalysis analyzeConsole(EvidenceDocument doc) {
        requireConsole(doc);
        try (Reader in = reader(doc)) {
            return new ConsoleAnalyzer(redactor()).analyze(in);
        } catch (IOException e) {
            throw new EvidenceException("cannot read " + doc.name() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes a sanitized copy of a console log (same lines, secrets replaced) to {@code out}. Throws
     * {@link LeftoverSecretsException} if a secret shape is left: the caller must then discard the output.
     */
    public RedactionReport sanitizeConsole(EvidenceDocument doc, OutputStream out) {
        requireConsole(doc);
        Redactor redactor = redactor();
        LeftoverScan scan = new LeftoverScan();
        try (Reader in = reader(doc);
             Writer w = new OutputStreamWriter(scan.wrap(NonClosingOutputStream.of(out)), StandardCharsets.UTF_8)) {
            new ConsoleSanitizer(redactor).sanitize(in, w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!scan.clean()) {
            throw new LeftoverSecretsException("the sanitized copy of " + doc.name(), scan.count(), scan.findings());
        }
        return redactor.ledger().report(false);
    }

    /** Analyzes API client evidence (streamed line by line; calls are capped, counts are not). */
    public ApiLogAnalysis analyzeApiLog(EvidenceDocument doc) {
        requireApiLog(doc);
        try (InputStream in = doc.open()) {
            return new ApiLogAnalyzer(redactor()).analyze(in, large(doc));
        } catch (IOException e) {
            throw new EvidenceException("cannot read " + doc.name() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes a sanitized copy of API client evidence (same lines, secrets replaced) to {@code out}. Throws
     * {@link LeftoverSecretsException} if a secret shape is left: the caller must then discard the output.
     */
    public RedactionReport sanitizeApiLog(EvidenceDocument doc, OutputStream out) {
        requireApiLog(doc);
        Redactor redactor = redactor();
        LeftoverScan scan = new LeftoverScan();
        long at = lineSplit(doc);
        try (OutputStream scanned = scan.wrap(NonClosingOutputStream.of(out))) {
            if (at > 0) {
                new ApiLogSanitizer(redactor).sanitize(doc.rawFile(), doc.rawOffset(), at,
                        doc.rawOffset() + sizeOf(doc), scanned);
            } else {
                try (InputStream in = doc.open()) {
                    new ApiLogSanitizer(redactor).sanitize(in, scanned);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!scan.clean()) {
            throw new LeftoverSecretsException("the sanitized copy of " + doc.name(), scan.count(), scan.findings());
        }
        return redactor.ledger().report(false);
    }

    /**
     * Analyzes a Batch API file (an output, error or input file, or Batch objects), streamed line by line; findings
     * are capped at {@link BatchReader#DEFAULT_CAP}, counts are not.
     */
    public BatchAnalysis analyzeBatch(EvidenceDocument doc) {
        return analyzeBatch(doc, BatchReader.DEFAULT_CAP);
    }

    /** As {@link #analyzeBatch(EvidenceDocument)}, keeping at most {@code cap} findings of each kind. */
    public BatchAnalysis analyzeBatch(EvidenceDocument doc, int cap) {
        requireBatch(doc);
        return new BatchReader(this::redactor, cap).read(doc, batchSplitAbove());
    }

    /** Batch files follow the HAR's policy: two threads above the size, once the JVM is warm (or in tests). */
    private long batchSplitAbove() {
        return splitCold || BatchReader.splitPaysOff() ? splitAbove : -1;
    }

    /**
     * Writes a sanitized copy of a Batch file (same lines, secrets replaced) to {@code out}: through a temporary
     * file, since a secret echoed before the line that reveals it means writing the copy again (prefer
     * {@link #sanitizeBatch(EvidenceDocument, OutputTarget)}). Throws {@link LeftoverSecretsException} if a secret
     * shape is left: the caller must then discard the output.
     */
    public RedactionReport sanitizeBatch(EvidenceDocument doc, OutputStream out) {
        requireBatch(doc);
        Path held = null;
        try {
            held = Files.createTempFile("triage-batch-", ".part"); // housekeeping knows the name
            Path copy = held;
            RedactionReport report = sanitizeBatch(doc, () -> new BufferedOutputStream(
                    Files.newOutputStream(copy), 1 << 16));
            Files.copy(held, out);
            out.flush();
            return report;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (held != null) {
                try {
                    Files.deleteIfExists(held);
                } catch (IOException ignored) {
                    // a temporary file left behind is removed with the temporary folder
                }
            }
        }
    }

    /**
     * Writes a sanitized copy of a Batch file (same lines, secrets replaced). A secret is redacted wherever it
     * occurs, also on a line before the one that shows it is secret: when the pass finds it may have let such an
     * echo through, it writes the copy again knowing every secret (the target is reopened). A large file of JSON
     * Lines is sanitized by two threads (see {@link BatchSanitizer}). Throws {@link LeftoverSecretsException} if a
     * secret shape is left: the output must then be discarded.
     */
    public RedactionReport sanitizeBatch(EvidenceDocument doc, OutputTarget target) {
        requireBatch(doc);
        long split = batchSplitAbove();
        Redactor first = redactor();
        first.trackEchoes(sizeOf(doc));
        sanitizeBatchOnce(doc, target, first, split);
        if (!first.echoedBeforeLearned()) {
            return first.ledger().report(false);
        }
        Redactor second = redactor();
        second.rememberAll(first);
        second.ledger().note("Some secrets also appeared on a line before the one that revealed them: the file was"
                + " redacted twice so every copy is gone.");
        sanitizeBatchOnce(doc, target, second, split);
        return second.ledger().report(false);
    }

    private void sanitizeBatchOnce(EvidenceDocument doc, OutputTarget target, Redactor redactor, long split) {
        LeftoverScan scan = new LeftoverScan();
        try (OutputStream out = target.open();
             LeftoverScan.ScanningStream scanned = scan.wrap(NonClosingOutputStream.of(out))) {
            new BatchSanitizer(redactor).sanitize(doc, scanned, split);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!scan.clean()) {
            throw new LeftoverSecretsException("the sanitized copy of " + doc.name(), scan.count(), scan.findings());
        }
    }

    private static void requireBatch(EvidenceDocument doc) {
        if (doc.format() != EvidenceFormat.BATCH) {
            throw new IllegalArgumentException(doc.name() + " is not a Batch file");
        }
    }

    private static Reader reader(EvidenceDocument doc) throws IOException {
        return new BufferedReader(new InputStreamReader(doc.open(), StandardCharsets.UTF_8), 1 << 16);
    }

    /**
     * Whether a document is a plain file large enough to be read by two threads ({@link #splitAbove}), on a machine
     * with a second core for them (a test's {@link #splitAbove(long)} splits anyway).
     */
    private boolean large(EvidenceDocument doc) {
        long size = sizeOf(doc);
        return splitAbove >= 0 && size >= Math.max(1, splitAbove)
                && (splitCold || Runtime.getRuntime().availableProcessors() > 1);
    }

    /**
     * Where a line-by-line document is read by two threads: the start of a line near its middle, when it is a plain
     * file of at least {@link #splitAbove} bytes; else -1 (one thread).
     */
    private long lineSplit(EvidenceDocument doc) {
        if (!large(doc)) {
            return -1;
        }
        try {
            return ApiLogSanitizer.splitPoint(doc.rawFile(), doc.rawOffset(), doc.rawOffset() + sizeOf(doc));
        } catch (IOException e) {
            return -1; // read with one thread, which reports the problem if it persists
        }
    }

    /** The document's size in bytes when it is a plain file, else -1. */
    private static long sizeOf(EvidenceDocument doc) {
        if (doc.rawFile() == null) {
            return -1;
        }
        try {
            return java.nio.file.Files.size(doc.rawFile()) - doc.rawOffset();
        } catch (IOException e) {
            return -1;
        }
    }

    private static void requireConsole(EvidenceDocument doc) {
        if (doc.format() != EvidenceFormat.CONSOLE) {
            throw new IllegalArgumentException(doc.name() + " is not a console log");
        }
    }

    private static void requireApiLog(EvidenceDocument doc) {
        if (doc.format() != EvidenceFormat.API_LOG) {
            throw new IllegalArgumentException(doc.name() + " is not an API client log");
        }
    }

    private static void requireHar(EvidenceDocument doc) {
        if (doc.format() != EvidenceFormat.HAR && doc.format() != EvidenceFormat.HAR_JSONP) {
            throw new IllegalArgumentException(doc.name() + " is not a HAR");
        }
    }

    /** Keeps findings in memory up to a cap. */
    private static final class Collecting implements HarFindings {
        private final int cap;
        private final List<Failure> failures = new ArrayList<>();
        private final List<StreamError> streamErrors = new ArrayList<>();
        private final List<Signal> signals = new ArrayList<>();
        private long omitted;

        Collecting(int cap) {
            this.cap = cap;
        }

        @Override
        public void failure(Failure f) {
            add(failures, f);
        }

        @Override
        public void streamError(StreamError e) {
            add(streamErrors, e);
        }

        @Override
        public void signal(Signal s) {
            add(signals, s);
        }

        private <T> void add(List<T> list, T item) {
            if (list.size() < cap) {
                list.add(item);
            } else {
                omitted++;
            }
        }

        HarAnalysis analysis(HarSummary summary) {
            return new HarAnalysis(summary, List.copyOf(failures), List.copyOf(streamErrors), List.copyOf(signals),
                    omitted);
        }
    }
}
