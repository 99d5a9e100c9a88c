package dev.triagedesk.evidence.batch;

import dev.triagedesk.evidence.input.EightBytes;
import java.util.Arrays;

/**
 * A line of JSON in which nothing was redacted, written compactly from its own bytes: what the redactor's walk would
 * write (Jackson's generator: no white space between tokens, the same escapes, integers as written), without
 * parsing the line again and encoding every value anew. Only what surely comes out the same is taken: strings
 * whose escapes are among those the generator writes alike ({@code \" \\ \n \t \r}), integers in their plain form,
 * literals, structure and white space. Anything else ({@code \/}, a unicode escape, other escapes, a fraction or an
 * exponent, a byte-order mark) makes {@link #copy} decline, and the caller writes the line with the generator.
 * The line must be one valid JSON value (the redactor's walk has just read it).
 */
final class CompactLine {

    private byte[] out = new byte[1 << 12];
    private int length;

    /** The compact copy of {@code b[0, n)} into {@link #bytes()}; false when it cannot vouch for the result. */
    boolean copy(byte[] b, int n) {
        if (out.length < n) {
            out = Arrays.copyOf(out, Math.max(n, out.length * 2));
        }
        byte[] o = out;
        int w = 0;
        int i = 0;
        while (i < n) {
            byte c = b[i];
            switch (c) {
                case ' ', '\t', '\r', '\n' -> i++;
                case '{', '}', '[', ']', ',', ':' -> {
                    o[w++] = c;
                    i++;
                }
                case '"' -> {
                    int end = stringEnd(b, i + 1, n);
                    if (end < 0) {
                        return false;
                    }
                    System.arraycopy(b, i, o, w, end - i);
                    w += end - i;
                    i = end;
                }
                case 't', 'f', 'n' -> {
                    // true, false, null: the walk has read the line, so the letters are one of them
                    int end = i;
                    while (end < n && b[end] >= 'a' && b[end] <= 'z') {
                        end++;
                    }
                    System.arraycopy(b, i, o, w, end - i);
                    w += end - i;
                    i = end;
                }
                default -> {
                    int end = plainIntegerEnd(b, i, n);
                    if (end < 0) {
                        return false;
                    }
                    System.arraycopy(b, i, o, w, end - i);
                    w += end - i;
                    i = end;
                }
            }
        }
        length = w;
        return true;
    }

    byte[] bytes() {
        return out;
    }

    int length() {
        return length;
    }

    /**
     * The index after the closing quote of the string whose content starts at {@code from}, or -1 when it holds
     * an escape the generator may write otherwise, or a control character.
     */
    private static int stringEnd(byte[] b, int from, int n) {
        int i = from;
        // eight bytes at a time past what needs no look: no quote, backslash or control character among them
        while (i + 8 <= n) {
            long x = EightBytes.at(b, i);
            if ((EightBytes.zeroBytes(x ^ QUOTES) | EightBytes.zeroBytes(x ^ BACKSLASHES)
                    | EightBytes.bytesBelow(x, 0x20)) != 0) {
                break;
            }
            i += 8;
        }
        for (; i < n; i++) {
            byte c = b[i];
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\') {
                if (i + 1 >= n) {
                    return -1;
                }
                byte e = b[++i];
                if (e != '"' && e != '\\' && e != 'n' && e != 't' && e != 'r') {
                    return -1;
                }
            } else if (c >= 0 && c < 0x20) {
                return -1;
            }
        }
        return -1;
    }

    private static final long QUOTES = EightBytes.repeated('"');
    private static final long BACKSLASHES = EightBytes.repeated('\\');

    /** The end of an integer written as the generator writes it ({@code -?(0|[1-9][0-9]*)}, not -0), or -1. */
    private static int plainIntegerEnd(byte[] b, int from, int n) {
        int i = from;
        boolean negative = i < n && b[i] == '-';
        if (negative) {
            i++;
        }
        int digits = i;
        while (i < n && b[i] >= '0' && b[i] <= '9') {
            i++;
        }
        if (i == digits || i - digits > 1 && b[digits] == '0' || negative && i - digits == 1 && b[digits] == '0') {
            return -1;
        }
        if (i < n && (b[i] == '.' || b[i] == 'e' || b[i] == 'E')) {
            return -1; // a fraction or exponent: the exact copy decides how it prints
        }
        return i;
    }
}
