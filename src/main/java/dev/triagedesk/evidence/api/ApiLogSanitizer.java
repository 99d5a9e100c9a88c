package dev.triagedesk.evidence.api;

import dev.triagedesk.evidence.console.LineReader;
import dev.triagedesk.evidence.redact.Redactor;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

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
            lines(in, out::write);
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
        try {
            Utf8Text text = new Utf8Text(new BufferedOutputStream(out, 1 << 16));
            lines(in, text);
            text.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot sanitize the API client log: " + e.getMessage(), e);
        }
    }

    /** Where the redacted text goes, a piece at a time. */
    private interface Text {
        void write(String s) throws IOException;
    }

    private void lines(Reader in, Text out) throws IOException {
        LineReader lines = new LineReader(in, MAX_SEGMENT);
        boolean first = true;
        for (LineReader.Line l = lines.next(); l != null; l = lines.next()) {
            String text = l.text();
            if (first && !text.isEmpty() && text.charAt(0) == '\uFEFF') {
                out.write("\uFEFF");
                text = text.substring(1);
            }
            first = false;
            out.write(redactor.text(text, RULE));
            out.write(l.ending());
        }
    }

    /**
     * UTF-8 of the pieces written, as one encoder over all of them would give: a piece of a long line may end
     * between the two halves of a surrogate pair (an emoji), so a high surrogate at a piece's end waits for the
     * next piece; one left alone becomes '?', as the encoder makes it.
     */
    private static final class Utf8Text implements Text {
        private final OutputStream out;
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

        void finish() throws IOException {
            if (high != 0) {
                out.write('?');
                high = 0;
            }
            out.flush();
        }
    }
}
