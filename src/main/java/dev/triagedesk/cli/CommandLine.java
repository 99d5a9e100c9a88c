package dev.triagedesk.cli;

import dev.triagedesk.evidence.EvidenceEngine;
import dev.triagedesk.evidence.EvidenceException;
import dev.triagedesk.evidence.Failure;
import dev.triagedesk.evidence.HarSummary;
import dev.triagedesk.evidence.LeftoverSecretsException;
import dev.triagedesk.evidence.NonClosingOutputStream;
import dev.triagedesk.evidence.Signal;
import dev.triagedesk.evidence.api.ApiLogAnalysis;
import dev.triagedesk.evidence.batch.BatchAnalysis;
import dev.triagedesk.evidence.console.ConsoleAnalysis;
import dev.triagedesk.evidence.StreamError;
import dev.triagedesk.evidence.har.HarFindings;
import dev.triagedesk.evidence.har.HarReadMode;
import dev.triagedesk.evidence.har.HarReadResult;
import dev.triagedesk.evidence.input.EvidenceDocument;
import dev.triagedesk.evidence.input.EvidenceFiles;
import dev.triagedesk.evidence.input.EvidenceFormat;
import dev.triagedesk.evidence.redact.LeftoverScan;
import dev.triagedesk.evidence.redact.RedactionKey;
import dev.triagedesk.evidence.redact.RedactionReport;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code analyze} and {@code sanitize}. Exit status: 0 success, 2 input that cannot be read (one line on stderr
 * saying what and where), 1 anything else (a refused output or an internal error).
 */
public final class CommandLine {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int BAD_INPUT = 2;

    private static final String USAGE = """
            usage: java -jar triage-desk.jar analyze [--lenient] FILE...
                   java -jar triage-desk.jar sanitize [--lenient] IN OUT
                   java -jar triage-desk.jar benchmark HAR|BATCH_FILE [ROUNDS]
                   java -jar triage-desk.jar benchmark-api-log LOG [ROUNDS]
                   java -jar triage-desk.jar make-batch OUT SIZE_MB [SEED]
              analyze   prints the findings of each HAR, API client log, console log or Batch file as JSON (an
                        array when several)
              sanitize  writes a copy of IN with secrets redacted to OUT and prints what was removed
              benchmark measures analyze and sanitize against a bare JSON token scan of the same file
              benchmark-api-log the same for an SDK log, against reading its lines
              make-batch writes a generated Batch output file of about SIZE_MB MB and its oracle (OUT.oracle.json)
              --lenient read the complete entries of a broken HAR instead of failing
            FILE may be a .har, an SDK log, traceback or curl transcript, a console log, a Batch API output,
            error or input file or Batch object (JSON), a .gz of one, or a .zip holding any of them.
            Fingerprints in markers use TRIAGE_REDACTION_KEY, or the key file in TRIAGE_DATA_DIR (default ./data).
            """;

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final ObjectWriter COMPACT = MAPPER.writer();
    private static final ObjectWriter PRETTY = MAPPER.writer().with(SerializationFeature.INDENT_OUTPUT);

    private final PrintStream out;
    private final PrintStream err;
    private final EvidenceEngine engine;
    private boolean debug;

    CommandLine(PrintStream out, PrintStream err, EvidenceEngine engine) {
        this.out = out;
        this.err = err;
        this.engine = engine;
    }

    /** Whether the arguments name a command-line mode (otherwise the web app starts). */
    public static boolean handles(String[] args) {
        return args.length > 0 && List.of("analyze", "sanitize", "benchmark", "benchmark-api-log", "make-batch", "help",
                "--help", "-h").contains(args[0]);
    }

    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        return run(args, System.getenv(), out, err);
    }

    /** With the environment given, so a test can set what the process would read. */
    static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        RedactionKey key;
        try {
            key = redactionKey(environment, err);
        } catch (IllegalArgumentException e) {
            // a setting the user can mend: one line saying which, never a stack trace
            err.println("triage-desk: TRIAGE_REDACTION_KEY: " + e.getMessage());
            return BAD_INPUT;
        }
        return new CommandLine(out, err, EvidenceEngine.withDefaults(key)).dispatch(args);
    }

    private static RedactionKey redactionKey(Map<String, String> environment, PrintStream err) {
        String configured = environment.get("TRIAGE_REDACTION_KEY");
        if (configured != null && !configured.isBlank()) {
            return RedactionKey.of(configured);
        }
        String dataDir = environment.getOrDefault("TRIAGE_DATA_DIR", "data");
        try {
            return RedactionKey.fromFolder(Path.of(dataDir));
        } catch (IllegalStateException e) {
            err.println("triage-desk: note: " + e.getMessage() + "; using a one-off key, so fingerprints will differ"
                    + " from other runs");
            return RedactionKey.random();
        }
    }

    int dispatch(String[] args) {
        List<String> rest = new ArrayList<>(List.of(args).subList(1, args.length));
        boolean lenient = rest.remove("--lenient");
        debug = rest.remove("--debug");
        switch (args[0]) {
            case "analyze":
                if (rest.isEmpty()) {
                    return usage("analyze needs at least one FILE");
                }
                return analyze(rest, lenient);
            case "sanitize":
                if (rest.size() != 2) {
                    return usage("sanitize needs IN and OUT");
                }
                return sanitize(Path.of(rest.get(0)), Path.of(rest.get(1)), lenient);
            case "benchmark":
                if (rest.isEmpty() || rest.size() > 2) {
                    return usage("benchmark needs a HAR (and optionally a number of rounds)");
                }
                int rounds;
                try {
                    rounds = rest.size() == 2 ? Integer.parseInt(rest.get(1)) : 3;
                } catch (NumberFormatException e) {
                    return usage("ROUNDS must be a whole number");
                }
                try {
                    Path file = Path.of(rest.get(0));
                    EvidenceDocument first = engine.open(file, file.toString()).documents().get(0);
                    if (first.format() == EvidenceFormat.BATCH) {
                        return new BatchBenchmark(engine, out).run(first, file, rounds);
                    }
                    return new Benchmark(engine, out).run(file, rounds);
                } catch (RuntimeException e) {
                    return failed(e, rest.get(0));
                }
            case "make-batch":
                return makeBatch(rest);
            case "benchmark-api-log":
                if (rest.isEmpty() || rest.size() > 2) {
                    return usage("benchmark-api-log needs an API client log (and optionally a number of rounds)");
                }
                try {
                    int apiRounds = rest.size() == 2 ? Integer.parseInt(rest.get(1)) : 3;
                    return new ApiLogBenchmark(engine, out).run(Path.of(rest.get(0)), apiRounds);
                } catch (NumberFormatException e) {
                    return usage("ROUNDS must be a whole number");
                } catch (RuntimeException e) {
                    return failed(e, rest.get(0));
                }
            default:
                out.print(USAGE);
                return OK;
        }
    }

    /** {@code make-batch OUT SIZE_MB [SEED]}: a generated Batch output file, and its oracle in OUT.oracle.json. */
    private int makeBatch(List<String> rest) {
        if (rest.size() < 2 || rest.size() > 3) {
            return usage("make-batch needs OUT and SIZE_MB (and optionally a SEED)");
        }
        long megabytes;
        long seed;
        try {
            megabytes = Long.parseLong(rest.get(1));
            seed = rest.size() == 3 ? Long.parseLong(rest.get(2)) : 7;
        } catch (NumberFormatException e) {
            return usage("SIZE_MB and SEED must be whole numbers");
        }
        Path file = Path.of(rest.get(0));
        BatchFileGenerator.Oracle oracle = BatchFileGenerator.write(file, megabytes * 1_000_000, seed);
        try {
            PRETTY.writeValue(file.resolveSibling(file.getFileName() + ".oracle.json").toFile(), oracle);
        } catch (RuntimeException e) {
            return failed(e, rest.get(0));
        }
        return OK;
    }

    private int usage(String problem) {
        err.println("triage-desk: " + problem);
        err.print(USAGE);
        return BAD_INPUT;
    }

    // ------------------------------------------------------------------ analyze

    private int analyze(List<String> files, boolean lenient) {
        List<Path> documents = new ArrayList<>();
        int status = OK;
        try {
            for (String file : files) {
                EvidenceFiles.Opened opened;
                try {
                    opened = engine.open(Path.of(file), file);
                } catch (RuntimeException e) {
                    status = worse(status, failed(e, file));
                    continue;
                }
                for (EvidenceFiles.Rejection r : opened.rejected()) {
                    err.println("triage-desk: " + r.name() + ": " + r.reason());
                    status = worse(status, BAD_INPUT);
                }
                for (EvidenceDocument doc : opened.documents()) {
                    try {
                        documents.add(analyzeToFile(doc, lenient));
                    } catch (RuntimeException e) {
                        status = worse(status, failed(e, doc.name()));
                    }
                }
            }
            printDocuments(documents);
        } finally {
            for (Path p : documents) {
                deleteQuietly(p);
            }
        }
        return status;
    }

    /**
     * The exit status for what reading {@code what} threw, with its line on stderr: a secret still found in the
     * output refuses that output (1), input that cannot be read is the input's (2), anything else is ours (1).
     */
    private int failed(RuntimeException e, String what) {
        if (e instanceof LeftoverSecretsException) {
            err.println("triage-desk: " + e.getMessage());
            return FAILED;
        }
        if (e instanceof EvidenceException) {
            // named once: most messages start with the file's name already
            err.println("triage-desk: " + e.getMessage() + (e.getMessage().contains(what) ? "" : " (" + what + ")"));
            return BAD_INPUT;
        }
        return internalError(what, e);
    }

    /** Of two exit statuses, the one to report: a failure outranks bad input, which outranks success. */
    private static int worse(int a, int b) {
        return a == FAILED || b == FAILED ? FAILED : Math.max(a, b);
    }

    private int internalError(String what, RuntimeException e) {
        err.println("triage-desk: internal error while reading " + what + ": " + e
                + (debug ? "" : " (run with --debug for details)"));
        if (debug) {
            e.printStackTrace(err);
        }
        return FAILED;
    }

    private void printDocuments(List<Path> documents) {
        try {
            OutputStream o = new BufferedOutputStream(out, 1 << 16);
            if (documents.size() == 1) {
                Files.copy(documents.get(0), o);
            } else if (documents.size() > 1) {
                o.write("[\n".getBytes(StandardCharsets.US_ASCII));
                for (int i = 0; i < documents.size(); i++) {
                    if (i > 0) {
                        o.write(",\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    Files.copy(documents.get(i), o);
                }
                o.write("\n]".getBytes(StandardCharsets.US_ASCII));
            }
            if (!documents.isEmpty()) {
                o.write('\n');
            }
            o.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes one document's analysis to a temporary file, checked by the leftover scan before it is printed. */
    private Path analyzeToFile(EvidenceDocument doc, boolean lenient) {
        Path file;
        try {
            file = Files.createTempFile("triage-analysis", ".json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LeftoverScan scan = new LeftoverScan();
        try (OutputStream o = scan.wrap(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
            if (doc.format() == EvidenceFormat.CONSOLE) {
                ConsoleAnalysis a = engine.analyzeConsole(doc);
                writeAnalysis(doc, a.kind(), a, o);
            } else if (doc.format() == EvidenceFormat.API_LOG) {
                ApiLogAnalysis a = engine.analyzeApiLog(doc);
                writeAnalysis(doc, a.kind(), a, o);
            } else if (doc.format() == EvidenceFormat.BATCH) {
                BatchAnalysis a = engine.analyzeBatch(doc);
                writeAnalysis(doc, a.kind(), a, o);
            } else {
                writeHarAnalysis(doc, lenient, o);
            }
        } catch (IOException e) {
            deleteQuietly(file);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            deleteQuietly(file);
            throw e;
        }
        if (!scan.clean()) {
            deleteQuietly(file);
            throw new LeftoverSecretsException("the analysis of " + doc.name(), scan.count(), scan.findings());
        }
        return file;
    }

    private void writeHarAnalysis(EvidenceDocument doc, boolean lenient, OutputStream o) throws IOException {
        try (Spill failures = new Spill(COMPACT); Spill streamErrors = new Spill(COMPACT);
             Spill signals = new Spill(COMPACT)) {
            HarReadResult result = engine.analyzeHar(doc, new HarFindings() {
                @Override
                public void failure(Failure f) {
                    failures.add(f);
                }

                @Override
                public void streamError(StreamError e) {
                    streamErrors.add(e);
                }

                @Override
                public void signal(Signal s) {
                    signals.add(s);
                }
            }, HarReadMode.lenientIf(lenient));
            HarSummary s = result.summary();
            try (JsonGenerator g = PRETTY.createGenerator(NonClosingOutputStream.of(o))) {
                g.writeStartObject();
                g.writeStringProperty("file", doc.name());
                g.writeStringProperty("kind", "har");
                g.writeStringProperty("format", doc.format() == EvidenceFormat.HAR_JSONP ? "har-jsonp" : "har");
                g.writeStringProperty("packaging", doc.packaging());
                property(g, "version", s.version());
                property(g, "creator", s.creator());
                property(g, "browser", s.browser());
                g.writeNumberProperty("entryCount", s.entryCount());
                g.writeNumberProperty("pageCount", s.pageCount());
                property(g, "pages", s.pages());
                g.writeBooleanProperty("partial", s.partial());
                property(g, "partialReason", s.partialReason());
                spill(g, o, "failures", failures);
                spill(g, o, "streamErrors", streamErrors);
                spill(g, o, "signals", signals);
                property(g, "requestIds", s.requestIds());
                property(g, "conversationUrls", s.conversationUrls());
                property(g, "stats", s.stats());
                g.writeBooleanProperty("alreadySanitized", s.alreadySanitized());
                property(g, "notes", s.notes());
                property(g, "redaction", s.redaction());
                property(g, "verdict", s.verdict());
                g.writeEndObject();
            }
        }
    }

    /** A line-oriented analysis (console log, API client log, Batch file): the file, its kind and what was found. */
    private static void writeAnalysis(EvidenceDocument doc, String kind, Object analysis, OutputStream o)
            throws IOException {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("file", doc.name());
        node.put("kind", kind);
        node.put("packaging", doc.packaging());
        MAPPER.valueToTree(analysis).properties().forEach(e -> {
            if (!e.getKey().equals("kind")) {
                node.set(e.getKey(), e.getValue());
            }
        });
        PRETTY.writeValue(NonClosingOutputStream.of(o), node);
    }

    private static void property(JsonGenerator g, String name, Object value) {
        if (value != null) {
            g.writeName(name);
            g.writePOJO(value);
        }
    }

    /** Splices a spilled array into the document: the generator writes the name, the bytes come from disk. */
    private static void spill(JsonGenerator g, OutputStream o, String name, Spill spill) throws IOException {
        g.writeName(name);
        g.writeRawValue("");
        g.flush();
        spill.copyArrayTo(o);
    }

    // ------------------------------------------------------------------ sanitize

    private int sanitize(Path in, Path outFile, boolean lenient) {
        EvidenceFiles.Opened opened;
        try {
            opened = engine.open(in, in.toString());
        } catch (RuntimeException e) {
            return failed(e, in.toString());
        }
        for (EvidenceFiles.Rejection r : opened.rejected()) {
            err.println("triage-desk: skipped " + r.name() + ": " + r.reason());
        }
        List<EvidenceDocument> docs = opened.documents();
        String lowerOut = outFile.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean zip = lowerOut.endsWith(".zip");
        if (docs.isEmpty()) {
            err.println("triage-desk: " + in + " holds nothing to sanitize");
            return BAD_INPUT;
        }
        if (docs.size() > 1 && !zip) {
            err.println("triage-desk: " + in + " holds " + docs.size() + " files: give an OUT ending in .zip");
            return BAD_INPUT;
        }
        Path dir = outFile.toAbsolutePath().getParent();
        Path tmp;
        try {
            tmp = Files.createTempFile(dir, ".triage-sanitize", ".part");
        } catch (IOException e) {
            err.println("triage-desk: cannot write to " + dir + ": " + e.getMessage());
            return FAILED;
        }
        List<String> lines = new ArrayList<>();
        List<Path> parts = new ArrayList<>();
        try {
            for (EvidenceDocument doc : docs) {
                Path part = Files.createTempFile(dir, ".triage-sanitize", ".part");
                parts.add(part);
                lines.addAll(sanitizeOne(doc, part, lenient));
            }
            try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                if (zip) {
                    try (ZipOutputStream z = new ZipOutputStream(raw)) {
                        java.util.Set<String> used = new java.util.HashSet<>();
                        for (int i = 0; i < docs.size(); i++) {
                            z.putNextEntry(new ZipEntry(unique(memberName(docs.get(i)), used)));
                            Files.copy(parts.get(i), z);
                            z.closeEntry();
                        }
                    }
                } else if (lowerOut.endsWith(".gz")) {
                    try (GZIPOutputStream gz = new GZIPOutputStream(raw, 1 << 16)) {
                        Files.copy(parts.get(0), gz);
                    }
                }
            }
            if (zip || lowerOut.endsWith(".gz")) {
                Files.move(tmp, outFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.move(parts.get(0), outFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            err.println("triage-desk: cannot write " + outFile + ": " + e.getMessage());
            return FAILED;
        } catch (RuntimeException e) {
            return failed(e, in.toString());
        } finally {
            deleteQuietly(tmp);
            parts.forEach(CommandLine::deleteQuietly);
        }
        lines.forEach(err::println);
        return OK;
    }

    /** Sanitizes one document into {@code part} (rewritten from the start if the engine needs a second pass). */
    private List<String> sanitizeOne(EvidenceDocument doc, Path part, boolean lenient) throws IOException {
        EvidenceEngine.OutputTarget target = () -> new BufferedOutputStream(Files.newOutputStream(part), 1 << 16);
        if (doc.format() == EvidenceFormat.CONSOLE) {
            try (OutputStream o = target.open()) {
                RedactionReport report = engine.sanitizeConsole(doc, o);
                return reportLines(doc.name(), "console log", report, null);
            }
        }
        if (doc.format() == EvidenceFormat.API_LOG) {
            try (OutputStream o = target.open()) {
                RedactionReport report = engine.sanitizeApiLog(doc, o);
                return reportLines(doc.name(), "API client log", report, null);
            }
        }
        if (doc.format() == EvidenceFormat.BATCH) {
            RedactionReport report = engine.sanitizeBatch(doc, target);
            return reportLines(doc.name(), "Batch file", report, null);
        }
        HarReadResult r = engine.sanitizeHar(doc, target, HarFindings.NONE, HarReadMode.lenientIf(lenient));
        return reportLines(doc.name(), r.summary().entryCount() + " entries", r.summary().redaction(),
                r.summary().partialReason());
    }

    static List<String> reportLines(String name, String size, RedactionReport report, String partialReason) {
        List<String> lines = new ArrayList<>();
        lines.add("sanitized " + name + ": " + size + ", " + report.total() + " secret value(s) redacted");
        if (partialReason != null) {
            lines.add("  partial: " + partialReason);
        }
        for (RedactionReport.Rule rule : report.rules()) {
            lines.add(String.format(Locale.ROOT, "  %-16s %-14s %7d  %s", rule.rule(), rule.kind().id(), rule.count(),
                    String.join(", ", rule.names())));
        }
        if (report.alreadySanitized()) {
            lines.add("  note: no cookies or Authorization in the input: it was already sanitized, so session evidence is missing");
        }
        for (String note : report.notes()) {
            lines.add("  note: " + note);
        }
        lines.add("  leftover check: passed (no secret shapes in the output)");
        return lines;
    }

    private static String memberName(EvidenceDocument doc) {
        String n = doc.name();
        int bang = n.indexOf("!/");
        String member = bang >= 0 ? n.substring(bang + 2) : Path.of(n).getFileName().toString();
        return member.replace('\\', '/').replaceAll("^/+", "").replace("../", "");
    }

    /**
     * The name once more with a number when the output zip has it already: an archive may hold two files of one
     * name, and shortened long names can meet.
     */
    static String unique(String name, java.util.Set<String> used) {
        String candidate = name;
        int dot = name.lastIndexOf('.');
        for (int n = 2; !used.add(candidate); n++) {
            candidate = dot > 0 ? name.substring(0, dot) + "-" + n + name.substring(dot) : name + "-" + n;
        }
        return candidate;
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a temporary file; the OS cleans its temp folder
        }
    }
}
