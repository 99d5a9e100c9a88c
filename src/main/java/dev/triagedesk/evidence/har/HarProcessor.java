package dev.triagedesk.evidence.har;

import dev.triagedesk.evidence.Creator;
import dev.triagedesk.evidence.EvidenceException;
import dev.triagedesk.evidence.HarPage;
import dev.triagedesk.evidence.HarSummary;
import dev.triagedesk.evidence.redact.LeftoverScan;
import dev.triagedesk.evidence.redact.RedactionReport;
import dev.triagedesk.evidence.redact.Redactor;
import dev.triagedesk.evidence.redact.Scope;
import dev.triagedesk.evidence.redact.SensitiveNames;
import dev.triagedesk.evidence.triage.EvidenceTally;
import dev.triagedesk.evidence.triage.Hosts;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.io.JsonStringEncoder;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One streaming pass over a HAR. It reads Jackson tokens and knows the HAR 1.2 structure (plus the browsers'
 * {@code _} fields), so it can skip what the analysis does not need without decoding it, and, when a sanitized
 * copy is wanted, write every token back out with secrets replaced where the structure says they are.
 *
 * <p>Why hand-written: a tree per entry would decode every body (a 200 KB base64 script per entry is common),
 * and a generic JSON sanitizer cannot know that a header's {@code value} is secret because of its sibling
 * {@code name}, or that a body must be parsed according to its {@code mimeType}.
 *
 * <p>Not thread-safe; one instance per document.
 */
public final class HarProcessor {

    /**
     * @param lenient on broken JSON, keep the complete entries read before the break instead of failing
     * @param maxBodyInMemory bodies longer than this (in chars) are redacted as a stream of text chunks rather
     *                        than parsed as JSON or form data
     * @param splitAbove a plain file whose entries take at least this many bytes is read by two threads, each
     *                   taking one half of the entries (see {@link EntryBoundary}); negative: never. Strict reads
     *                   only: a lenient read must know where the first break is.
     */
    public record Options(boolean lenient, int maxBodyInMemory, long splitAbove) {
        /** Large enough that a second thread is worth starting, small enough for most real captures of a bug. */
        public static final long SPLIT_ABOVE = 16L << 20;

        public Options(boolean lenient, int maxBodyInMemory) {
            this(lenient, maxBodyInMemory, lenient ? -1 : SPLIT_ABOVE);
        }

        public static Options strict() {
            return new Options(false, 4 << 20, SPLIT_ABOVE);
        }

        public static Options lenientDefaults() {
            return new Options(true, 4 << 20, -1);
        }

        /** The same, read by one thread. */
        public Options unsplit() {
            return new Options(lenient, maxBodyInMemory, -1);
        }
    }

    /**
     * Thrown when a split read met a problem after its halves were joined (broken JSON after the entries): its
     * location in the file is not known there, so the caller reads the document again with {@link Options#unsplit()}.
     */
    public static final class SplitFailed extends RuntimeException {
        SplitFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * The note on a capture that holds no request to the product's hosts: it shows another site, so whatever fails
     * in it says nothing about ChatGPT or the API.
     */
    public static final String NO_PRODUCT_REQUEST = "No request in this capture went to ChatGPT or the OpenAI API ("
            + Hosts.PRODUCT_HOST_NAMES + "): it shows another site, so its failures say"
            + " nothing about this one. Capture a HAR on the failing page itself.";

    /** The summary, and the evidence tally behind its verdict (to merge with a report's other evidence). */
    public record Result(HarSummary summary, EvidenceTally tally) {
    }

    /** Bytes of HAR this JVM has read, to tell whether the JIT has compiled the engine yet. */
    private static final java.util.concurrent.atomic.AtomicLong BYTES_READ = new java.util.concurrent.atomic.AtomicLong();
    private static final long COMPILED_AFTER = 256L << 20;
    private static final boolean QUICK_COMPILER = quickCompiler();

    /**
     * Whether a split read pays off in this JVM now. A split keeps both cores busy, and the C2 compiler needs one
     * of them for seconds to compile the engine: in a fresh JVM a split 1 GB read took longer than a whole one.
     * So splitting waits until this JVM has read a few hundred megabytes, unless it runs the C1 compiler alone
     * (the command-line launcher does), which compiles in milliseconds.
     */
    public static boolean splitPaysOff() {
        return QUICK_COMPILER || BYTES_READ.get() >= COMPILED_AFTER;
    }

    private static boolean quickCompiler() {
        try {
            var diagnostics = java.lang.management.ManagementFactory.getPlatformMXBean(
                    com.sun.management.HotSpotDiagnosticMXBean.class);
            return Integer.parseInt(diagnostics.getVMOption("TieredStopAtLevel").getValue()) < 4;
        } catch (RuntimeException notHotSpot) {
            return false;
        }
    }

    /** How many split reads were joined, for tests that must know a split really happened. */
    static final java.util.concurrent.atomic.AtomicLong JOINED_SPLITS = new java.util.concurrent.atomic.AtomicLong();

    static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(JsonReadLimits.WHOLE)
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .disable(StreamWriteFeature.AUTO_CLOSE_CONTENT)
            .build();
    private static final JsonFactory SECOND_HALF = JSON.rebuild().streamReadConstraints(JsonReadLimits.SECOND_HALF).build();
    // reads sub-trees in the middle of the stream, so what follows them is not "trailing"
    private static final JsonMapper TREES = JsonMapper.builder()
            .disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    /** How much of a failing response body is kept for error parsing and request-ID search. */
    private static final int BODY_CAPTURE = 256 * 1024;
    private static final int MAX_PAGES = 500;

    private final Redactor redactor;
    private final HarFindings findings;
    private final Options options;

    private JsonParser p;
    private JsonGenerator g;
    /** The input file, when the parser reads one unchanged: large bodies are then copied byte for byte. */
    private RawBytes raw;
    private UnitBuffer units;
    private EntryAnalysis analysis;
    private boolean holding;
    private boolean inLog;
    private boolean inEntries;
    private boolean sawLog;
    private boolean sawEntries;
    private int entryCount;
    private String version;
    private Creator creator;
    private Creator browser;
    private final List<HarPage> pages = new ArrayList<>();
    private long pageCount;
    private final List<String> notes = new ArrayList<>();
    /** Set when this processor reads the second half of a split HAR: the entries from one on, then their ']'. */
    private java.util.concurrent.atomic.AtomicBoolean cancelled;
    /** In the second half: where the entries array closes, in its parser's coordinates. */
    private long entriesEnd = -1;
    /** After a split: the stream of the second parser, which reads what follows the entries. */
    private InputStream afterSplit;

    public HarProcessor(Redactor redactor, HarFindings findings, Options options) {
        this.redactor = redactor;
        this.findings = findings;
        this.options = options;
    }

    /** Analyzes without writing anything; bodies are read only where an entry needs them. */
    public Result analyze(InputStream in, boolean jsonp) {
        return run(in, null, jsonp);
    }

    /** As {@link #analyze(InputStream, boolean)}, for a stream that reads {@code file} unchanged from {@code offset}. */
    public Result analyze(InputStream in, boolean jsonp, java.nio.file.Path file, long offset) {
        try (RawBytes bytes = new RawBytes(file, offset)) {
            raw = bytes;
            return run(in, null, jsonp);
        } finally {
            raw = null;
        }
    }

    /**
     * Analyzes and writes a sanitized copy to {@code out} (not closed). The copy is a valid HAR with the same
     * entries; when a lenient read breaks off, it holds the complete entries before the break.
     */
    public Result sanitize(InputStream in, OutputStream out, boolean jsonp) {
        return run(in, out, jsonp);
    }

    /**
     * As {@link #sanitize(InputStream, OutputStream, boolean)}, for a stream that reads {@code file} unchanged from
     * byte {@code offset} on: bodies are then skipped at scan speed and copied from the file when they need no
     * redaction (base64 assets, text without secrets), instead of being decoded and encoded again.
     */
    public Result sanitize(InputStream in, OutputStream out, boolean jsonp, java.nio.file.Path file, long offset) {
        try (RawBytes bytes = new RawBytes(file, offset)) {
            raw = bytes;
            return run(in, out, jsonp);
        } finally {
            raw = null;
        }
    }

    private Result run(InputStream in, OutputStream out, boolean jsonp) {
        analysis = new EntryAnalysis(redactor, findings);
        boolean partial = false;
        String partialReason = null;
        try {
            p = JSON.createParser(ObjectReadContext.empty(), in);
            if (out != null) {
                units = new UnitBuffer(out);
                g = JSON.createGenerator(ObjectWriteContext.empty(), units);
            }
            readRoot(jsonp);
            if (g != null) {
                g.flush();
                units.finish();
            }
        } catch (StreamConstraintsException e) {
            if (afterSplit != null) {
                throw new SplitFailed("a read limit passed after the entries of a split read", e);
            }
            throw JsonReadLimits.refused(e, p.currentLocation());
        } catch (StreamReadException e) {
            if (afterSplit != null) {
                throw new SplitFailed("broken JSON after the entries of a split read", e);
            }
            TokenStreamLocation at = e.getLocation();
            long line = at == null ? 0 : at.getLineNr();
            long column = at == null ? 0 : at.getColumnNr();
            String what = describe(e);
            if (!options.lenient() || entryCount == 0 && !sawLog) {
                throw new EvidenceException("broken JSON at line " + line + ", column " + column + ": " + what
                        + (options.lenient() ? " (nothing could be read before it)" : ""), line, column, e);
            }
            partial = true;
            long complete = analysis.entries();
            partialReason = "The file breaks off at line " + line + ", column " + column + " (" + what + "): "
                    + (complete == 1 ? "only the complete entry before the break was read."
                    : "only the " + complete + " complete entries before the break were read.");
            if (g != null) {
                closeAfterBreak();
            }
        } finally {
            if (p != null) {
                BYTES_READ.addAndGet(Math.max(0, p.currentLocation().getByteOffset()));
                p.close();
            }
            closeQuietly(afterSplit);
        }
        if (!sawLog) {
            throw new EvidenceException("not a HAR: the JSON has no \"log\" object");
        }
        if (!sawEntries && !partial) {
            throw new EvidenceException("not a HAR: the \"log\" object has no \"entries\" array");
        }
        boolean sanitizedBefore = analysis.alreadySanitized();
        if (sanitizedBefore) {
            notes.add("No cookies or Authorization headers anywhere in this capture: it was exported sanitized"
                    + " (Chrome's default since version 130) or stripped by a tool, so the sign-in session cannot"
                    + " be checked from it.");
        }
        if (analysis.entries() == 0 && !partial) {
            notes.add("The HAR holds no entries: the capture was probably started after the failure. Keep the"
                    + " network panel open, reload, reproduce, then export.");
        }
        if (analysis.entries() > 0 && analysis.productRequests() == 0) {
            notes.add(NO_PRODUCT_REQUEST);
        }
        RedactionReport report = out == null ? null : redactor.ledger().report(sanitizedBefore);
        HarSummary summary = new HarSummary(version, creator, browser, entryCount, pageCount, List.copyOf(pages),
                partial, partialReason, analysis.requestIds(), analysis.conversationUrls(), analysis.stats(),
                sanitizedBefore, List.copyOf(notes), report, analysis.verdict());
        return new Result(summary, analysis.tally());
    }

    /** Jackson's message, first line only, redacted (it can quote the offending token). */
    private String describe(StreamReadException e) {
        String m = e.getOriginalMessage();
        if (m == null) {
            m = "unreadable JSON";
        }
        int nl = m.indexOf('\n');
        if (nl > 0) {
            m = m.substring(0, nl);
        }
        if (m.length() > 200) {
            m = m.substring(0, 199) + "…";
        }
        return redactor.text(m);
    }

    /**
     * After a lenient break: drop the unit that was being written, and close the structures left open, so the
     * sanitized copy is valid JSON holding only complete entries.
     */
    private void closeAfterBreak() {
        try {
            g.flush();
            units.discard();
            StringBuilder closers = new StringBuilder();
            if (inEntries) {
                closers.append(']');
            }
            if (inLog) {
                closers.append('}');
            }
            closers.append('}');
            units.write(closers.toString().getBytes(StandardCharsets.US_ASCII));
            units.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------ structure

    private void readRoot(boolean jsonp) {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw new EvidenceException("not a HAR: it does not start with a JSON object");
        }
        if (g != null) {
            g.writeStartObject();
        }
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            if (name.equals("log") && t == JsonToken.START_OBJECT && !sawLog) {
                sawLog = true;
                if (g != null) {
                    writeName(name);
                }
                readLog();
            } else {
                beginUnit();
                writeName(name);
                copyOrSkip(name);
                commitUnit();
            }
        }
        if (g != null) {
            g.writeEndObject();
        }
        if (!jsonp) {
            try {
                if (p.nextToken() != null) {
                    extraContent(null);
                }
            } catch (StreamReadException | StreamConstraintsException e) {
                extraContent(e); // what follows the HAR is not read, whatever it holds
            }
        }
    }

    private void extraContent(JacksonException cause) {
        if (afterSplit != null) {
            throw new SplitFailed("extra content after the HAR in a split read", cause);
        }
        TokenStreamLocation at = p.currentLocation();
        String where = "line " + at.getLineNr() + ", column " + at.getColumnNr();
        if (!options.lenient()) {
            throw new EvidenceException("broken JSON at " + where + ": extra content after the end of the HAR",
                    at.getLineNr(), at.getColumnNr(), cause);
        }
        notes.add("Extra content after the end of the HAR (at " + where + ") was ignored.");
    }

    private static String tokenName(JsonToken t) {
        return switch (t) {
            case START_OBJECT -> "an object";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> String.valueOf(t);
        };
    }

    private void readLog() {
        inLog = true;
        if (g != null) {
            g.writeStartObject();
        }
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            if (name.equals("entries") && t == JsonToken.START_ARRAY) {
                sawEntries = true;
                writeName(name);
                readEntries();
                continue;
            }
            if (name.equals("entries")) {
                throw new EvidenceException("not a HAR: \"log.entries\" is " + tokenName(t) + ", not an array");
            }
            beginUnit();
            writeName(name);
            switch (name) {
                case "version" -> {
                    version = scalar();
                    writeText(t, version);
                }
                case "creator", "browser" -> {
                    JsonNode node = tree();
                    if (node != null && node.isObject()) {
                        Creator c = new Creator(text(node, "name"), text(node, "version"));
                        if (name.equals("creator")) {
                            creator = c;
                        } else {
                            browser = c;
                        }
                    }
                    writeTree(node, name);
                }
                case "pages" -> readPages();
                default -> copyOrSkip(name);
            }
            commitUnit();
        }
        if (g != null) {
            g.writeEndObject();
        }
        inLog = false;
    }

    private void readPages() {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            copyOrSkip("pages");
            return;
        }
        if (g != null) {
            g.writeStartArray();
        }
        while (p.nextToken() != JsonToken.END_ARRAY) {
            JsonNode page = tree();
            if (page != null && page.isObject()) {
                pageCount++;
                String rawTitle = text(page, "title");
                HarPage hp = new HarPage(text(page, "id"), redactor.text(rawTitle), text(page, "startedDateTime"));
                if (pages.size() < MAX_PAGES) {
                    pages.add(hp);
                }
                analysis.page(hp, rawTitle);
            }
            writeTree(page, "page");
        }
        if (g != null) {
            g.writeEndArray();
        }
    }

    private void readEntries() {
        inEntries = true;
        if (g != null) {
            g.writeStartArray();
        }
        SplitRead split = startSplit();
        try {
            while (p.nextToken() != JsonToken.END_ARRAY) {
                if (split != null) {
                    long at = p.currentTokenLocation().getByteOffset();
                    if (at >= split.at()) {
                        SplitRead.Half half = at == split.at() && p.currentToken() == JsonToken.START_OBJECT
                                ? split.join() : null;
                        split.close();
                        split = null;
                        if (half != null) {
                            takeOver(half);
                            break;
                        }
                    }
                }
                if (cancelled != null && cancelled.get()) {
                    throw new SplitRead.Cancelled();
                }
                beginUnit();
                if (p.currentToken() == JsonToken.START_OBJECT) {
                    readEntry(new EntryFacts(entryCount));
                } else {
                    copyOrSkip("entry");
                }
                entryCount++;
                commitUnit();
            }
        } finally {
            if (split != null) {
                split.close();
            }
        }
        if (cancelled != null) {
            entriesEnd = p.currentTokenLocation().getByteOffset();
        }
        if (g != null) {
            g.writeEndArray();
        }
        inEntries = false;
    }

    // ------------------------------------------------------------------ split reads

    /** Starts a second thread on the second half of the entries, when the file is large enough; or null. */
    private SplitRead startSplit() {
        if (raw == null || cancelled != null || afterSplit != null || options.lenient() || options.splitAbove() < 0) {
            return null;
        }
        long start = p.currentTokenLocation().getByteOffset() + 1;
        long end = raw.size();
        if (end - start < Math.max(1, options.splitAbove())) {
            return null;
        }
        long at = EntryBoundary.find(raw, start + (end - start) / 2, end);
        if (at <= start) {
            return null;
        }
        Redactor ownRedactor = redactor.sibling();
        boolean sanitizing = g != null;
        boolean scanned = sanitizing && units.scanning();
        RawBytes file = raw;
        return SplitRead.start(at, stop -> readSecondHalf(file, at, ownRedactor, stop, sanitizing, scanned));
    }

    /** Runs in the second thread: the entries from byte {@code at} on, with a redactor and findings of its own. */
    private SplitRead.Half readSecondHalf(RawBytes file, long at, Redactor ownRedactor,
                                          java.util.concurrent.atomic.AtomicBoolean stop, boolean sanitizing,
                                          boolean scanned) {
        HeldFindings held = new HeldFindings();
        HarProcessor half = new HarProcessor(ownRedactor, held, options.unsplit());
        half.cancelled = stop;
        HeldOutput output = sanitizing ? new HeldOutput() : null;
        dev.triagedesk.evidence.redact.LeftoverScan scan = scanned ? new dev.triagedesk.evidence.redact.LeftoverScan() : null;
        // the half's parser starts at a '[' of its own: its byte 1 is byte `at` of this parser
        try (RawBytes halfRaw = file.shifted(at - 1);
             InputStream in = new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(new byte[] {'['}),
                     file.streamFrom(at))) {
            OutputStream out = output == null ? null : scan == null ? output : scan.wrap(output);
            half.readEntriesAlone(in, out, halfRaw);
            return new SplitRead.Half(half, held, ownRedactor, output, scan, at - 1 + half.entriesEnd);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            if (output != null) {
                output.discard();
            }
            throw e;
        }
    }

    /** The second half's reading: an array of entries, written as one when sanitizing. */
    private void readEntriesAlone(InputStream in, OutputStream out, RawBytes halfRaw) {
        analysis = new EntryAnalysis(redactor, findings);
        raw = halfRaw;
        try {
            p = SECOND_HALF.createParser(ObjectReadContext.empty(), in);
            if (out != null) {
                units = new UnitBuffer(out);
                g = JSON.createGenerator(ObjectWriteContext.empty(), units);
            }
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw new IllegalStateException("the second half does not start with its '['");
            }
            readEntries();
            if (g != null) {
                g.flush();
            }
        } finally {
            if (p != null) {
                p.close();
            }
            raw = null;
        }
    }

    /**
     * Joins the second half, read to the end of the entries by the other thread: its output follows this one's
     * entries, its findings follow this one's (indexes moved), its analysis and redactions join this one's, and a
     * second parser goes on after the entries.
     */
    private void takeOver(SplitRead.Half half) {
        HarProcessor other = half.processor();
        JOINED_SPLITS.incrementAndGet();
        try {
            if (g != null) {
                g.flush();
                units.write(',');
                // the half was written as an array: everything between its '[' and ']'
                try (InputStream held = half.output().read()) {
                    held.skipNBytes(1);
                    units.writeScanned(held, half.output().length() - 2, half.scan(), 1);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (half.output() != null) {
                half.output().discardInBackground();
            }
        }
        int offset = entryCount;
        analysis.merge(other.analysis, offset);
        half.findings().replay(findings, offset, g == null ? redactor : null);
        entryCount += other.entryCount;
        for (String note : other.notes) {
            if (!notes.contains(note)) {
                notes.add(note);
            }
        }
        redactor.absorb(half.redactor());
        continueAfter(half.entriesEnd());
        raw = null; // the second parser's offsets are not the file's: bodies after this are read the usual way
    }

    /**
     * Replaces the parser with one that reads from the entries' closing ']' on, in the same nesting (root, log,
     * entries): what follows the entries is read as if nothing had happened.
     */
    private void continueAfter(long closingBracket) {
        byte[] nesting = "{\"log\":{\"entries\":[".getBytes(StandardCharsets.US_ASCII);
        try {
            afterSplit = new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(nesting),
                    raw.streamFrom(closingBracket));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonParser next = JSON.createParser(ObjectReadContext.empty(), afterSplit);
        JsonToken[] expected = {JsonToken.START_OBJECT, JsonToken.PROPERTY_NAME, JsonToken.START_OBJECT,
            JsonToken.PROPERTY_NAME, JsonToken.START_ARRAY, JsonToken.END_ARRAY};
        for (JsonToken t : expected) {
            if (next.nextToken() != t) {
                next.close();
                throw new SplitFailed("the entries do not end where the second half said", null);
            }
        }
        p.close();
        p = next;
    }

    private static void closeQuietly(java.io.Closeable c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // only read from
            }
        }
    }

    private void readEntry(EntryFacts f) {
        if (g != null) {
            g.writeStartObject();
        }
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            writeName(name);
            switch (name) {
                case "request" -> {
                    if (t == JsonToken.START_OBJECT) {
                        readRequest(f);
                    } else {
                        copyOrSkip(name);
                    }
                }
                case "response" -> {
                    if (t == JsonToken.START_OBJECT) {
                        readResponse(f);
                    } else {
                        copyOrSkip(name);
                    }
                }
                case "startedDateTime" -> {
                    f.startedAt = scalar();
                    keep(t, f.startedAt);
                }
                case "time" -> {
                    String raw = scalar();
                    f.time = parseDouble(raw);
                    keep(t, raw);
                }
                case "_resourceType" -> {
                    f.resourceType = scalar();
                    keep(t, f.resourceType);
                }
                case "serverIPAddress" -> {
                    f.serverIp = scalar();
                    keep(t, f.serverIp);
                }
                case "_error" -> {
                    String e = scalar();
                    if (e != null && !e.isBlank()) {
                        f.netErrorText = e;
                    }
                    writeText(t, e);
                }
                case "_securityDetails" -> {
                    JsonNode details = tree();
                    if (details != null && details.isObject()) {
                        f.issuer = text(details, "issuer");
                    }
                    writeTree(details, name);
                }
                case "_webSocketMessages" -> readWebSocketMessages();
                default -> copyOrSkip(name);
            }
        }
        if (g != null) {
            g.writeEndObject();
        }
        analysis.entry(f);
    }

    /**
     * The request's {@code url} is written last, after the headers and cookies: a cookie echoed in the same
     * request's URL is then already known to the redactor as a secret.
     */
    private void readRequest(EntryFacts f) {
        if (g != null) {
            g.writeStartObject();
        }
        boolean sawUrl = false;
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            if (name.equals("url")) {
                f.url = scalar();
                sawUrl = true;
                continue;
            }
            writeName(name);
            switch (name) {
                case "method" -> {
                    f.method = scalar();
                    keep(t, f.method);
                }
                case "headers" -> readHeaders(f, false);
                case "cookies" -> readCookies(f, false);
                case "queryString" -> readParams(Scope.QUERY);
                case "postData" -> {
                    if (t == JsonToken.START_OBJECT) {
                        readBody(f, true);
                    } else {
                        copyOrSkip(name);
                    }
                }
                default -> copyOrSkip(name);
            }
        }
        if (g != null) {
            if (sawUrl) {
                f.sanitizedUrl = redactor.url(f.url);
                writeName("url");
                writeString(f.sanitizedUrl);
            }
            g.writeEndObject();
        }
    }

    private void readResponse(EntryFacts f) {
        redactor.inResponseTo(f.url, f.status); // its error codes are told from sign-in codes by status and URL
        if (g != null) {
            g.writeStartObject();
        }
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            writeName(name);
            switch (name) {
                case "status" -> {
                    String raw = scalar();
                    f.status = parseStatus(raw);
                    redactor.inResponseTo(f.url, f.status);
                    keep(t, raw);
                }
                case "statusText" -> {
                    f.statusText = scalar();
                    writeText(t, f.statusText);
                }
                case "headers" -> readHeaders(f, true);
                case "cookies" -> readCookies(f, true);
                case "content" -> {
                    if (t == JsonToken.START_OBJECT) {
                        readBody(f, false);
                    } else {
                        copyOrSkip(name);
                    }
                }
                case "redirectURL" -> {
                    String u = scalar();
                    if (g != null) {
                        writeString(redactor.url(u));
                    }
                }
                case "_error", "_failureText" -> {
                    String e = scalar();
                    if (e != null && !e.isBlank()) {
                        f.netErrorText = e;
                    }
                    writeText(t, e);
                }
                default -> copyOrSkip(name);
            }
        }
        if (g != null) {
            g.writeEndObject();
        }
    }

    // ------------------------------------------------------------------ headers, cookies, parameters

    private void readHeaders(EntryFacts f, boolean response) {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            copyOrSkip("headers");
            return;
        }
        if (g != null) {
            g.writeStartArray();
        }
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                copyOrSkip("header");
                continue;
            }
            String name = null;
            String value = null;
            List<FlatField> extra = null;
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                if (field.equals("name")) {
                    name = scalar();
                } else if (field.equals("value")) {
                    // analysis alone reads only the values it uses; the others are skipped undecoded
                    if (g != null || name == null || EntryFacts.interesting(lowerName(name))) {
                        value = scalar();
                    } else if (t.isStructStart()) {
                        p.skipChildren();
                    }
                } else if (g != null && t.isScalarValue()) {
                    if (extra == null) {
                        extra = new ArrayList<>(2);
                    }
                    extra.add(new FlatField(field, scalarText(t), t, null));
                } else if (t.isStructStart()) {
                    p.skipChildren();
                }
            }
            String lower = name == null ? null : lowerName(name);
            if (name != null && value != null) {
                f.header(lower, value, response);
                if (g == null) {
                    redactor.learnCredential(lower, value); // so echoes of it in failing URLs are redacted
                }
            }
            if (g != null) {
                g.writeStartObject();
                if (name != null) {
                    writeName("name");
                    g.writeString(name);
                }
                writeName("value");
                writeString(redactor.header(name, lower, value, response));
                writeFlat(extra);
                g.writeEndObject();
            }
        }
        if (g != null) {
            g.writeEndArray();
        }
    }

    private void readCookies(EntryFacts f, boolean response) {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            copyOrSkip("cookies");
            return;
        }
        if (g != null) {
            g.writeStartArray();
        }
        while (p.nextToken() != JsonToken.END_ARRAY) {
            f.cookieOrAuth = true;
            if (g == null || p.currentToken() != JsonToken.START_OBJECT) {
                copyOrSkip("cookie");
                continue;
            }
            List<FlatField> fields = readFlat();
            String cookieName = valueOf(fields, "name");
            g.writeStartObject();
            for (FlatField ff : fields) {
                writeName(ff.name());
                if (ff.name().equals("value") && ff.type() == JsonToken.VALUE_STRING) {
                    writeString(redactor.cookieValue(cookieName, ff.text(), response));
                } else {
                    writeFlatValue(ff);
                }
            }
            g.writeEndObject();
        }
        if (g != null) {
            g.writeEndArray();
        }
    }

    /** {@code queryString} and {@code postData.params}: arrays of {name, value}. */
    private void readParams(Scope scope) {
        if (g == null || p.currentToken() != JsonToken.START_ARRAY) {
            copyOrSkip("params");
            return;
        }
        g.writeStartArray();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                copyOrSkip("param");
                continue;
            }
            List<FlatField> fields = readFlat();
            String paramName = valueOf(fields, "name");
            g.writeStartObject();
            for (FlatField ff : fields) {
                writeName(ff.name());
                if (ff.name().equals("value") && ff.type() == JsonToken.VALUE_STRING) {
                    writeString(redactor.parameter(paramName, ff.text(), scope));
                } else {
                    writeFlatValue(ff);
                }
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private void readWebSocketMessages() {
        if (g == null || p.currentToken() != JsonToken.START_ARRAY) {
            copyOrSkip("_webSocketMessages");
            return;
        }
        g.writeStartArray();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                copyOrSkip("message");
                continue;
            }
            List<FlatField> fields = readFlat();
            boolean sent = "send".equals(valueOf(fields, "type"));
            g.writeStartObject();
            for (FlatField ff : fields) {
                writeName(ff.name());
                if (ff.name().equals("data") && ff.type() == JsonToken.VALUE_STRING) {
                    writeString(redactor.body(null, ff.text(), sent));
                } else {
                    writeFlatValue(ff);
                }
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    // ------------------------------------------------------------------ bodies

    /**
     * {@code postData} or {@code content}. The {@code text} is read only when it is needed: always when
     * sanitizing, and for analysis only when the entry failed or is an event stream. When sanitizing, the object
     * is held until its end so the {@code mimeType} and {@code encoding} (Chrome writes it after the text) are
     * known; a body too large for memory is streamed instead.
     */
    private void readBody(EntryFacts f, boolean request) {
        List<FlatField> fields = new ArrayList<>(6);
        String mime = null;
        String encoding = null;
        String text = null;
        BodyCapture capture = null;
        TextSink sink = null;
        List<List<FlatField>> params = null;
        long[] region = null;
        JsonToken next = p.nextToken();
        while (next == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            JsonToken lookahead = null;
            switch (name) {
                case "mimeType" -> {
                    mime = scalar();
                    if (request) {
                        f.requestJson |= mime != null && mime.contains("json");
                    } else {
                        f.mime = mime == null ? null : mime.toLowerCase(Locale.ROOT);
                    }
                    field(fields, sink, name, t);
                }
                case "encoding" -> {
                    encoding = scalar();
                    field(fields, sink, name, t);
                }
                case "text" -> {
                    if (t != JsonToken.VALUE_STRING) {
                        field(fields, sink, name, t);
                        break;
                    }
                    boolean analyze = !request && f.needsBody();
                    if (analyze) {
                        String m = f.mime != null ? f.mime : f.contentType;
                        capture = new BodyCapture(BODY_CAPTURE, m != null && m.contains("event-stream"));
                    }
                    if (g == null && analyze && raw != null) {
                        // skip it undecoded; its bytes are looked at once the encoding is known (see below)
                        long start = p.currentTokenLocation().getByteOffset();
                        lookahead = p.nextToken();
                        region = new long[] {start, raw.endOfStringBefore(p.currentTokenLocation().getByteOffset())};
                    } else if (g == null) {
                        if (capture != null) {
                            p.readString(capture);
                            capture.close();
                        }
                    } else if (raw != null) {
                        // let Jackson skip the string undecoded; its bytes are read from the file when written,
                        // and the analysis gets the text decoded then (see below)
                        long start = p.currentTokenLocation().getByteOffset();
                        lookahead = p.nextToken();
                        region = new long[] {start, raw.endOfStringBefore(p.currentTokenLocation().getByteOffset())};
                        fields.add(FlatField.TEXT);
                    } else {
                        sink = new TextSink(fields, request, capture);
                        p.readString(sink);
                        if (capture != null) {
                            capture.close();
                        }
                        text = sink.inMemory();
                        if (text != null) {
                            fields.add(FlatField.TEXT);
                        }
                    }
                }
                case "params" -> {
                    if (g != null && t == JsonToken.START_ARRAY) {
                        params = new ArrayList<>();
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            if (p.currentToken() == JsonToken.START_OBJECT) {
                                params.add(readFlat());
                            } else {
                                p.skipChildren();
                            }
                        }
                        fields.add(FlatField.PARAMS);
                        if (sink != null && sink.streaming()) {
                            writeParams(params);
                        }
                    } else {
                        p.skipChildren();
                    }
                }
                default -> field(fields, sink, name, t);
            }
            next = lookahead != null ? lookahead : p.nextToken();
        }
        boolean base64 = encoding != null && encoding.equalsIgnoreCase("base64");
        if (capture != null && region == null) {
            f.body = base64 ? decodeBase64Text(capture.text(), true) : capture.text();
            f.bodyTruncated = capture.truncated();
            f.stream = capture.stream();
            if (base64 && f.stream != null && f.body != null) {
                EventStreamScanner rescan = new EventStreamScanner();
                rescan.accept(f.body);
                rescan.finish();
                f.stream = rescan;
            }
        }
        if (g == null) {
            if (region != null) {
                analyzeRaw(f, capture, region, base64);
            }
            return;
        }
        if (sink != null && sink.streaming()) {
            g.writeEndObject(); // everything else was written as it came
            return;
        }
        String outText = text;
        boolean dropEncoding = false;
        RawText rawText = null;
        if (region != null) {
            rawText = decideRaw(region, mime, base64, request);
            outText = rawText.text();
            dropEncoding = rawText.dropEncoding();
            if (capture != null) {
                captureRaw(f, capture, region, rawText, base64);
            }
        } else if (text != null) {
            if (base64) {
                String decoded = textual(mime) ? decodeBase64Text(text, false) : null;
                if (decoded != null) {
                    String red = redactor.body(mime, decoded, request);
                    if (red != decoded) {
                        outText = red;
                        dropEncoding = true; // a replaced body is plain text now
                    }
                } else if (!LeftoverScan.isBase64(text)) {
                    outText = redactor.body(mime, text, request); // declared base64, but text: redacted as text
                }
            } else {
                outText = redactor.body(mime, text, request);
            }
        }
        g.writeStartObject();
        for (FlatField ff : fields) {
            if (ff == FlatField.TEXT) {
                writeName("text");
                if (rawText != null && rawText.bytes() != null) {
                    writeRaw(rawText.bytes(), rawText.length(), rawText.base64(), mime, request);
                } else if (outText != null) {
                    g.writeString(outText);
                } else {
                    streamRegion(region, request);
                }
            } else if (ff == FlatField.PARAMS) {
                writeParams(params);
            } else if (ff.name().equals("encoding") && dropEncoding) {
                continue;
            } else {
                writeName(ff.name());
                if (ff.tree() != null) {
                    writeTree(ff.tree(), ff.name());
                } else if (ff.type() == JsonToken.VALUE_STRING && !ff.name().equals("mimeType")
                        && !ff.name().equals("encoding")) {
                    writeString(redactor.text(ff.text()));
                } else {
                    writeFlatValue(ff);
                }
            }
        }
        g.writeEndObject();
    }

    /**
     * How a body read as raw bytes goes out: its original bytes ({@code base64} says they should be a base64
     * literal, which the leftover scan then checks more cheaply), a redacted text, or (neither) streamed.
     */
    private record RawText(byte[] bytes, int length, boolean base64, String text, boolean dropEncoding, String decoded) {
        static RawText streamed() {
            return new RawText(null, 0, false, null, false, null);
        }

        static RawText original(byte[] bytes, int length, boolean base64, String decoded) {
            return new RawText(bytes, length, base64, null, false, decoded);
        }

        static RawText replaced(String text, boolean dropEncoding, String decoded) {
            return new RawText(null, 0, false, text, dropEncoding, decoded);
        }
    }

    /**
     * Decides how a body held as a byte range of the input goes out. Binary base64 is copied as it is; text is
     * decoded, redacted, and copied as it was when nothing in it was secret.
     */
    private RawText decideRaw(long[] region, String mime, boolean base64, boolean request) {
        long len = region[1] - region[0];
        if (len > (long) options.maxBodyInMemory() + 2) {
            return RawText.streamed();
        }
        int n = (int) len;
        byte[] bytes = raw.readReusing(region[0], region[1]);
        if (base64) {
            if (!textual(mime) || binaryBase64(bytes, n)) {
                return RawText.original(bytes, n, true, null);
            }
            String decoded = decodeBase64Text(JsonStringLiteral.decode(bytes, n), false);
            if (decoded == null) {
                return RawText.original(bytes, n, true, null); // binary after all
            }
            String red = redactor.body(mime, decoded, request);
            return red == decoded ? RawText.original(bytes, n, true, decoded) : RawText.replaced(red, true, decoded);
        }
        String text = JsonStringLiteral.decode(bytes, n);
        String red = redactor.body(mime, text, request);
        return red == text ? RawText.original(bytes, n, false, text) : RawText.replaced(red, false, text);
    }

    /**
     * The body of an entry being analyzed (not sanitized) from a file: a successful event stream whose bytes do
     * not even contain "error" or "failed" is left undecoded, which is most of a ChatGPT capture.
     */
    private void analyzeRaw(EntryFacts f, BodyCapture capture, long[] region, boolean base64) {
        long len = region[1] - region[0];
        if (len > BODY_CAPTURE * 8L) {
            readRegion(region, capture);
        } else {
            byte[] bytes = raw.readReusing(region[0], region[1]);
            int n = (int) len;
            if (!f.failing() && !base64) {
                String ascii = new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
                if (ascii.indexOf("error") < 0 && ascii.indexOf("failed") < 0) {
                    return; // an event stream without error events
                }
            }
            capture.write(JsonStringLiteral.decode(bytes, n));
        }
        capture.close();
        f.body = base64 ? decodeBase64Text(capture.text(), true) : capture.text();
        f.bodyTruncated = capture.truncated();
        f.stream = capture.stream();
        if (base64 && f.stream != null && f.body != null) {
            EventStreamScanner rescan = new EventStreamScanner();
            rescan.accept(f.body);
            rescan.finish();
            f.stream = rescan;
        }
    }

    /** Gives the analysis the body of a raw-mode entry: the text already decoded, or read again when streamed. */
    private void captureRaw(EntryFacts f, BodyCapture capture, long[] region, RawText rawText, boolean base64) {
        if (rawText.decoded() != null) {
            capture.write(rawText.decoded());
        } else if (rawText.bytes() == null) {
            readRegion(region, capture); // streamed: too large for memory
        } else {
            return; // binary
        }
        capture.close();
        f.body = base64 && rawText.decoded() == null ? decodeBase64Text(capture.text(), true) : capture.text();
        f.bodyTruncated = capture.truncated();
        f.stream = capture.stream();
    }

    /** The value of a JSON string literal given as bytes. */
    private static String stringOf(byte[] literal) {
        return JsonStringLiteral.decode(literal);
    }

    /**
     * Whether the start of a base64 literal already decodes to binary data (then the rest need not be decoded):
     * control bytes other than white space do not occur in text.
     */
    private static boolean binaryBase64(byte[] literal, int length) {
        int n = Math.min(length - 1, 1 + 344); // 344 base64 characters = 258 bytes
        n = 1 + ((n - 1) / 4) * 4;
        if (n < 65) {
            return false;
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(java.util.Arrays.copyOfRange(literal, 1, n));
        } catch (IllegalArgumentException notPlainBase64) {
            return false; // line breaks or escapes: let the full decode judge
        }
        int controls = 0;
        for (byte b : decoded) {
            if (b >= 0 && b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f') {
                controls++;
            }
        }
        return controls > decoded.length / 50 + 1;
    }

    /**
     * Writes a JSON string literal as its original bytes (the generator writes the separator first). A literal
     * declared base64 that is not (a hand-edited capture can hold plain text there, secrets included) is redacted as
     * the text it is: the leftover scan would otherwise refuse the whole file.
     */
    private void writeRaw(byte[] literal, int length, boolean base64, String mime, boolean request) {
        g.writeRawValue("");
        g.flush();
        try {
            if (!base64) {
                units.write(literal, 0, length);
            } else if (!units.writeBase64Literal(literal, length)) {
                String text = JsonStringLiteral.decode(literal, length);
                String red = redactor.body(mime, text, request);
                if (red == text) {
                    units.write(literal, 0, length);
                } else {
                    units.write('"');
                    units.write(JsonStringEncoder.getInstance().quoteAsUTF8(red));
                    units.write('"');
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Feeds the string at {@code region} of the input to {@code sink}, in chunks. */
    private void readRegion(long[] region, Writer sink) {
        try (InputStream in = raw.stream(region[0], region[1]);
             JsonParser mini = JSON.createParser(ObjectReadContext.empty(), in)) {
            mini.nextToken();
            mini.readString(sink);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A body too large for memory: redacted chunk by chunk on its way out. */
    private void streamRegion(long[] region, boolean request) {
        LargeStringOutput out = new LargeStringOutput(g, redactor, request ? "request-body" : "response-body");
        readRegion(region, out);
        out.close();
        notes.add("Bodies larger than " + (options.maxBodyInMemory() >> 20) + " M characters were redacted"
                + " as text, not parsed as JSON.");
    }

    /** Records a body-object field: held in {@code fields}, or written at once when the body is streaming. */
    private void field(List<FlatField> fields, TextSink sink, String name, JsonToken t) {
        if (g == null) {
            if (t.isStructStart()) {
                p.skipChildren();
            }
            return;
        }
        FlatField ff = t.isStructStart() ? new FlatField(name, null, t, tree()) : new FlatField(name, scalarText(t), t, null);
        if (sink != null && sink.streaming()) {
            writeName(name);
            if (ff.tree() != null) {
                writeTree(ff.tree(), name);
            } else {
                writeFlatValue(ff);
            }
        } else {
            fields.add(ff);
        }
    }

    private void writeParams(List<List<FlatField>> params) {
        writeName("params");
        g.writeStartArray();
        for (List<FlatField> param : params) {
            String paramName = valueOf(param, "name");
            g.writeStartObject();
            for (FlatField ff : param) {
                writeName(ff.name());
                if (ff.name().equals("value") && ff.type() == JsonToken.VALUE_STRING) {
                    writeString(redactor.parameter(paramName, ff.text(), Scope.FORM));
                } else {
                    writeFlatValue(ff);
                }
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /**
     * Receives a body's text from {@code readString}: keeps it in memory up to the limit; past the limit it
     * writes the held fields and switches to streaming the text straight to the output.
     */
    private final class TextSink extends Writer {
        private final List<FlatField> heldFields;
        private final boolean request;
        private final BodyCapture capture;
        private final StringBuilder memory = new StringBuilder();
        private LargeStringOutput stream;

        TextSink(List<FlatField> heldFields, boolean request, BodyCapture capture) {
            this.heldFields = heldFields;
            this.request = request;
            this.capture = capture;
        }

        @Override
        public void write(char[] c, int off, int n) {
            if (capture != null) {
                capture.write(c, off, n);
            }
            if (stream != null) {
                stream.write(c, off, n);
                return;
            }
            if (memory.length() + n <= options.maxBodyInMemory()) {
                memory.append(c, off, n);
                return;
            }
            // too large to parse as a whole: write what is held, then stream
            g.writeStartObject();
            for (FlatField ff : heldFields) {
                writeName(ff.name());
                if (ff.tree() != null) {
                    writeTree(ff.tree(), ff.name());
                } else {
                    writeFlatValue(ff);
                }
            }
            writeName("text");
            stream = new LargeStringOutput(g, redactor, request ? "request-body" : "response-body");
            stream.begin(memory);
            memory.setLength(0);
            memory.trimToSize();
            stream.write(c, off, n);
            notes.add("Bodies larger than " + (options.maxBodyInMemory() >> 20) + " M characters were redacted"
                    + " as text, not parsed as JSON.");
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        boolean streaming() {
            return stream != null;
        }

        /** The text when it fit in memory; null when it was streamed (and is already written, closed here). */
        String inMemory() {
            if (stream != null) {
                stream.close();
                return null;
            }
            return memory.toString();
        }
    }

    private static boolean textual(String mime) {
        if (mime == null || mime.isBlank()) {
            return true; // unknown: decode and look
        }
        String m = mime.toLowerCase(Locale.ROOT);
        return m.startsWith("text/") || m.contains("json") || m.contains("javascript") || m.contains("ecmascript")
                || m.contains("xml") || m.contains("html") || m.contains("event-stream") || m.contains("form-urlencoded")
                || m.contains("graphql") || m.contains("csv");
    }

    /** Decodes base64 holding UTF-8 text; null when it is not base64 or decodes to binary data. */
    static String decodeBase64Text(String b64, boolean prefixOnly) {
        if (b64 == null) {
            return null;
        }
        if (!prefixOnly && b64.length() > 2048 && decodeBase64Text(b64.substring(0, 1024), true) == null) {
            return null; // the first 768 bytes are already binary: do not decode the rest
        }
        String s = b64;
        if (prefixOnly) {
            StringBuilder clean = new StringBuilder(b64.length());
            for (int i = 0; i < b64.length(); i++) {
                char c = b64.charAt(i);
                if (c != '\n' && c != '\r') {
                    clean.append(c);
                }
            }
            int usable = clean.length() - clean.length() % 4;
            s = clean.substring(0, usable);
        }
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(s);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(prefixOnly ? CodingErrorAction.REPLACE : CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            int controls = 0;
            for (int i = 0; i < chars.length(); i++) {
                char c = chars.charAt(i);
                if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
                    controls++;
                }
            }
            return controls > chars.length() / 50 + 1 ? null : chars.toString();
        } catch (CharacterCodingException binary) {
            return null;
        }
    }

    // ------------------------------------------------------------------ token helpers

    /** An object of scalars, read whole (cookies, parameters, WebSocket messages); nested values are dropped. */
    private List<FlatField> readFlat() {
        List<FlatField> fields = new ArrayList<>(6);
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            if (t.isStructStart()) {
                fields.add(new FlatField(name, null, t, tree()));
            } else {
                fields.add(new FlatField(name, scalarText(t), t, null));
            }
        }
        return fields;
    }

    private String scalarText(JsonToken t) {
        return t == JsonToken.VALUE_NULL ? null : p.getString();
    }

    private static String valueOf(List<FlatField> fields, String name) {
        for (FlatField ff : fields) {
            if (ff.name().equals(name) && ff.type() == JsonToken.VALUE_STRING) {
                return ff.text();
            }
        }
        return null;
    }

    private void writeFlat(List<FlatField> fields) {
        if (fields == null) {
            return;
        }
        for (FlatField ff : fields) {
            writeName(ff.name());
            writeFlatValue(ff);
        }
    }

    private void writeFlatValue(FlatField ff) {
        if (ff.tree() != null) {
            writeTree(ff.tree(), ff.name());
            return;
        }
        switch (ff.type()) {
            case VALUE_STRING -> writeString(ff.name().equals("mimeType") || ff.name().equals("encoding")
                    ? ff.text() : redactor.text(ff.text()));
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> g.writeNumber(ff.text());
            case VALUE_TRUE -> g.writeBoolean(true);
            case VALUE_FALSE -> g.writeBoolean(false);
            default -> g.writeNull();
        }
    }

    private static String lowerName(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** The current scalar as text, or null; a structure where a scalar belongs is consumed and read as null. */
    private String scalar() {
        JsonToken t = p.currentToken();
        if (t == null || t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t.isStructStart()) {
            p.skipChildren();
            return null;
        }
        return p.getString();
    }

    private static double parseDouble(String raw) {
        if (raw == null) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(raw.trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** HTTP status; some writers use strings or floats, a few write null for "no response". */
    private static Integer parseStatus(String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return (int) Double.parseDouble(raw.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Writes back a scalar read with {@link #scalar()} exactly as it was ({@code t} is its token). */
    private void keep(JsonToken t, String raw) {
        if (g == null) {
            return;
        }
        if (raw == null) {
            g.writeNull();
            return;
        }
        switch (t) {
            case VALUE_STRING -> g.writeString(raw);
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> g.writeNumber(raw);
            case VALUE_TRUE, VALUE_FALSE -> g.writeBoolean(t == JsonToken.VALUE_TRUE);
            default -> g.writeNull();
        }
    }

    /** Writes back free text (statusText, _error) after redaction; other scalars as they were. */
    private void writeText(JsonToken t, String raw) {
        if (g == null) {
            return;
        }
        keep(t, t == JsonToken.VALUE_STRING && raw != null ? redactor.text(raw) : raw);
    }

    private JsonNode tree() {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        return TREES.readTree(p);
    }

    private static String text(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.isContainer() ? null : v.asString();
    }

    private void writeName(String name) {
        if (g != null) {
            g.writeName(names.of(name));
        }
    }

    private final dev.triagedesk.evidence.redact.EncodedNames names = new dev.triagedesk.evidence.redact.EncodedNames();

    private void writeString(String s) {
        if (s == null) {
            g.writeNull();
        } else {
            g.writeString(s);
        }
    }

    /** Writes free text after redaction; used for fields such as statusText and _error. */
    private void writeText(String s) {
        if (g == null) {
            return;
        }
        if (p.currentToken().isStructStart()) {
            copyOrSkip("value");
            return;
        }
        if (s == null) {
            g.copyCurrentEvent(p);
        } else if (p.currentToken() == JsonToken.VALUE_STRING) {
            g.writeString(redactor.text(s));
        } else {
            g.copyCurrentEventExact(p);
        }
    }

    private void copyExact() {
        if (g == null) {
            return;
        }
        if (p.currentToken().isStructStart()) {
            copyOrSkip("value");
        } else {
            g.copyCurrentEventExact(p);
        }
    }

    /** Copies the current value with generic redaction (names and text), or skips it when only analyzing. */
    private void copyOrSkip(String name) {
        if (g == null) {
            if (p.currentToken().isStructStart()) {
                p.skipChildren();
            }
            return;
        }
        redactor.copyJson(p, g, SensitiveNames.classify(name, Scope.JSON_RESPONSE), name, Scope.JSON_RESPONSE);
    }

    private void writeTree(JsonNode node, String name) {
        if (g == null) {
            return;
        }
        if (node == null) {
            g.writeNull();
            return;
        }
        try (JsonParser tp = TREES.treeAsTokens(node)) {
            tp.nextToken();
            redactor.copyJson(tp, g, SensitiveNames.classify(name, Scope.JSON_RESPONSE), name, Scope.JSON_RESPONSE);
        } catch (JacksonException e) {
            throw new IllegalStateException("cannot re-read a node just parsed", e);
        }
    }

    private void beginUnit() {
        if (g != null && options.lenient()) {
            g.flush();
            units.begin();
            holding = true;
        }
    }

    private void commitUnit() {
        if (holding) {
            g.flush();
            try {
                units.commit();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            holding = false;
        }
    }

    /**
     * A scalar or small structure read ahead of writing. The two constants mark where a body's held
     * {@code text} and its {@code params} go in the field order (compared by identity).
     */
    private record FlatField(String name, String text, JsonToken type, JsonNode tree) {
        static final FlatField TEXT = new FlatField("text", null, JsonToken.VALUE_STRING, null);
        static final FlatField PARAMS = new FlatField("params", null, JsonToken.START_ARRAY, null);
    }
}
