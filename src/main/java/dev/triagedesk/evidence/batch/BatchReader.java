package dev.triagedesk.evidence.batch;

import dev.triagedesk.evidence.input.Uninterruptibly;
import dev.triagedesk.evidence.EvidenceException;
import dev.triagedesk.evidence.Signal;
import dev.triagedesk.evidence.SignalType;
import dev.triagedesk.evidence.input.EvidenceDocument;
import dev.triagedesk.evidence.redact.Redactor;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;

/**
 * Reads a Batch file in one streaming pass. JSON Lines (output, error and input files) are read a line at a time,
 * each line parsed on its own, so a broken line is reported with its number and the rest is read, and a file that
 * breaks off inside its last line keeps every line before it. A Batch object, or a list of them, is one JSON value
 * (often pretty-printed over many lines) and is read as such.
 */
public final class BatchReader {

    /** Findings kept of each kind unless the caller says otherwise; counts go on beyond it. */
    public static final int DEFAULT_CAP = 200;

    private final Redactor redactor;
    /** Fresh redactors for a read that starts again (a split read that cannot vouch for its result). */
    private final Supplier<Redactor> redactors;
    private final int cap;

    /** A reader that may read a large file with two threads, taking a fresh redactor if it must start again. */
    public BatchReader(Supplier<Redactor> redactors, int cap) {
        this.redactor = redactors.get();
        this.redactors = redactors;
        this.cap = Math.max(1, cap);
    }

    /** Whether a file of JSON Lines above the split size is read by two threads in this JVM now. */
    public static boolean splitPaysOff() {
        return BatchSplit.paysOff();
    }

    /** Whether a document is JSON Lines of results or requests (else one or more Batch objects). */
    static boolean isLines(EvidenceDocument.Opener source) throws IOException {
        try (InputStream in = source.open()) {
            ByteLines lines = new ByteLines(in, BatchJson.MAX_LINE_BYTES);
            while (lines.next()) {
                if (lines.tooLong()) {
                    return true; // a Batch object is never that long on one line
                }
                if (lines.blank()) {
                    continue;
                }
                try (JsonParser p = BatchJson.JSON.createParser(ObjectReadContext.empty(), lines.bytes(), 0,
                        lines.length())) {
                    if (p.nextToken() != JsonToken.START_OBJECT) {
                        return true;
                    }
                    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                        String name = p.currentName();
                        JsonToken t = p.nextToken();
                        if (name.equals("object") && t == JsonToken.VALUE_STRING) {
                            String object = p.getString();
                            return !object.equals("batch") && !object.equals("list");
                        }
                        if (name.equals("custom_id")) {
                            return true;
                        }
                        p.skipChildren();
                    }
                    return true;
                } catch (UnexpectedEndOfInputException e) {
                    return false; // the first line opens a value it does not close: one pretty-printed object
                } catch (JacksonException e) {
                    return true;
                }
            }
            return true;
        }
    }

    /**
     * Reads the document; throws {@link EvidenceException} when it holds no Batch data at all. JSON Lines in a plain
     * file of at least {@code splitAbove} bytes (negative: never) are read by two threads, one half each, with the
     * result a read by one thread gives.
     */
    public BatchAnalysis read(EvidenceDocument doc, long splitAbove) {
        EvidenceDocument.Opener source = doc.opener();
        try {
            if (!isLines(source)) {
                return objects(source);
            }
            long at = BatchSplit.point(doc.rawFile(), doc.rawOffset(), splitAbove);
            BatchTally tally = at > 0 ? split(doc.rawFile(), doc.rawOffset(), at) : null;
            if (tally != null) {
                BatchSplit.JOINED.incrementAndGet();
                return linesAnalysis(tally);
            }
            // not split, or a half met a line the fast pass cannot vouch for: one thread, from the start
            return lines(source, at > 0 ? redactors.get() : redactor);
        } catch (IOException e) {
            throw new EvidenceException("cannot read the Batch file: " + e.getMessage(), e);
        }
    }

    private BatchAnalysis lines(EvidenceDocument.Opener source, Redactor r) throws IOException {
        BatchTally tally = new BatchTally(r, cap);
        if (!wholeLines(source, tally, null)) {
            // something the fast pass cannot vouch for: every line on its own, from the start
            tally = new BatchTally(r, cap);
            byLine(source, tally);
        }
        return linesAnalysis(tally);
    }

    /**
     * The fast pass over both halves at once, the second on a thread of its own, joined in file order; null when
     * either half is not one the fast pass vouches for, or the halves cannot be joined exactly.
     */
    private BatchTally split(Path file, long offset, long at) throws IOException {
        BatchTally second = BatchTally.secondHalf(cap);
        AtomicBoolean cancelled = new AtomicBoolean();
        boolean[] secondRead = new boolean[1];
        Thread thread = new Thread(() -> {
            try {
                secondRead[0] = wholeLines(() -> BatchSplit.open(file, offset + at, -1), second, cancelled);
            } catch (IOException | RuntimeException e) {
                // the first thread reads the file again alone: it meets the same problem, if any, and reports it
            }
        }, "triage-batch-second-half");
        thread.setDaemon(true);
        thread.start();
        boolean firstRead = false;
        BatchTally first = new BatchTally(redactor, cap);
        try {
            firstRead = wholeLines(() -> BatchSplit.open(file, offset, offset + at), first, null);
        } finally {
            if (!firstRead) {
                cancelled.set(true);
            }
            Uninterruptibly.join(thread);
        }
        return firstRead && secondRead[0] && first.merge(second, first.lines) ? first : null;
    }

    /**
     * The fast pass: one parser over the whole file, its values taken as the lines they stand on. It gives up (and
     * returns false) at anything the line-by-line pass would judge differently: broken or cut JSON, a value that is
     * not an object, two values on one line, one value over several lines, or a line longer than the line reader
     * takes. A well-formed file, which nearly every Batch file is, is then read once, without a parser per line.
     */
    private boolean wholeLines(EvidenceDocument.Opener source, BatchTally tally, AtomicBoolean cancelled)
            throws IOException {
        JsonParser p = null;
        try (InputStream in = source.open()) {
            p = BatchJson.JSON.createParser(ObjectReadContext.empty(), in);
            long lastLine = 0;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (cancelled != null && cancelled.get()) {
                    return false;
                }
                TokenStreamLocation start = p.currentTokenLocation();
                long line = start.getLineNr();
                if (t != JsonToken.START_OBJECT || line <= lastLine) {
                    return false;
                }
                ResultLine r = ResultLine.read(p);
                TokenStreamLocation end = p.currentLocation();
                if (end.getLineNr() != line || end.getByteOffset() - start.getByteOffset() > BatchJson.MAX_LINE_BYTES) {
                    return false;
                }
                lastLine = line;
                if (!r.hasResponse && r.lineError == null && !r.isRequest()) {
                    tally.broken(line, "holds neither a response nor an error");
                } else {
                    tally.add(line, r);
                }
            }
            TokenStreamLocation eof = p.currentLocation();
            // lines as the line reader counts them: every line break, and a last line the file ends inside
            tally.lines = eof.getLineNr() - 1 + (eof.getColumnNr() > 1 ? 1 : 0);
            return true;
        } catch (JacksonException e) {
            return false;
        } finally {
            if (p != null) {
                BatchSplit.read(p.currentLocation().getByteOffset());
                p.close();
            }
        }
    }

    private void byLine(EvidenceDocument.Opener source, BatchTally tally) throws IOException {
        try (InputStream in = source.open()) {
            ByteLines lines = new ByteLines(in, BatchJson.MAX_LINE_BYTES);
            while (lines.next()) {
                tally.lines = lines.number();
                if (lines.tooLong()) {
                    tally.broken(lines.number(), String.format(java.util.Locale.ROOT,
                            "longer than %s bytes (%s): skipped", BatchJson.count(BatchJson.MAX_LINE_BYTES),
                            BatchJson.count(lines.tooLongBytes())));
                    continue;
                }
                if (lines.blank()) {
                    continue;
                }
                readLine(lines, tally);
            }
        }
    }

    private BatchAnalysis linesAnalysis(BatchTally tally) {
        if (tally.requests == 0 && tally.inputRequests == 0) {
            throw new EvidenceException(tally.brokenCount > 0 && !tally.broken.isEmpty()
                    ? "not a Batch file: line " + tally.broken.get(0).line() + " " + tally.broken.get(0).reason()
                    + ", and no line holds a Batch result or request"
                    : "not a Batch file: no line holds a Batch result or request");
        }
        tally.expiredSignal();
        String format = tally.requests > 0 ? BatchAnalysis.OUTPUT : BatchAnalysis.INPUT;
        long requests = tally.requests > 0 ? tally.requests : tally.inputRequests;
        BatchAnalysis a = new BatchAnalysis(BatchAnalysis.KIND, format, tally.lines, requests, tally.succeeded,
                tally.failed, tally.expired, tally.cancelled, tally.timedOut, tally.otherErrors,
                java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(tally.byStatus)),
                java.util.Collections.unmodifiableMap(tally.shownCodes()), List.copyOf(tally.failedCustomIds),
                tally.failedCustomIdsOmitted, List.copyOf(tally.failures), tally.failuresOmitted,
                List.copyOf(tally.broken), tally.brokenCount, tally.truncated, tally.endpoint, null,
                List.copyOf(tally.requestIds), List.copyOf(tally.signals.values()), null);
        return withFound(a);
    }

    private void readLine(ByteLines lines, BatchTally tally) {
        long number = lines.number();
        try (JsonParser p = BatchJson.JSON.createParser(ObjectReadContext.empty(), lines.bytes(), 0, lines.length())) {
            JsonToken first = p.nextToken();
            if (first != JsonToken.START_OBJECT) {
                p.skipChildren();
                tally.broken(number, "is not a JSON object");
                return;
            }
            ResultLine r = ResultLine.read(p);
            if (p.nextToken() != null) {
                tally.broken(number, "holds more than one JSON value");
                return;
            }
            if (!r.hasResponse && r.lineError == null && !r.isRequest()) {
                tally.broken(number, "holds neither a response nor an error");
                return;
            }
            tally.add(number, r);
        } catch (StreamConstraintsException e) {
            tally.broken(number, BatchJson.pastLimit(e));
        } catch (UnexpectedEndOfInputException e) {
            if (!lines.endedWithBreak()) {
                tally.truncated = true; // the file breaks off inside its last line
            } else {
                tally.broken(number, "breaks off before its end");
            }
        } catch (JacksonException e) {
            tally.broken(number, "is not valid JSON" + column(e.getLocation()));
        }
    }

    /** Where in the line; never the text there, which could be a secret. */
    private static String column(TokenStreamLocation at) {
        return at == null || at.getColumnNr() <= 0 ? "" : " (at column " + at.getColumnNr() + ")";
    }

    private BatchAnalysis objects(EvidenceDocument.Opener source) throws IOException {
        List<BatchJob> jobs = new ArrayList<>();
        boolean list = false;
        long values = 0;
        BatchObjects reader = new BatchObjects(redactor, cap);
        try (InputStream in = source.open(); JsonParser p = BatchJson.JSON.createParser(ObjectReadContext.empty(), in)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                values++;
                if (t != JsonToken.START_OBJECT) {
                    throw new EvidenceException("not a Batch object: value " + values + " is not a JSON object");
                }
                Object what = reader.read(p, jobs);
                if (what == null) {
                    throw new EvidenceException("not a Batch object: value " + values
                            + " has no \"object\": \"batch\" or \"list\"");
                }
                list |= what.equals("list");
            }
        } catch (StreamConstraintsException e) {
            TokenStreamLocation at = e.getLocation();
            throw BatchJson.refused(e, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr());
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            long line = at == null ? 0 : at.getLineNr();
            long column = at == null ? 0 : at.getColumnNr();
            throw new EvidenceException("not read: the Batch object is broken JSON" + (line > 0 ? " at line " + line
                    + ", column " + column : ""), line, column, e);
        }
        List<Signal> signals = new ArrayList<>();
        String endpoint = null;
        for (BatchJob job : jobs) {
            endpoint = endpoint == null ? job.endpoint() : endpoint;
            signals.addAll(jobSignals(job));
        }
        BatchAnalysis a = new BatchAnalysis(BatchAnalysis.KIND, list || jobs.size() != 1 ? BatchAnalysis.LIST
                : BatchAnalysis.OBJECT, values, 0, 0, 0, 0, 0, 0, 0, Map.of(), Map.of(), List.of(), 0, List.of(), 0,
                List.of(), 0, false, endpoint, List.copyOf(jobs), List.of(), List.copyOf(signals), null);
        return withFound(a);
    }

    /** A job whose input failed validation, and one that expired. */
    static List<Signal> jobSignals(BatchJob job) {
        List<Signal> out = new ArrayList<>();
        String name = job.id() == null ? "the Batch job" : job.id();
        if (job.validationErrorCount() > 0 || "failed".equals(job.status())) {
            StringBuilder d = new StringBuilder(name).append(" failed validation");
            int shown = 0;
            for (BatchJob.ValidationError e : job.validationErrors()) {
                if (shown++ == 5) {
                    d.append("; …");
                    break;
                }
                d.append(shown == 1 ? ": " : "; ").append(e.code() == null ? "error" : e.code());
                if (e.line() != null) {
                    d.append(" at input line ").append(e.line());
                }
                if (e.message() != null) {
                    d.append(" (").append(BatchTally.clip(e.message(), 160)).append(')');
                }
            }
            if (job.validationErrorCount() > shown && shown <= 5) {
                d.append(String.format(java.util.Locale.ROOT, " (%,d errors in all)", job.validationErrorCount()));
            }
            out.add(new Signal(SignalType.BATCH_INVALID, null, null, d.toString()));
        }
        if ("expired".equals(job.status()) || job.times() != null && job.times().expiredAt() != null) {
            BatchJob.Counts c = job.requestCounts();
            String counts = c == null ? "" : String.format(java.util.Locale.ROOT,
                    ": %,d of %,d requests completed, %,d failed, the rest expired", c.completed(), c.total(), c.failed());
            out.add(new Signal(SignalType.BATCH_EXPIRED, null, null, name + " expired before its "
                    + (job.completionWindow() == null ? "" : job.completionWindow() + " ") + "completion window ended"
                    + counts));
        }
        return out;
    }

    private static BatchAnalysis withFound(BatchAnalysis a) {
        return new BatchAnalysis(a.kind(), a.format(), a.lineCount(), a.requestCount(), a.succeeded(), a.failed(),
                a.expired(), a.cancelled(), a.timedOut(), a.otherErrors(), a.failedByStatus(), a.byErrorCode(),
                a.failedCustomIds(), a.failedCustomIdsOmitted(), a.failures(), a.failuresOmitted(), a.brokenLines(),
                a.brokenLineCount(), a.truncated(), a.endpoint(), a.batches(), a.requestIds(), a.signals(),
                BatchFound.sentence(a));
    }
}
