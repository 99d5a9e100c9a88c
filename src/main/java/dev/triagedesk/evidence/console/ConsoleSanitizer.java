package dev.triagedesk.evidence.console;

import dev.triagedesk.evidence.redact.Redactor;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Writes a console log back with its secrets replaced by redaction markers, line for line: the same number of
 * lines with the same endings, so line numbers in an analysis still point at the right place. Streams with
 * bounded memory; a line longer than {@value #MAX_SEGMENT} characters is redacted in pieces cut after a separator
 * (a token longer than 4 KB without any separator could be split across two pieces).
 *
 * <p>What goes is what {@link Redactor#text(String, String)} finds in free text: URL user-info, secret query
 * parameters, {@code name=value}/{@code name: value} pairs under secret names (whole {@code Cookie:} and
 * {@code Authorization:} lines), and token shapes (JWT, {@code sk-…}, {@code Bearer …}, cloud keys).
 */
public final class ConsoleSanitizer {

    static final int MAX_SEGMENT = 64 * 1024;
    static final String RULE = "console-line";

    private final Redactor redactor;

    public ConsoleSanitizer(Redactor redactor) {
        this.redactor = redactor;
    }

    /** Writes the log line by line with secrets redacted; neither stream is closed, the writer is flushed. */
    public void sanitize(Reader in, Writer out) {
        try {
            LineReader lines = new LineReader(in, MAX_SEGMENT);
            boolean first = true;
            for (LineReader.Line l = lines.next(); l != null; l = lines.next()) {
                String text = l.text();
                if (first && !text.isEmpty() && text.charAt(0) == '\uFEFF') {
                    out.write('\uFEFF'); // keep the byte-order mark, out of the redactor's way
                    text = text.substring(1);
                }
                first = false;
                out.write(redactor.text(text, RULE));
                out.write(l.ending());
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot sanitize the console log: " + e.getMessage(), e);
        }
    }
}
