package dev.triagedesk.evidence.har;

import java.nio.charset.StandardCharsets;

/**
 * Decodes one JSON string literal given as its UTF-8 bytes, quotes included. Creating a Jackson parser per body
 * costs more than decoding a short body (its context set-up dominated sanitizing small event streams), and the
 * bytes are known to be a well-formed literal: Jackson already scanned them.
 */
final class JsonStringLiteral {

    private JsonStringLiteral() {
    }

    static String decode(byte[] literal) {
        return decode(literal, literal.length);
    }

    /** The literal in the first {@code length} bytes of {@code buf}. */
    static String decode(byte[] literal, int length) {
        int end = length - 1;
        int backslash = -1;
        for (int i = 1; i < end; i++) {
            if (literal[i] == '\\') {
                backslash = i;
                break;
            }
        }
        if (backslash < 0) {
            return new String(literal, 1, end - 1, StandardCharsets.UTF_8);
        }
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
                    sb.append((char) Integer.parseInt(new String(literal, i + 2, 4, StandardCharsets.US_ASCII), 16));
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
