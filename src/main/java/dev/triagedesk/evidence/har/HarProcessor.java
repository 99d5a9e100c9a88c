package dev.triagedesk.evidence.har;

import dev.triagedesk.evidence.Creator;
import dev.triagedesk.evidence.EvidenceException;
import dev.triagedesk.evidence.HarPage;
import dev.triagedesk.evidence.HarSummary;
import dev.triagedesk.evidence.redact.RedactionReport;
import dev.triagedesk.evidence.redact.Redactor;
import dev.triagedesk.evidence.triage.Hosts;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.JsonNode;

/**
 * One streaming pass over a HAR: analysis, and a sanitized copy when one is wanted. It reads Jackson tokens and knows
 * the HAR 1.2 structure (plus the browsers' {@code _} fields), so it skips what the analysis does not need without
 * decoding it, and writes every token back out with secrets replaced where the structure says they are. This class
 * reads the document around the entries (root, log, pages) and puts the summary together; {@link EntriesReader},
 * {@link EntryReader} and {@link BodyReader} read the entries, {@link SplitRead} the second half of a large file.
 *
 * <p>Why hand-written: a tree per entry would decode every body (a 200 KB base64 script per entry is common),
 * and a generic JSON sanitizer cannot know that a header's {@code value} is secret because of its sibling
 * {@code name}, or that a body must be parsed according to its {@code mimeType}.
 *
 * <p>Not thread-safe; one instance per document.
 */
public final class HarProcessor {

    /**
     * The note on a capture that holds no request to the product's hosts: it shows another site, so whatever fails
     * in it says nothing about ChatGPT or the API.
     */
    public static final String NO_PRODUCT_REQUEST = "No request in this capture went to ChatGPT or the OpenAI API ("
            + Hosts.PRODUCT_HOST_NAMES + "): it shows another site, so its failures say"
            + " nothing about this one. Capture a HAR on the failing page itself.";

    /** Bytes of HAR this JVM has read, to tell whether the JIT has compiled the engine yet. */
    private static final AtomicLong BYTES_READ = new AtomicLong();
    private static final long COMPILED_AFTER = 256L << 20;
    private static final boolean QUICK_COMPILER = quickCompiler();
    /** How many split reads were joined, for tests that must know a split really happened. */
    static final AtomicLong JOINED_SPLITS = new AtomicLong();
    private static final int MAX_PAGES = 500;

    private final Redactor redactor;
    private final HarFindings findings;
    private final HarReadOptions options;

    private ReadState s;
    private EntriesReader entries;
    private boolean inLog;
    private boolean inEntries;
    private boolean sawLog;
    private boolean sawEntries;
    private String version;
    private Creator creator;
    private Creator browser;
    private final List<HarPage> pages = new ArrayList<>();
    private long pageCount;
    /** After a split: the stream of the second parser, which reads what follows the entries. */
    private InputStream afterSplit;

    public HarProcessor(Redactor redactor, HarFindings findings, HarReadOptions options) {
        this.redactor = redactor;
        this.findings = findings;
        this.options = options;
    }

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

    /** Analyzes without writing anything; bodies are read only where an entry needs them. */
    public HarReadResult analyze(InputStream in, boolean jsonp) {
        return run(in, null, jsonp, null);
    }

    /** As {@link #analyze(InputStream, boolean)}, for a stream that reads {@code file} unchanged from {@code offset}. */
    public HarReadResult analyze(InputStream in, boolean jsonp, Path file, long offset) {
        try (RawBytes bytes = new RawBytes(file, offset)) {
            return run(in, null, jsonp, bytes);
        }
    }

    /**
     * Analyzes and writes a sanitized copy to {@code out} (not closed). The copy is a valid HAR with the same
     * entries; when a lenient read breaks off, it holds the complete entries before the break.
     */
    public HarReadResult sanitize(InputStream in, OutputStream out, boolean jsonp) {
        return run(in, out, jsonp, null);
    }

    /**
     * As {@link #sanitize(InputStream, OutputStream, boolean)}, for a stream that reads {@code file} unchanged from
     * byte {@code offset} on: bodies are then skipped at scan speed and copied from the file when they need no
     * redaction (base64 assets, text without secrets), instead of being decoded and encoded again.
     */
    public HarReadResult sanitize(InputStream in, OutputStream out, boolean jsonp, Path file, long offset) {
        try (RawBytes bytes = new RawBytes(file, offset)) {
            return run(in, out, jsonp, bytes);
        }
    }

    /** Thrown inside the read when a joined lenient second half broke off: the read ends there, partial. */
    private static final class BrokeOff extends RuntimeException {
        private final SplitRead.Break at;

        BrokeOff(SplitRead.Break at) {
            super("the second half broke off", null, false, false);
            this.at = at;
        }
    }

    private HarReadResult run(InputStream in, OutputStream out, boolean jsonp, RawBytes raw) {
        SanitizedCopy copy = out == null ? null : new SanitizedCopy(out, redactor, options.lenient());
        s = new ReadState(redactor, findings, options, copy == null ? HarOutput.NONE : copy);
        s.raw = raw;
        entries = new EntriesReader(s, null);
        SplitRead.Break brokeOff = null;
        try {
            s.p = HarJson.JSON.createParser(ObjectReadContext.empty(), in);
            readRoot(jsonp);
            if (copy != null) {
                copy.finish();
            }
        } catch (StreamConstraintsException e) {
            if (afterSplit != null) {
                throw new SplitReadFailed("a read limit passed after the entries of a split read", e);
            }
            throw JsonReadLimits.refused(e, s.p.currentLocation());
        } catch (StreamReadException e) {
            if (afterSplit != null) {
                throw new SplitReadFailed("broken JSON after the entries of a split read", e);
            }
            brokeOff = SplitRead.Break.of(e);
            if (!options.lenient() || entries.count() == 0 && !sawLog) {
                throw new EvidenceException("broken JSON at line " + brokeOff.line() + ", column " + brokeOff.column()
                        + ": " + describe(brokeOff.message()) + (options.lenient() ? " (nothing could be read before it)" : ""),
                        brokeOff.line(), brokeOff.column(), e);
            }
        } catch (BrokeOff e) {
            brokeOff = e.at;
        } finally {
            if (s.p != null) {
                BYTES_READ.addAndGet(Math.max(0, s.p.currentLocation().getByteOffset()));
                s.p.close();
            }
            closeQuietly(afterSplit);
            s.raw = null;
        }
        String partialReason = null;
        if (brokeOff != null) {
            long complete = s.analysis.entries();
            partialReason = "The file breaks off at line " + brokeOff.line() + ", column " + brokeOff.column() + " ("
                    + describe(brokeOff.message()) + "): "
                    + (complete == 1 ? "only the complete entry before the break was read."
                    : "only the " + complete + " complete entries before the break were read.");
            if (copy != null) {
                copy.closeAfterBreak(inEntries, inLog);
            }
        }
        return result(brokeOff != null, partialReason, copy != null);
    }

    private HarReadResult result(boolean partial, String partialReason, boolean sanitized) {
        if (!sawLog) {
            throw new EvidenceException("not a HAR: the JSON has no \"log\" object");
        }
        if (!sawEntries && !partial) {
            throw new EvidenceException("not a HAR: the \"log\" object has no \"entries\" array");
        }
        EntryAnalysis analysis = s.analysis;
        List<String> notes = s.notes;
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
        RedactionReport report = sanitized ? redactor.ledger().report(sanitizedBefore) : null;
        HarSummary summary = new HarSummary(version, creator, browser, entries.count(), pageCount, List.copyOf(pages),
                partial, partialReason, analysis.requestIds(), analysis.conversationUrls(), analysis.stats(),
                sanitizedBefore, List.copyOf(notes), report, analysis.verdict());
        return new HarReadResult(summary, analysis.tally());
    }

    /** Jackson's message, first line only, redacted (it can quote the offending token). */
    private String describe(String message) {
        String m = message == null ? "unreadable JSON" : message;
        int nl = m.indexOf('\n');
        if (nl > 0) {
            m = m.substring(0, nl);
        }
        if (m.length() > 200) {
            m = m.substring(0, 199) + "…";
        }
        return redactor.text(m);
    }

    // ------------------------------------------------------------------ structure

    private void readRoot(boolean jsonp) {
        JsonParser p = s.p;
        HarOutput out = s.out;
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw new EvidenceException("not a HAR: it does not start with a JSON object");
        }
        out.startObject();
        while (s.p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = s.p.currentName();
            JsonToken t = s.p.nextToken();
            if (name.equals("log") && t == JsonToken.START_OBJECT && !sawLog) {
                sawLog = true;
                out.name(name);
                readLog();
            } else {
                out.beginUnit();
                out.name(name);
                s.copyOrSkip(name);
                out.commitUnit();
            }
        }
        out.endObject();
        if (!jsonp) {
            try {
                if (s.p.nextToken() != null) {
                    extraContent(null);
                }
            } catch (StreamReadException | StreamConstraintsException e) {
                extraContent(e); // what follows the HAR is not read, whatever it holds
            }
        }
    }

    private void extraContent(JacksonException cause) {
        if (afterSplit != null) {
            throw new SplitReadFailed("extra content after the HAR in a split read", cause);
        }
        TokenStreamLocation at = s.p.currentLocation();
        String where = "line " + at.getLineNr() + ", column " + at.getColumnNr();
        if (!options.lenient()) {
            throw new EvidenceException("broken JSON at " + where + ": extra content after the end of the HAR",
                    at.getLineNr(), at.getColumnNr(), cause);
        }
        s.notes.add("Extra content after the end of the HAR (at " + where + ") was ignored.");
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

    /** The parser may be replaced while the entries are read (see {@link #readEntries()}): {@code s.p} is read anew. */
    private void readLog() {
        HarOutput out = s.out;
        inLog = true;
        out.startObject();
        while (s.p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = s.p.currentName();
            JsonToken t = s.p.nextToken();
            if (name.equals("entries") && t == JsonToken.START_ARRAY) {
                sawEntries = true;
                out.name(name);
                readEntries();
                continue;
            }
            if (name.equals("entries")) {
                throw new EvidenceException("not a HAR: \"log.entries\" is " + tokenName(t) + ", not an array");
            }
            out.beginUnit();
            out.name(name);
            switch (name) {
                case "version" -> {
                    version = s.scalar();
                    out.text(t, version);
                }
                case "creator", "browser" -> {
                    JsonNode node = s.tree();
                    if (node != null && node.isObject()) {
                        Creator c = new Creator(ReadState.text(node, "name"), ReadState.text(node, "version"));
                        if (name.equals("creator")) {
                            creator = c;
                        } else {
                            browser = c;
                        }
                    }
                    out.tree(node, name);
                }
                case "pages" -> readPages();
                default -> s.copyOrSkip(name);
            }
            out.commitUnit();
        }
        out.endObject();
        inLog = false;
    }

    private void readPages() {
        JsonParser p = s.p;
        if (p.currentToken() != JsonToken.START_ARRAY) {
            s.copyOrSkip("pages");
            return;
        }
        s.out.startArray();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            JsonNode page = s.tree();
            if (page != null && page.isObject()) {
                pageCount++;
                String rawTitle = ReadState.text(page, "title");
                HarPage hp = new HarPage(ReadState.text(page, "id"), redactor.text(rawTitle),
                        ReadState.text(page, "startedDateTime"));
                if (pages.size() < MAX_PAGES) {
                    pages.add(hp);
                }
                s.analysis.page(hp, rawTitle);
            }
            s.out.tree(page, "page");
        }
        s.out.endArray();
    }

    /**
     * The entries, in two halves when the file is large: the second thread's half is joined at the split point, and
     * a second parser then reads on from the entries' ']'.
     */
    private void readEntries() {
        inEntries = true;
        s.out.startArray();
        TokenStreamLocation entriesAt = s.p.currentTokenLocation();
        SplitRead split = afterSplit == null ? SplitRead.startIfWorthIt(s) : null;
        SplitRead.Half half = entries.read(split);
        if (half != null) {
            TokenStreamLocation splitAt = s.p.currentTokenLocation();
            SplitRead.merge(half, s, findings, entries.count());
            entries.add(half.entryCount());
            JOINED_SPLITS.incrementAndGet();
            if (half.brokeOff() != null) {
                throw new BrokeOff(half.brokeOff().inFile(splitAt, entriesAt));
            }
            continueAfter(half.entriesEnd());
        }
        s.out.endArray();
        inEntries = false;
    }

    /**
     * Replaces the parser with one that reads from the entries' closing ']' on, in the same nesting (root, log,
     * entries): what follows the entries is read as if nothing had happened.
     */
    private void continueAfter(long closingBracket) {
        byte[] nesting = "{\"log\":{\"entries\":[".getBytes(StandardCharsets.US_ASCII);
        try {
            afterSplit = new SequenceInputStream(new ByteArrayInputStream(nesting), s.raw.streamFrom(closingBracket));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonParser next = HarJson.JSON.createParser(ObjectReadContext.empty(), afterSplit);
        JsonToken[] expected = {JsonToken.START_OBJECT, JsonToken.PROPERTY_NAME, JsonToken.START_OBJECT,
            JsonToken.PROPERTY_NAME, JsonToken.START_ARRAY, JsonToken.END_ARRAY};
        for (JsonToken t : expected) {
            if (next.nextToken() != t) {
                next.close();
                throw new SplitReadFailed("the entries do not end where the second half said", null);
            }
        }
        s.p.close();
        s.p = next;
        s.raw = null; // the second parser's offsets are not the file's: bodies after this are read the usual way
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
}
