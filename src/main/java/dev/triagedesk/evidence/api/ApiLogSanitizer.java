package dev.triagedesk.evidence.api;

import dev.triagedesk.evidence.console.LineReader;
import dev.triagedesk.evidence.redact.LeftoverScan;
import dev.triagedesk.evidence.redact.Redactor;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Writes API client evidence back with its secrets replaced by redaction markers, line for line: the same number of
 * lines with the same endings, so line numbers in an analysis still point at the right place. Streams with bounded
 * memory; a line longer than {@value #MAX_SEGMENT} characters is redacted in pieces cut after a separator.
 *
 * <p>What goes is what {@link Redactor#text(String, String)} finds in free text: {@code Authorization} in a headers
 * dict ({@code 'authorization': 'Bearer sk-…'}), {@code api_key=…} and {@code 'api_key': '…'}, secret query
 * parameters and user-info in URLs, and token shapes. The prompt in a debug log's {@code Request options} stays in
 * the copy (it is the reporter's own file); it never reaches a finding.
 */
public final class ApiLogSanitizer {

    static final int MAX_SEGMENT = 64 * 1024;
    static final String RULE = "api-log-line";

    private final Redactor redactor;

    public ApiLogSanitizer(Redactor redactor) {
        this.redactor = redactor;
    }

    /** Writes the log line by line with secrets redacted; neither stream is closed, the writer is flushed. */
    public void sanitize(Reader in, Writer out) {
        try {
            lines(in, out::write, true, null);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot sanitize the API client log: " + e.getMessage(), e);
        }
    }

    /**
     * As {@link #sanitize(Reader, Writer)}, in UTF-8 to a byte stream (flushed, not closed): each line's string
     * goes straight to its bytes (for a Latin-1 string a copy), without a writer's char buffer and encoder between,
     * which cost an eighth of sanitizing a debug log.
     */
    public void sanitize(Reader in, OutputStream out) {
        inUtf8(out, text -> lines(in, text, true, null));
    }

    /**
     * As {@link #sanitize(Reader, OutputStream)} for the UTF-8 bytes of a log (not closed): the same copy, with the
     * lines of ASCII bytes (nearly all) neither decoded nor encoded again (see {@link RawLines}).
     */
    public void sanitize(InputStream in, OutputStream out) {
        inUtf8(out, text -> lines(in, text, true, null));
    }

    /** What writes a whole copy's lines. */
    private interface Copy {
        void write(Utf8Text text) throws IOException;
    }

    private static void inUtf8(OutputStream out, Copy copy) {
        try {
            Utf8Text text = new Utf8Text(new BufferedOutputStream(out, 1 << 16));
            copy.write(text);
            text.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot sanitize the API client log: " + e.getMessage(), e);
        }
    }

    /**
     * Where {@link #sanitize(Path, long, long, long, OutputStream)} can cut the bytes {@code [from, end)} of a plain
     * UTF-8 file: the start of a line near the middle, or -1.
     */
    public static long splitPoint(Path file, long from, long end) throws IOException {
        return LineSplit.at(file, from, end);
    }

    /**
     * As {@link #sanitize(Reader, OutputStream)} for the bytes {@code [from, end)} of a plain UTF-8 file, cut at
     * {@code at} (the start of a line, see {@link LineSplit}): a second thread redacts the lines from {@code at} on
     * with a sibling redactor into a held copy while this one redacts those before it; the held copy is then written
     * after them. The result is what one thread gives: when the first half learned a secret (which one thread
     * would then redact wherever it recurs later) or the second thread failed, this thread redacts the second half
     * again itself, going on with its own redactor. Every byte still goes through {@code out} in order, so a
     * scanning stream sees the copy as one thread writes it.
     */
    public void sanitize(Path file, long from, long at, long end, OutputStream out) {
        LeftoverScan.ScanningStream scanning = out instanceof LeftoverScan.ScanningStream s ? s : null;
        SecondHalf second = new SecondHalf(file, at, end, redactor.sibling(), scanning != null);
        second.start();
        try {
            Utf8Text text = new Utf8Text(new BufferedOutputStream(out, 1 << 16));
            try (InputStream in = LineSplit.range(file, from, at)) {
                lines(in, text, true, null);
            }
            second.await();
            if (second.failed() || redactor.knownCount() > 0) {
                try (InputStream in = LineSplit.range(file, at, end)) {
                    lines(in, text, false, null);
                }
            } else {
                text.out.flush();
                second.writeTo(out, scanning);
                redactor.absorb(second.redactor());
            }
            text.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot sanitize the API client log: " + e.getMessage(), e);
        } finally {
            second.close();
        }
    }

    /** Where the redacted text goes, a piece at a time. */
    interface Text {
        void write(String s) throws IOException;

        /** Text of ASCII characters, as its bytes. */
        default void writeAscii(byte[] b, int off, int len) throws IOException {
            write(new String(b, off, len, StandardCharsets.ISO_8859_1));
        }

        /**
         * A line of ASCII bytes written as it was read, its ending included: the bytes at {@code at} of the input the
         * lines are read from.
         */
        default void writeUnchanged(byte[] b, int off, int len, long at) throws IOException {
            writeAscii(b, off, len);
        }

        /** A line (its ending included) was written. */
        default void lineEnded() throws IOException {
        }
    }

    /**
     * Redacts the lines of {@code in} to {@code out}; {@code atStart} when they begin the document (a byte-order
     * mark is kept as it is), {@code cancelled} (may be null) stops the loop between lines.
     */
    void lines(Reader in, Text out, boolean atStart, AtomicBoolean cancelled) throws IOException {
        pieces(new LineReader(in, MAX_SEGMENT), out, atStart, cancelled);
    }

    /**
     * As {@link #lines(Reader, Text, boolean, AtomicBoolean)} for UTF-8 bytes: a line of ASCII bytes is redacted as
     * the string of its bytes and, when nothing in it was secret (nearly always), written as those bytes; any other
     * line is decoded and read in pieces as the reader of the decoded text gives them.
     */
    void lines(InputStream in, Text out, boolean atStart, AtomicBoolean cancelled) throws IOException {
        RawLines lines = new RawLines(in, MAX_SEGMENT);
        boolean first = atStart;
        while (lines.next()) {
            if (cancelled != null && cancelled.get()) {
                throw new IOException("cancelled");
            }
            if (lines.ascii()) {
                byte[] b = lines.bytes();
                int start = lines.start();
                int length = lines.length();
                String ending = lines.ending(); // its bytes follow the line's in b
                int prefix = LoggingPrefix.cleanLength(b, start, length);
                if (prefix > 0 && redactor.asciiLineRepeatsClean(b, start, prefix, start + length)) {
                    out.writeUnchanged(b, start, length + ending.length(), lines.offset());
                } else {
                    byte[] ascii = Arrays.copyOfRange(b, start, start + length);
                    String text = new String(ascii, StandardCharsets.ISO_8859_1);
                    String redacted = redactor.asciiText(text, ascii, prefix, RULE);
                    if (redacted == text) {
                        out.writeUnchanged(b, start, length + ending.length(), lines.offset());
                    } else {
                        out.write(redacted);
                        out.write(ending);
                    }
                }
                out.lineEnded();
            } else {
                pieces(lines.pieces(), out, first, cancelled);
            }
            first = false;
        }
    }

    /** The pieces of one line (or, from a reader, of every line) redacted to {@code out}. */
    private void pieces(LineReader lines, Text out, boolean atStart, AtomicBoolean cancelled) throws IOException {
        boolean first = atStart;
        for (LineReader.Line l = lines.next(); l != null; l = lines.next()) {
            if (cancelled != null && cancelled.get()) {
                throw new IOException("cancelled");
            }
            String text = l.text();
            if (first && !text.isEmpty() && text.charAt(0) == '\uFEFF') {
                out.write("\uFEFF");
                text = text.substring(1);
            }
            first = false;
            out.write(redactor.text(text, RULE));
            out.write(l.ending());
            if (!l.continues()) {
                out.lineEnded();
            }
        }
    }

    /**
     * UTF-8 of the pieces written, as one encoder over all of them would give: a piece of a long line may end
     * between the two halves of a surrogate pair (an emoji), so a high surrogate at a piece's end waits for the
     * next piece; one left alone becomes '?', as the encoder makes it.
     */
    static class Utf8Text implements Text {
        final OutputStream out;
        private char high;

        Utf8Text(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(String s) throws IOException {
            if (s.isEmpty()) {
                return;
            }
            if (high != 0) {
                s = high + s;
                high = 0;
            }
            char last = s.charAt(s.length() - 1);
            if (Character.isHighSurrogate(last)) {
                high = last;
                s = s.substring(0, s.length() - 1);
            }
            out.write(s.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void writeAscii(byte[] b, int off, int len) throws IOException {
            if (high != 0) {
                write(new String(b, off, len, StandardCharsets.ISO_8859_1)); // the surrogate waiting goes first
            } else {
                out.write(b, off, len);
            }
        }

        /** Whether a high surrogate waits for the next piece (then nothing written is as it was read). */
        boolean surrogateWaiting() {
            return high != 0;
        }

        void finish() throws IOException {
            if (high != 0) {
                out.write('?');
                high = 0;
            }
            out.flush();
        }
    }
}
