package dev.triagedesk.evidence.har;

import dev.triagedesk.evidence.input.Uninterruptibly;
import dev.triagedesk.evidence.redact.LeftoverScan;
import dev.triagedesk.evidence.redact.Redactor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;

/**
 * The second thread of a split HAR read: it reads the entries from a guessed entry boundary on while the first
 * thread reads up to it. The first thread joins it when it reaches an entry at exactly that byte, and cancels it
 * when it does not (the guess was wrong) or when anything fails; then it reads on alone, so a split read never
 * gives another result than a whole one. A lenient second half that meets the file's break keeps the complete
 * entries before it, as a whole lenient read does.
 */
final class SplitRead implements AutoCloseable {

    /**
     * What the second thread read: its state (analysis, notes, redactor), entry count, findings and output, where its
     * entries end in the first parser's bytes, and where it broke off (lenient reads; null when it did not).
     */
    record Half(ReadState state, int entryCount, HeldFindings findings, HeldOutput output, LeftoverScan scan,
                long entriesEnd, Break brokeOff) {
    }

    /**
     * Where a read broke off: line and column, and Jackson's message, which can name a place too. In a second half
     * they are its own parser's until {@link #inFile} moves them.
     */
    record Break(long line, long column, String message) {

        private static final Pattern PLACE = Pattern.compile("line: (\\d+), column: (\\d+)");

        static Break of(StreamReadException e) {
            TokenStreamLocation at = e.getLocation();
            return new Break(at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(), e.getOriginalMessage());
        }

        /**
         * The same place in the first parser's coordinates. The second parser read a '[' of its own, then the file
         * from the split point's '{' on: its line 1, column 2 is {@code splitAt}, and its '[' stands for the
         * entries' own ({@code entriesAt}).
         */
        Break inFile(TokenStreamLocation splitAt, TokenStreamLocation entriesAt) {
            long[] place = move(line, column, splitAt, entriesAt);
            String moved = null;
            if (message != null) {
                Matcher m = PLACE.matcher(message);
                StringBuilder sb = new StringBuilder();
                while (m.find()) {
                    long[] p = move(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), splitAt, entriesAt);
                    m.appendReplacement(sb, "line: " + p[0] + ", column: " + p[1]);
                }
                moved = m.appendTail(sb).toString();
            }
            return new Break(place[0], place[1], moved);
        }

        private static long[] move(long line, long column, TokenStreamLocation splitAt, TokenStreamLocation entriesAt) {
            if (line == 1 && column == 1) {
                return new long[] {entriesAt.getLineNr(), entriesAt.getColumnNr()};
            }
            if (line == 1) {
                return new long[] {splitAt.getLineNr(), splitAt.getColumnNr() + column - 2};
            }
            return new long[] {splitAt.getLineNr() + line - 1, column};
        }
    }

    /** Stops the second thread between two entries. */
    static final class Cancelled extends RuntimeException {
        Cancelled() {
            super("split read cancelled", null, false, false);
        }
    }

    private final long at;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final Thread thread;
    private volatile Half half;
    private boolean taken;

    private SplitRead(long at, RawBytes file, Redactor redactor, HarReadOptions options, boolean sanitizing,
                      boolean scanned) {
        this.at = at;
        this.thread = new Thread(() -> {
            try {
                half = readSecondHalf(file, redactor, options, sanitizing, scanned);
            } catch (Throwable ignored) {
                // the first thread reads on alone: it meets the same problem, if any, and reports it with its place
            }
        }, "triage-har-second-half");
        thread.setDaemon(true);
    }

    /**
     * The share of the entries' bytes the first thread reads when sanitizing: both threads then do equal work (each
     * thread's CPU time, measured on the benchmark HARs), and the copy's second half is only copied after.
     */
    private static final double SANITIZE_FIRST_SHARE = 0.5;
    /**
     * The first thread's share when analyzing. It also passes the second half's findings on (redacted once more) and
     * the command line writes them out and scans what it wrote, about a quarter of a half's work on the dense
     * benchmark HAR under the command line's C1 (thread CPU, warm: 1.92 s for the first thread against 1.53 s for the
     * second when cut in the middle; 1.7 to 1.9 s each at 0.44): cut earlier, the two end together.
     */
    private static final double ANALYZE_FIRST_SHARE = 0.45;

    /**
     * Starts a second thread on the second half of the entries when the file is large enough, or returns null. The
     * first parser stands on the entries' '['.
     */
    static SplitRead startIfWorthIt(ReadState first) {
        if (first.raw == null || first.options.splitAbove() < 0) {
            return null;
        }
        long start = first.p.currentTokenLocation().getByteOffset() + 1;
        long end = first.raw.size();
        if (end - start < Math.max(1, first.options.splitAbove())) {
            return null;
        }
        boolean sanitizing = first.out instanceof SanitizedCopy;
        double share = sanitizing ? SANITIZE_FIRST_SHARE : ANALYZE_FIRST_SHARE;
        long at = EntryBoundary.find(first.raw, start + (long) ((end - start) * share), end);
        if (at <= start) {
            return null;
        }
        boolean scanned = sanitizing && ((SanitizedCopy) first.out).scanning();
        SplitRead split = new SplitRead(at, first.raw, first.redactor.sibling(), first.options.unsplit(), sanitizing,
                scanned);
        split.thread.start();
        return split;
    }

    /** Runs in the second thread: the entries from byte {@code at} on, with a redactor and findings of its own. */
    private Half readSecondHalf(RawBytes file, Redactor redactor, HarReadOptions options, boolean sanitizing,
                                boolean scanned) {
        HeldFindings held = new HeldFindings();
        HeldOutput output = sanitizing ? new HeldOutput() : null;
        LeftoverScan scan = scanned ? new LeftoverScan() : null;
        // the half's parser starts at a '[' of its own: its byte 1 is byte `at` of the first parser
        try (RawBytes halfRaw = file.shifted(at - 1);
             InputStream in = new SequenceInputStream(new ByteArrayInputStream(new byte[] {'['}), file.streamFrom(at));
             JsonParser p = HarJson.SECOND_HALF.createParser(ObjectReadContext.empty(), in)) {
            OutputStream target = output == null ? null : scan == null ? output : scan.wrap(output);
            SanitizedCopy copy = target == null ? null : new SanitizedCopy(target, redactor, options.lenient());
            ReadState state = new ReadState(redactor, held, options, copy == null ? HarOutput.NONE : copy);
            state.raw = halfRaw;
            state.p = p;
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw new IllegalStateException("the second half does not start with its '['");
            }
            EntriesReader entries = new EntriesReader(state, cancelled);
            state.out.startArray();
            Break brokeOff = null;
            long entriesEnd = -1;
            try {
                entries.read(null);
                entriesEnd = at - 1 + p.currentTokenLocation().getByteOffset();
                state.out.endArray();
            } catch (StreamConstraintsException e) {
                throw e; // past a read limit: refused, never kept as a break
            } catch (StreamReadException e) {
                if (!options.lenient()) {
                    throw e;
                }
                brokeOff = Break.of(e);
            }
            if (copy != null) {
                if (brokeOff != null) {
                    copy.dropUnfinishedUnit();
                } else {
                    copy.flush();
                }
            }
            return new Half(state, entries.count(), held, output, scan, entriesEnd, brokeOff);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            if (output != null) {
                output.discard();
            }
            throw e;
        }
    }

    /** Where the second half starts, in the first parser's bytes. */
    long at() {
        return at;
    }

    /**
     * The second half, when the first parser has reached an entry at exactly the split point; null when it has not
     * (the guess was wrong) or the second half failed. The caller then owns the half (and its held output).
     */
    Half joinAt(JsonParser first) {
        if (first.currentTokenLocation().getByteOffset() != at || first.currentToken() != JsonToken.START_OBJECT) {
            return null;
        }
        awaitThread();
        taken = half != null;
        return half;
    }

    /**
     * Adds a joined half to the first one's state, as if one read had gone on: its output after the first's entries,
     * its analysis and notes, its findings ({@code firstEntries} later, replayed to {@code findings}), its redactions.
     */
    static void merge(Half half, ReadState first, HarFindings findings, int firstEntries) {
        try {
            if (first.out instanceof SanitizedCopy copy) {
                copy.appendEntries(half.output(), half.scan(), half.brokeOff() == null);
            }
        } finally {
            if (half.output() != null) {
                half.output().discardInBackground();
            }
        }
        first.analysis.merge(half.state().analysis, firstEntries);
        // analysis alone redacts the half's findings again, with the secrets the first half learned
        half.findings().replay(findings, firstEntries, first.out.writing() ? null : first.redactor);
        for (String note : half.state().notes) {
            if (!first.notes.contains(note)) {
                first.notes.add(note);
            }
        }
        first.redactor.absorb(half.state().redactor);
    }

    /** Stops the second thread if it still runs and drops what it read, unless it was joined. */
    @Override
    public void close() {
        cancelled.set(true);
        awaitThread();
        Half h = half;
        if (!taken && h != null && h.output() != null) {
            h.output().discard();
        }
    }

    private void awaitThread() {
        Uninterruptibly.join(thread);
    }
}
