package dev.triagedesk.evidence.redact;

import dev.triagedesk.evidence.input.EightBytes;

/**
 * Whether a text or a JSON string literal holds only base64. None of the shapes the {@link LeftoverScan} refuses can
 * be spelled in base64's alphabet, so a literal that is base64 (an image, a font) is passed without the shape search,
 * and the HAR engine copies such bodies unread.
 */
public final class Base64Literals {

    /**
     * 1 for the bytes of base64's alphabet, 0 for every other byte. Padding ('=') is allowed only at the end: in
     * the middle it would let {@code session=…} pass for base64.
     */
    private static final byte[] BASE64 = new byte[256];

    static {
        for (char c : "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray()) {
            BASE64[c] = 1;
        }
    }

    /** 1 for the 16-bit values both of whose bytes are in base64's alphabet: 64 KB, it stays in the cache. */
    private static final byte[] BASE64_PAIRS = new byte[1 << 16];

    static {
        for (int pair = 0; pair < BASE64_PAIRS.length; pair++) {
            BASE64_PAIRS[pair] = (byte) (BASE64[pair & 0xff] & BASE64[pair >>> 8]);
        }
    }

    private Base64Literals() {
    }

    /** Whether a text holds only base64 (padding only at its end), as {@link #isBase64Literal} for a string. */
    public static boolean isBase64(CharSequence s) {
        int end = s.length();
        for (int pad = 0; pad < 2 && end > 0 && s.charAt(end - 1) == '='; pad++) {
            end--;
        }
        for (int i = 0; i < end; i++) {
            char c = s.charAt(i);
            if (c > 0xff || BASE64[c] == 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a string literal holds only base64. This runs over every byte of every asset, so it reads eight
     * bytes at a time as a long, looks its four byte pairs up in {@link #BASE64_PAIRS} and folds them with AND,
     * deciding once per kilobyte: a third faster than a lookup per byte, which was itself faster than testing the
     * bytes of a word with arithmetic.
     */
    public static boolean isBase64Literal(byte[] b, int length) {
        return isBase64Literal(b, 0, length);
    }

    /** {@link #isBase64Literal(byte[], int)} for the literal at {@code off}. */
    public static boolean isBase64Literal(byte[] b, int off, int length) {
        if (length < 2 || b[off] != '"' || b[off + length - 1] != '"') {
            return false;
        }
        int end = off + length - 1;
        for (int pad = 0; pad < 2 && end > off + 1 && b[end - 1] == '='; pad++) {
            end--;
        }
        int all = 1;
        int i = off + 1;
        while (i + 8 <= end) {
            int blockEnd = Math.min(end - 7, i + 1024);
            for (; i < blockEnd; i += 8) {
                long x = EightBytes.at(b, i);
                all &= BASE64_PAIRS[(int) x & 0xffff] & BASE64_PAIRS[(int) (x >>> 16) & 0xffff]
                        & BASE64_PAIRS[(int) (x >>> 32) & 0xffff] & BASE64_PAIRS[(int) (x >>> 48)];
            }
            if (all == 0) {
                return false;
            }
        }
        for (; i < end; i++) {
            all &= BASE64[b[i] & 0xff];
        }
        return all != 0;
    }
}
