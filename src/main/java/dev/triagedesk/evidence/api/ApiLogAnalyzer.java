package dev.triagedesk.evidence.api;

import dev.triagedesk.evidence.console.LineReader;
import dev.triagedesk.evidence.redact.Redactor;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.commons.io.IOUtils;

/**
 * Reads API client evidence line by line and reports its failing calls, request IDs and triage signals. The format
 * is detected from the first 64 KB; after that the log is streamed with one call (and, for openai-node, the calls
 * still being retried) in memory, so memory stays bounded for any size: at most {@value #DEFAULT_MAX_CALLS} calls
 * are kept (the rest are counted), lines are read up to 64 KB (the rest of a longer line is skipped), an error body
 * up to 16 KB, signals once per type and detail.
 *
 * <p>A call is a request and the SDK's retries of it: an attempt joins the call before it when a retry was
 * announced in between ({@code Retrying request…}, {@code - retrying, 2 attempts remaining}, openai-node's
 * {@code retryOf}, curl's {@code Will retry}). An exception (a traceback's last line) joins the call it ends.
 * Request lines are read for the method, URL and model only: the prompt beside them in {@code Request options}, and
 * the body of a successful response, never reach the result.
 *
 * <p>Every text in the result went through the {@link Redactor} given to the constructor. Not thread-safe: one
 * analyzer per document, like the redactor.
 */
public final class ApiLogAnalyzer {

    public static final int DEFAULT_MAX_CALLS = 5000;
    /** How much text format detection looks at. */
    public static final int HEAD_CHARS = 64 * 1024;

    static final int MAX_LINE = 64 * 1024;
    static final int MAX_BODY = 16 * 1024;
    static final int MAX_SIGNALS = 500;
    static final int MAX_REQUEST_IDS = 500;
    static final int MAX_MESSAGE = 500;
    static final int MAX_URL = 2048;
    /** openai-node calls waiting for their retry; an older one is given up when more are open. */
    static final int MAX_OPEN_CALLS = 256;

    private final Redactor redactor;
    private final int maxCalls;

    public ApiLogAnalyzer(Redactor redactor) {
        this(redactor, DEFAULT_MAX_CALLS);
    }

    ApiLogAnalyzer(Redactor redactor, int maxCalls) {
        this.redactor = redactor;
        this.maxCalls = maxCalls;
    }

    /** Whether the text (the first ~64 KB of a file) is API client evidence this reader takes. */
    public static boolean looksLikeApiLog(String head) {
        return FormatDetector.detect(head) != null;
    }

    /** The {@link ApiLogFormat} id of the text, or {@code null} when it is not API client evidence. */
    public static String detectFormat(String head) {
        ApiLogFormat f = FormatDetector.detect(head);
        return f == null ? null : f.id();
    }

    /** Reads the whole log; the reader is not closed. */
    public ApiLogAnalysis analyze(Reader reader) {
        return analyze(reader, false);
    }

    /**
     * As {@link #analyze(Reader)}; with {@code readAhead} a second thread reads the lines and works out what each
     * says alone ({@link ParsedLine}) while this one correlates them into calls, for large files. The result is
     * the same.
     */
    public ApiLogAnalysis analyze(Reader reader, boolean readAhead) {
        try {
            char[] head = new char[HEAD_CHARS];
            int n = IOUtils.read(reader, head);
            LineReader lines = new LineReader(reader, head, n, MAX_LINE);
            if (readAhead) {
                return read(new String(head, 0, n), new ReadAhead(lines));
            }
            ApiLogReading reading = reading(new String(head, 0, n));
            LineReader.Line l = lines.nextSkippingRest();
            for (boolean first = true; l != null; l = lines.nextSkippingRest(), first = false) {
                reading.line(first ? ParsedLine.first(l.text()) : new ParsedLine(l.text()));
            }
            return reading.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the API client log: " + e.getMessage(), e);
        }
    }

    /**
     * As {@link #analyze(Reader, boolean)} for the UTF-8 bytes of a log (not closed): with {@code readAhead} the
     * reading thread takes lines of ASCII bytes as the strings of their bytes, without decoding them (see
     * {@link RawLines}); the result is the same.
     */
    public ApiLogAnalysis analyze(InputStream in, boolean readAhead) {
        if (!readAhead) {
            return analyze(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16), false);
        }
        try {
            // the head is decoded for format detection, then the lines are read from the first byte again
            BufferedInputStream bytes = new BufferedInputStream(in, 1 << 16);
            String head = LogHead.peek(bytes);
            return read(head, new ReadAhead(new RawLines(bytes, MAX_LINE)::nextSkippingRest));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the API client log: " + e.getMessage(), e);
        }
    }

    private ApiLogReading reading(String head) {
        ApiLogFormat format = FormatDetector.detect(head);
        return new ApiLogReading(format == null ? ApiLogFormat.TRACEBACK : format, redactor, maxCalls);
    }

    /** Correlates the lines a reading thread hands over (it is stopped at the end). */
    private ApiLogAnalysis read(String head, ReadAhead ahead) throws IOException {
        try (ahead) {
            ApiLogReading reading = reading(head);
            for (ParsedLine l = ahead.next(); l != null; l = ahead.next()) {
                reading.line(l);
            }
            return reading.finish();
        }
    }

}
