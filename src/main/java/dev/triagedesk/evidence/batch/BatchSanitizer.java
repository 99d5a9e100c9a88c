package dev.triagedesk.evidence.batch;

import dev.triagedesk.evidence.input.Uninterruptibly;
import dev.triagedesk.evidence.EvidenceException;
import dev.triagedesk.evidence.input.EvidenceDocument;
import dev.triagedesk.evidence.redact.Redactor;
import dev.triagedesk.evidence.redact.Scope;
import dev.triagedesk.evidence.redact.LeftoverScan;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.TokenStreamLocation;

/**
 * Writes a Batch file back with its secrets redacted. JSON Lines stay line for line (a line break for every line
 * read, so line numbers in the analysis still point at the right place): each line is walked by key by the
 * {@link Redactor} as a response body, a line that is not JSON is redacted as free text, and a line longer than the
 * reader takes is left out (an empty line keeps its place). A Batch object is written back as one compact value.
 */
public final class BatchSanitizer {

    private final Redactor redactor;

    public BatchSanitizer(Redactor redactor) {
        this.redactor = redactor;
        // a line's error codes (invalid_value, batch_expired) are what support needs: they stay
        redactor.inResponseTo(null, 400);
    }

    /** Writes the sanitized copy to {@code out}, which is flushed, not closed. */
    public void sanitize(EvidenceDocument.Opener source, OutputStream out) {
        try {
            if (BatchReader.isLines(source)) {
                noteSkipped(lines(source.open(), out, redactor));
            } else {
                objects(source, out);
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot sanitize the Batch file: " + e.getMessage(), e);
        }
    }

    /**
     * As {@link #sanitize(EvidenceDocument.Opener, OutputStream)}; JSON Lines in a plain file of at least
     * {@code splitAbove} bytes (negative: never) are sanitized by two threads, one half each: the second half is
     * held in a temporary file, scanned for leftovers by its thread, and written after the first. The halves'
     * redactors are joined ({@link Redactor#absorb}), so a secret one half learned that the other let through
     * makes {@link Redactor#echoedBeforeLearned()} true, as it does for a secret echoed before it was learned in a
     * read by one thread: the caller then sanitizes the file again knowing every secret.
     */
    public void sanitize(EvidenceDocument doc, LeftoverScan.ScanningStream out, long splitAbove) {
        EvidenceDocument.Opener source = doc.opener();
        try {
            long at = BatchReader.isLines(source) ? BatchSplit.point(doc.rawFile(), doc.rawOffset(), splitAbove) : -1;
            if (at > 0) {
                split(doc.rawFile(), doc.rawOffset(), at, out);
                out.flush();
            } else {
                sanitize(source, out);
            }
            if (doc.rawFile() != null) {
                BatchSplit.read(Files.size(doc.rawFile()) - doc.rawOffset());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot sanitize the Batch file: " + e.getMessage(), e);
        }
    }

    private void split(Path file, long offset, long at, LeftoverScan.ScanningStream out) throws IOException {
        Redactor later = redactor.sibling();
        BatchSanitizer second = new BatchSanitizer(later);
        Path held = Files.createTempFile("triage-batch-", ".part");
        try {
            LeftoverScan heldScan = new LeftoverScan();
            long[] secondSkipped = {0};
            Throwable[] failed = new Throwable[1];
            Thread thread = new Thread(() -> {
                try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(held), 1 << 16);
                     OutputStream scanned = heldScan.wrap(o)) {
                    secondSkipped[0] = second.lines(BatchSplit.open(file, offset + at, -1), scanned, later);
                } catch (IOException | RuntimeException | Error e) {
                    failed[0] = e;
                }
            }, "triage-batch-second-half");
            thread.setDaemon(true);
            thread.start();
            long skipped;
            try {
                skipped = lines(BatchSplit.open(file, offset, offset + at), out, redactor);
            } finally {
                Uninterruptibly.join(thread);
            }
            if (failed[0] != null) {
                throw new IOException("the second half of the Batch file: " + failed[0].getMessage(), failed[0]);
            }
            try (InputStream in = new BufferedInputStream(Files.newInputStream(held), 1 << 16)) {
                out.writeScanned(in, Files.size(held), heldScan, 0);
            }
            redactor.absorb(later);
            noteSkipped(skipped + secondSkipped[0]);
            BatchSplit.JOINED.incrementAndGet();
        } finally {
            Files.deleteIfExists(held);
        }
    }

    /** Copies the lines of {@code input} (closed at the end); how many were too long and left out. */
    private long lines(InputStream input, OutputStream out, Redactor redactor) throws IOException {
        CompactLine compact = new CompactLine();
        long skipped = 0;
        try (InputStream in = input) {
            ByteLines lines = new ByteLines(in, BatchJson.MAX_LINE_BYTES);
            while (lines.next()) {
                if (lines.tooLong()) {
                    skipped++;
                } else if (!lines.blank()) {
                    byte[] copy = redactor.jsonBytes(lines.bytes(), 0, lines.length(), false);
                    int compactLength = copy == lines.bytes() ? redactor.jsonCompactLength() : -1;
                    if (compactLength >= 0) {
                        // nothing secret, and compacted while that was shown
                        out.write(redactor.jsonCompactBytes(), 0, compactLength);
                    } else if (copy == lines.bytes()) {
                        // nothing secret: the line compacted from its own bytes, as the walk would write it
                        if (compact.copy(copy, lines.length())) {
                            out.write(compact.bytes(), 0, compact.length());
                        } else {
                            writeAgain(lines, out, redactor);
                        }
                    } else if (copy != null) {
                        out.write(copy);
                    } else {
                        String text = new String(lines.bytes(), 0, lines.length(), StandardCharsets.UTF_8);
                        out.write(redactor.text(text, BatchTally.RULE).getBytes(StandardCharsets.UTF_8));
                    }
                }
                if (lines.endedWithBreak()) {
                    out.write('\n');
                }
            }
        }
        return skipped;
    }

    /**
     * A line with nothing secret that {@link CompactLine} declined: written by the walk, which finds nothing again
     * (nothing was learned from the line) and writes what it always wrote.
     */
    private static void writeAgain(ByteLines lines, OutputStream out, Redactor redactor) throws IOException {
        try (JsonParser p = BatchJson.JSON.createParser(ObjectReadContext.empty(), lines.bytes(), 0, lines.length());
             JsonGenerator g = BatchJson.JSON.createGenerator(ObjectWriteContext.empty(), out)) {
            p.nextToken();
            redactor.copyJson(p, g, null, null, Scope.JSON_RESPONSE);
        }
    }

    private void noteSkipped(long skipped) {
        if (skipped > 0) {
            redactor.ledger().note(String.format(java.util.Locale.ROOT, "%,d line(s) longer than %s bytes were left"
                    + " out of the copy (each is an empty line)", skipped, BatchJson.count(BatchJson.MAX_LINE_BYTES)));
        }
    }

    private void objects(EvidenceDocument.Opener source, OutputStream out) throws IOException {
        try (InputStream in = source.open();
             JsonParser p = BatchJson.JSON.createParser(ObjectReadContext.empty(), in);
             JsonGenerator g = BatchJson.JSON.createGenerator(ObjectWriteContext.empty(), out)) {
            boolean first = true;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (!first) {
                    g.flush();
                    out.write('\n');
                }
                first = false;
                redactor.copyJson(p, g, null, null, Scope.JSON_RESPONSE);
            }
            g.flush();
            out.write('\n');
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            long line = at == null ? 0 : at.getLineNr();
            long column = at == null ? 0 : at.getColumnNr();
            throw new EvidenceException("not read: the Batch object is broken JSON" + (line > 0 ? " at line " + line
                    + ", column " + column : ""), line, column, e);
        }
    }
}
