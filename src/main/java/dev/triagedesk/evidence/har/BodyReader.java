package dev.triagedesk.evidence.har;

import dev.triagedesk.evidence.redact.Base64Literals;
import dev.triagedesk.evidence.redact.Redactor;
import dev.triagedesk.evidence.redact.Scope;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;

/**
 * Reads a {@code postData} or {@code content} object. Its {@code text} is read only when it is needed: always when
 * sanitizing, and for analysis only when the entry failed or is an event stream. When the input is a file read
 * unchanged, the text is located as a byte range and skipped by the parser undecoded: analysis then looks at those
 * bytes only if it must, and the sanitized copy takes them as they are when nothing in them is secret.
 *
 * <p>When sanitizing, the object is held until its end so the {@code mimeType} and {@code encoding} (Chrome writes it
 * after the text) are known; a body too large for memory is streamed instead.
 */
final class BodyReader {

    /** How much of a failing response body is kept for error parsing and request-ID search. */
    private static final int BODY_CAPTURE = 256 * 1024;

    private final ReadState s;
    private final Redactor redactor;
    /** The sanitized copy; null when only analyzing. */
    private final SanitizedCopy copy;
    /** The last response mime type read and its lower case: a capture repeats a handful of them. */
    private String lastMime;
    private String lastLowerMime;

    BodyReader(ReadState state) {
        this.s = state;
        this.redactor = state.redactor;
        this.copy = state.out instanceof SanitizedCopy sanitized ? sanitized : null;
    }

    /** Reads the body object whose '{' is the current token. */
    void read(EntryFacts f, boolean request) {
        if (copy == null) {
            analyze(f, request);
        } else {
            sanitize(f, request);
        }
    }

    private void noteMime(EntryFacts f, boolean request, String mime) {
        if (request) {
            f.requestJson |= mime != null && mime.contains("json");
        } else {
            f.mime = lowerMime(mime);
        }
    }

    /**
     * The mime type in lower case. Remembered from the last one: comparing two strings is a vector compare, while
     * lower-casing looks each character up (about 4% of a thread analyzing a HAR of many small requests).
     */
    private String lowerMime(String mime) {
        if (mime == null) {
            return null;
        }
        if (!mime.equals(lastMime)) {
            lastMime = mime;
            lastLowerMime = mime.toLowerCase(Locale.ROOT);
        }
        return lastLowerMime;
    }

    /** A capture of the body when the analysis of this entry needs it, else null. */
    private static BodyCapture captureFor(EntryFacts f, boolean request) {
        if (request || !f.needsBody()) {
            return null;
        }
        String m = f.mime != null ? f.mime : f.contentType;
        return new BodyCapture(BODY_CAPTURE, m != null && m.contains("event-stream"));
    }

    /** The current string's byte range in the file; the parser moves on to the next token, which is returned. */
    private JsonToken skipString(long[] region) {
        JsonParser p = s.p;
        region[0] = p.currentTokenLocation().getByteOffset();
        JsonToken next = p.nextToken();
        region[1] = s.raw.endOfString(region[0], p.currentTokenLocation().getByteOffset());
        return next;
    }

    // ------------------------------------------------------------------ analysis alone

    private void analyze(EntryFacts f, boolean request) {
        JsonParser p = s.p;
        String encoding = null;
        BodyCapture capture = null;
        long[] region = null;
        JsonToken next = p.nextToken();
        while (next == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            JsonToken lookahead = null;
            switch (name) {
                case "mimeType" -> noteMime(f, request, s.scalar());
                case "encoding" -> encoding = s.scalar();
                case "text" -> {
                    if (t == JsonToken.VALUE_STRING) {
                        capture = captureFor(f, request);
                        if (capture != null && s.raw != null) {
                            // skipped undecoded; its bytes are looked at once the encoding is known (see below)
                            region = new long[2];
                            lookahead = skipString(region);
                        } else if (capture != null) {
                            p.readString(capture);
                            capture.close();
                        }
                    } else if (t.isStructStart()) {
                        p.skipChildren();
                    }
                }
                default -> {
                    if (t.isStructStart()) {
                        p.skipChildren();
                    }
                }
            }
            next = lookahead != null ? lookahead : p.nextToken();
        }
        boolean base64 = encoding != null && encoding.equalsIgnoreCase("base64");
        if (region != null) {
            analyzeRaw(f, capture, region, base64);
        } else if (capture != null) {
            takeBody(f, capture, base64, true);
        }
    }

    /**
     * The body of an entry being analyzed from a file: a successful event stream whose bytes do not even contain
     * "error" or "failed" is left undecoded, which is most of a ChatGPT capture.
     */
    private void analyzeRaw(EntryFacts f, BodyCapture capture, long[] region, boolean base64) {
        long len = region[1] - region[0];
        if (len > BODY_CAPTURE * 8L) {
            readRegion(region, capture);
        } else {
            byte[] bytes = s.raw.readReusing(region[0], region[1]);
            int n = (int) len;
            if (!f.failing() && !base64 && !ErrorWords.in(bytes, n)) {
                return; // an event stream without error events
            }
            capture.write(JsonStringLiteral.decode(bytes, n));
        }
        capture.close();
        takeBody(f, capture, base64, true);
    }

    /**
     * Gives the analysis the captured body. {@code base64}: the capture holds base64, decoded here (as a prefix: the
     * capture may be cut); {@code rescan}: then the event stream is found again in the decoded text.
     */
    private static void takeBody(EntryFacts f, BodyCapture capture, boolean base64, boolean rescan) {
        f.body = base64 ? Base64Text.decode(capture.text(), true) : capture.text();
        f.bodyTruncated = capture.truncated();
        f.stream = capture.stream();
        if (rescan && base64 && f.stream != null && f.body != null) {
            EventStreamScanner decoded = new EventStreamScanner();
            decoded.accept(f.body);
            decoded.finish();
            f.stream = decoded;
        }
    }

    // ------------------------------------------------------------------ sanitizing

    private void sanitize(EntryFacts f, boolean request) {
        JsonParser p = s.p;
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
                    mime = s.scalar();
                    noteMime(f, request, mime);
                    field(fields, sink, name, t);
                }
                case "encoding" -> {
                    encoding = s.scalar();
                    field(fields, sink, name, t);
                }
                case "text" -> {
                    if (t != JsonToken.VALUE_STRING) {
                        field(fields, sink, name, t);
                        break;
                    }
                    capture = captureFor(f, request);
                    if (s.raw != null) {
                        // skipped undecoded; its bytes are read from the file when written, and the analysis gets
                        // the text decoded then (see below)
                        region = new long[2];
                        lookahead = skipString(region);
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
                    if (t == JsonToken.START_ARRAY) {
                        params = new ArrayList<>();
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            if (p.currentToken() == JsonToken.START_OBJECT) {
                                params.add(s.readFlat());
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
            takeBody(f, capture, base64, true);
        }
        if (sink != null && sink.streaming()) {
            copy.endObject(); // everything else was written as it came
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
                String decoded = Base64Text.textual(mime) ? Base64Text.decode(text, false) : null;
                if (decoded != null) {
                    String red = redactor.body(mime, decoded, request);
                    if (red != decoded) {
                        outText = red;
                        dropEncoding = true; // a replaced body is plain text now
                    }
                } else if (!Base64Literals.isBase64(text)) {
                    outText = redactor.body(mime, text, request); // declared base64, but text: redacted as text
                }
            } else {
                outText = redactor.body(mime, text, request);
            }
        }
        copy.startObject();
        for (FlatField ff : fields) {
            if (ff == FlatField.TEXT) {
                copy.name("text");
                if (rawText != null && rawText.bytes() != null) {
                    writeLiteral(rawText, mime, request);
                } else if (outText != null) {
                    copy.string(outText);
                } else {
                    streamRegion(region, request);
                }
            } else if (ff == FlatField.PARAMS) {
                writeParams(params);
            } else if (ff.name().equals("encoding") && dropEncoding) {
                continue;
            } else {
                copy.name(ff.name());
                copy.flatValue(ff);
            }
        }
        copy.endObject();
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
        if (len > (long) s.options.maxBodyInMemory() + 2) {
            return RawText.streamed();
        }
        int n = (int) len;
        byte[] bytes = s.raw.readReusing(region[0], region[1]);
        if (base64) {
            if (!Base64Text.textual(mime) || Base64Text.startsBinary(bytes, n)) {
                return RawText.original(bytes, n, true, null);
            }
            String decoded = Base64Text.decode(JsonStringLiteral.decode(bytes, n), false);
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
        takeBody(f, capture, base64 && rawText.decoded() == null, false);
    }

    /**
     * Writes a body as its original literal. One declared base64 that is not (a hand-edited capture can hold plain
     * text there, secrets included) is redacted as the text it is: the leftover scan would otherwise refuse the file.
     */
    private void writeLiteral(RawText rawText, String mime, boolean request) {
        byte[] literal = rawText.bytes();
        int length = rawText.length();
        copy.startLiteral();
        if (!rawText.base64()) {
            copy.literalBytes(literal, length);
            return;
        }
        if (copy.base64Literal(literal, length)) {
            return;
        }
        String text = JsonStringLiteral.decode(literal, length);
        String red = redactor.body(mime, text, request);
        if (red == text) {
            copy.literalBytes(literal, length);
        } else {
            copy.literalText(red);
        }
    }

    /** Feeds the string at {@code region} of the input to {@code sink}, in chunks. */
    private void readRegion(long[] region, Writer sink) {
        try (InputStream in = s.raw.stream(region[0], region[1]);
             JsonParser mini = HarJson.JSON.createParser(ObjectReadContext.empty(), in)) {
            mini.nextToken();
            mini.readString(sink);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A body too large for memory: redacted chunk by chunk on its way out. */
    private void streamRegion(long[] region, boolean request) {
        LargeStringOutput out = copy.largeString(request ? "request-body" : "response-body");
        readRegion(region, out);
        out.close();
        s.noteLargeBody();
    }

    /** Records a body-object field: held in {@code fields}, or written at once when the body is streaming. */
    private void field(List<FlatField> fields, TextSink sink, String name, JsonToken t) {
        FlatField ff = t.isStructStart() ? new FlatField(name, null, t, s.tree()) : new FlatField(name, s.scalarText(t), t, null);
        if (sink != null && sink.streaming()) {
            copy.name(name);
            copy.flatValue(ff);
        } else {
            fields.add(ff);
        }
    }

    private void writeParams(List<List<FlatField>> params) {
        copy.name("params");
        copy.startArray();
        for (List<FlatField> param : params) {
            copy.flatObject(param, "value",
                    (fields, value) -> redactor.parameter(FlatField.valueOf(fields, "name"), value, Scope.FORM));
        }
        copy.endArray();
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
            if (memory.length() + n <= s.options.maxBodyInMemory()) {
                memory.append(c, off, n);
                return;
            }
            // too large to parse as a whole: write what is held, then stream
            copy.startObject();
            for (FlatField ff : heldFields) {
                copy.name(ff.name());
                copy.flatValue(ff);
            }
            copy.name("text");
            stream = copy.largeString(request ? "request-body" : "response-body");
            stream.begin(memory);
            memory.setLength(0);
            memory.trimToSize();
            stream.write(c, off, n);
            s.noteLargeBody();
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
}
