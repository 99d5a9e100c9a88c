package dev.triagedesk.evidence.har;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;

/**
 * Whether a body declared base64 holds text, and the text. Browsers encode some text bodies (JSON, event streams) as
 * base64; those must be redacted as the text they are, while images and fonts are copied unread.
 */
final class Base64Text {

    /** 344 base64 characters decode to 258 bytes: enough to tell binary data from text. */
    private static final int SAMPLE_CHARS = 344;

    private Base64Text() {
    }

    /** Whether a body of this MIME type may be text (unknown: it may). */
    static boolean textual(String mime) {
        if (mime == null || mime.isBlank()) {
            return true; // unknown: decode and look
        }
        String m = mime.toLowerCase(Locale.ROOT);
        return m.startsWith("text/") || m.contains("json") || m.contains("javascript") || m.contains("ecmascript")
                || m.contains("xml") || m.contains("html") || m.contains("event-stream") || m.contains("form-urlencoded")
                || m.contains("graphql") || m.contains("csv");
    }

    /**
     * Decodes base64 holding UTF-8 text; null when it is not base64 or decodes to binary data. With
     * {@code prefixOnly}, {@code b64} may be cut anywhere (a captured prefix): line breaks are dropped, a partial last
     * quad is ignored and a character cut in two is replaced.
     */
    static String decode(String b64, boolean prefixOnly) {
        if (b64 == null) {
            return null;
        }
        if (!prefixOnly && b64.length() > 2048 && decode(b64.substring(0, 1024), true) == null) {
            return null; // the first 768 bytes are already binary: do not decode the rest
        }
        String s = prefixOnly ? usablePrefix(b64) : b64;
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(s);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(prefixOnly ? CodingErrorAction.REPLACE : CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            int controls = 0;
            for (int i = 0; i < chars.length(); i++) {
                if (isControl(chars.charAt(i))) {
                    controls++;
                }
            }
            return tooManyControls(controls, chars.length()) ? null : chars.toString();
        } catch (CharacterCodingException binary) {
            return null;
        }
    }

    private static String usablePrefix(String b64) {
        StringBuilder clean = new StringBuilder(b64.length());
        for (int i = 0; i < b64.length(); i++) {
            char c = b64.charAt(i);
            if (c != '\n' && c != '\r') {
                clean.append(c);
            }
        }
        return clean.substring(0, clean.length() - clean.length() % 4);
    }

    /**
     * Whether the start of a base64 JSON string literal ({@code "…"}, as bytes) already decodes to binary data (then
     * the rest need not be decoded). False when unsure: line breaks or escapes leave the judgement to a full decode.
     */
    static boolean startsBinary(byte[] literal, int length) {
        int n = Math.min(length - 1, 1 + SAMPLE_CHARS);
        n = 1 + ((n - 1) / 4) * 4;
        if (n < 65) {
            return false;
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(Arrays.copyOfRange(literal, 1, n));
        } catch (IllegalArgumentException notPlainBase64) {
            return false;
        }
        int controls = 0;
        for (byte b : decoded) {
            if (b >= 0 && isControl((char) b)) {
                controls++;
            }
        }
        return tooManyControls(controls, decoded.length);
    }

    /** Control characters other than white space do not occur in text. */
    private static boolean isControl(char c) {
        return c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f';
    }

    private static boolean tooManyControls(int controls, int length) {
        return controls > length / 50 + 1;
    }
}
