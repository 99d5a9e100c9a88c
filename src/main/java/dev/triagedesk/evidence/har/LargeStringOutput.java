package dev.triagedesk.evidence.har;

import dev.triagedesk.evidence.redact.Redactor;
import java.io.Writer;
import tools.jackson.core.JsonGenerator;

/**
 * Writes one JSON string value of any length to a generator in chunks, as Jackson's {@code readString(Writer)}
 * hands it over, so a 500 MB body never has to fit in memory. Text is redacted chunk by chunk, cutting only at
 * characters no secret or {@code name=value} pair contains (white space, commas, ampersands, semicolons), so a
 * secret is never split. A chunk that is pure base64 is passed through untouched: no secret shape can occur in
 * that alphabet, and the leftover scan checks the output anyway.
 */
final class LargeStringOutput extends Writer {

    private static final int CHUNK = 1 << 20;
    private static final int SEARCH_BACK = 64 * 1024;

    private final JsonGenerator out;
    private final Redactor redactor;
    private final String rule;
    private final char[] buf = new char[CHUNK];
    private final StringBuilder escaped = new StringBuilder(CHUNK + 1024);
    private int len;
    private boolean started;
    private char pendingHighSurrogate;

    LargeStringOutput(JsonGenerator out, Redactor redactor, String rule) {
        this.out = out;
        this.redactor = redactor;
        this.rule = rule;
    }

    /** Starts the value with text that was already read (the part held in memory before the string grew). */
    void begin(CharSequence head) {
        out.writeRawValue("\"");
        started = true;
        write(head.toString());
    }

    @Override
    public void write(char[] c, int off, int n) {
        if (!started) {
            out.writeRawValue("\"");
            started = true;
        }
        while (n > 0) {
            int take = Math.min(n, CHUNK - len);
            System.arraycopy(c, off, buf, len, take);
            len += take;
            off += take;
            n -= take;
            if (len == CHUNK) {
                emit(false);
            }
        }
    }

    @Override
    public void write(String s) {
        char[] chars = s.toCharArray();
        write(chars, 0, chars.length);
    }

    private void emit(boolean last) {
        boolean passThrough = isBase64(buf, len);
        int cut = len;
        if (!last && !passThrough) {
            int floor = Math.max(0, len - SEARCH_BACK);
            for (int i = len - 1; i > floor; i--) {
                char ch = buf[i];
                if (ch == '\n' || ch == ' ' || ch == ',' || ch == '&' || ch == ';') {
                    cut = i + 1;
                    break;
                }
            }
        }
        String piece = new String(buf, 0, cut);
        String text = passThrough ? piece : redactor.text(piece, rule);
        writeEscaped(text);
        System.arraycopy(buf, cut, buf, 0, len - cut);
        len -= cut;
    }

    /** Ends the value. */
    @Override
    public void close() {
        if (!started) {
            out.writeRawValue("\"");
            started = true;
        }
        emit(true);
        if (pendingHighSurrogate != 0) {
            escaped.setLength(0);
            escaped.append("\\u").append(String.format("%04x", (int) pendingHighSurrogate));
            out.writeRaw(escaped.toString());
            pendingHighSurrogate = 0;
        }
        out.writeRaw('"');
    }

    @Override
    public void flush() {
    }

    private void writeEscaped(String s) {
        escaped.setLength(0);
        if (pendingHighSurrogate != 0) {
            escaped.append(pendingHighSurrogate);
            pendingHighSurrogate = 0;
        }
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> escaped.append("\\\"");
                case '\\' -> escaped.append("\\\\");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                case '\t' -> escaped.append("\\t");
                default -> {
                    if (c < 0x20) {
                        escaped.append(String.format("\\u%04x", (int) c));
                    } else if (Character.isHighSurrogate(c) && i == n - 1) {
                        pendingHighSurrogate = c; // its pair arrives with the next chunk
                    } else {
                        escaped.append(c);
                    }
                }
            }
        }
        if (escaped.length() > 0) {
            out.writeRaw(escaped.toString());
        }
    }

    private static boolean isBase64(char[] b, int n) {
        for (int i = 0; i < n; i++) {
            char c = b[i];
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/'
                    || c == '=' || c == '\n' || c == '\r')) {
                return false;
            }
        }
        return n > 0;
    }
}
