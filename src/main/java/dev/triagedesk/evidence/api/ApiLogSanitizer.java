package dev.triagedesk.evidence.api;

import dev.triagedesk.evidence.console.LineReader;
import dev.triagedesk.evidence.redact.Redactor;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;

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
            LineReader lines = new LineReader(in, MAX_SEGMENT);
            boolean first = true;
            for (LineReader.Line l = lines.next(); l != null; l = lines.next()) {
                String text = l.text();
                if (first && !text.isEmpty() && text.charAt(0) == '\uFEFF') {
                    out.write('\uFEFF');
                    text = text.substring(1);
                }
                first = false;
                out.write(redactor.text(text, RULE));
                out.write(l.ending());
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot sanitize the API client log: " + e.getMessage(), e);
        }
    }
}
