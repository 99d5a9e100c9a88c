package dev.triagedesk.evidence.har;

import dev.triagedesk.evidence.input.EightBytes;
import java.nio.charset.StandardCharsets;

/**
 * Decodes one JSON string literal given as its UTF-8 bytes, quotes included. Creating a Jackson parser per body
 * costs more than decoding a short body (its context set-up dominated sanitizing small event streams), and the
 * bytes are known to be a well-formed literal: Jackson already scanned them.
 *
 * <p>Escapes are undone at the byte level and the result decoded as UTF-8 once: event streams of JSON chunks
 * hold an escaped quote every few characters, and a String per piece between them cost more than the rest of
 * their redaction.
 */
final class JsonStringLiteral {

    private JsonStringLiteral() {
    }

    /** The index of the first backslash in {@code bytes[from, to)}, or -1 (most bodies have none). */
    static int firstBackslash(byte[] bytes, int from, int to) {
        return EightBytes.indexOf(bytes, (byte) '\\', from, to);
    }

    /** The literal in the first {@code length} bytes of {@code buf}. */
    static String decode(byte[] literal, int length) {
        int end = length - 1;
        int backslash = firstBackslash(literal, 1, end);
        if (backslash < 0) {
            return new String(literal, 1, end - 1, StandardCharsets.UTF_8);
        }
        byte[] out = new byte[end - 1];
        int n = backslash - 1;
        System.arraycopy(literal, 1, out, 0, n);
        int i = backslash;
        while (i < end) {
            byte b = literal[i];
            if (b != '\\') {
                out[n++] = b;
                i++;
                continue;
            }
            byte e = literal[i + 1];
            switch (e) {
                case 'n' -> out[n++] = '\n';
                case 'r' -> out[n++] = '\r';
                case 't' -> out[n++] = '\t';
                case 'b' -> out[n++] = '\b';
                case 'f' -> out[n++] = '\f';
                case 'u' -> {
                    int c = hex4(literal, i + 2);
                    if (Character.isSurrogate((char) c)) {
                        return slowDecode(literal, length, backslash); // pairs and lone halves: leave it to chars
                    }
                    n = utf8(c, out, n);
                    i += 4;
                }
                default -> out[n++] = e; // \" \\ \/
            }
            i += 2;
        }
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }

    /** Writes a BMP code point (not a surrogate) as UTF-8; never longer than its {@code \\uXXXX} escape. */
    private static int utf8(int c, byte[] out, int n) {
        if (c < 0x80) {
            out[n++] = (byte) c;
        } else if (c < 0x800) {
            out[n++] = (byte) (0xC0 | c >> 6);
            out[n++] = (byte) (0x80 | c & 0x3F);
        } else {
            out[n++] = (byte) (0xE0 | c >> 12);
            out[n++] = (byte) (0x80 | c >> 6 & 0x3F);
            out[n++] = (byte) (0x80 | c & 0x3F);
        }
        return n;
    }

    private static int hex4(byte[] b, int at) {
        int v = 0;
        for (int k = at; k < at + 4; k++) {
            int d = Character.digit(b[k], 16);
            if (d < 0) {
                throw new IllegalArgumentException("bad \\u escape");
            }
            v = v << 4 | d;
        }
        return v;
    }

    /** Char by char, for literals with escaped surrogates (emoji written as two {@code \\u} escapes). */
    private static String slowDecode(byte[] literal, int length, int backslash) {
        int end = length - 1;
        StringBuilder sb = new StringBuilder(end);
        sb.append(new String(literal, 1, backslash - 1, StandardCharsets.UTF_8));
        int i = backslash;
        int plainStart = -1;
        while (i < end) {
            byte b = literal[i];
            if (b != '\\') {
                if (plainStart < 0) {
                    plainStart = i;
                }
                i++;
                continue;
            }
            if (plainStart >= 0) {
                sb.append(new String(literal, plainStart, i - plainStart, StandardCharsets.UTF_8));
                plainStart = -1;
            }
            char e = (char) literal[i + 1];
            switch (e) {
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'u' -> {
                    sb.append((char) hex4(literal, i + 2));
                    i += 4;
                }
                default -> sb.append(e); // \" \\ \/
            }
            i += 2;
        }
        if (plainStart >= 0) {
            sb.append(new String(literal, plainStart, end - plainStart, StandardCharsets.UTF_8));
        }
        return sb.toString();
    }
}
