package dev.triagedesk.evidence.redact;

import dev.triagedesk.evidence.input.EightBytes;

/**
 * The end of a JSON string in which {@link FreeTextScan} has nowhere to stop, found eight bytes at a time: the IDs,
 * model names and fingerprints of a Batch line ({@code batch_req_…}, {@code chatcmpl-…}, {@code gpt-4o-mini-…}). For
 * such text the scan's first step, a search for '%' and then for the first place something may start
 * ({@link TextStarts#nextCandidateInPlainText}), reads every byte and finds nothing; here the closing quote and that
 * answer come from one read. Hand-written, as it must answer exactly what those two searches answer.
 */
final class QuietStrings {

    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long QUOTES = EightBytes.repeated('"');
    private static final long BACKSLASHES = EightBytes.repeated('\\');
    private static final long EQUALS = EightBytes.repeated('=');
    private static final long COLONS = EightBytes.repeated(':');
    private static final long PERCENTS = EightBytes.repeated('%');
    private static final long DASHES = EightBytes.repeated('-');
    private static final long BRACKETS = EightBytes.repeated('[');

    private QuietStrings() {
    }

    /**
     * The index of the closing quote of the string whose characters start at {@code from}, when they are ASCII
     * without escapes or control characters (as {@code CleanJsonLine.plainStringEnd} asks) and
     * {@link FreeTextScan#leavesAsItIs} surely leaves them as they are: no '%', and wherever
     * {@link TextStarts#nextCandidateInPlainText} stops, a character a secret shape starts with where none does
     * (hexadecimal IDs hold "ba" and "be" glued to digits: asking {@link FreeTextScan} made a string of each).
     * Else -1, and the caller asks the long way. {@code starts} is scratch for the places to ask about once the
     * string's end is known; with more of them than it holds, -1.
     */
    static int endOfQuietString(byte[] b, int from, int end, int[] starts) {
        long afterLetter = 0; // the high bit set when the byte before the eight read is a letter (none at from)
        int pending = 0;
        for (int i = from; i < end; i += 8) {
            long x = i + 8 <= b.length ? EightBytes.at(b, i) : tail(b, i);
            long ends = (x | EightBytes.zeroBytes(x ^ QUOTES) | EightBytes.zeroBytes(x ^ BACKSLASHES)
                    | EightBytes.bytesBelow(x, 0x20)) & HIGH_BITS;
            int count = 8; // the bytes of the string among the eight
            if (ends != 0) {
                // the lowest flag is exact (later ones may be wrong): the closing quote or what makes it not plain
                count = EightBytes.firstFlagged(ends);
                if (i + count >= end || b[i + count] != '"') {
                    return -1;
                }
                x &= (1L << (count << 3)) - 1; // the bytes after the quote become 0: nothing starts at 0
            } else if (i + 8 > end) {
                return -1; // no closing quote before the end
            }
            if ((EightBytes.equalBytes(x, EQUALS) | EightBytes.equalBytes(x, COLONS)
                    | EightBytes.equalBytes(x, PERCENTS)) != 0) {
                return -1; // a pair may end at '=' or ':'; a '%' takes the other search
            }
            long letters = EightBytes.asciiLetters(x); // exact: the bytes are below 0x80 here
            long wordStarts = letters & ~(letters << 8 | afterLetter);
            // the byte after each: the next eight's first for the last, 0 after the string (where nothing fits)
            long next = x >>> 8 | (count == 8 && i + 8 < end ? (b[i + 8] & 0xffL) << 56 : 0);
            long places = wordStarts | EightBytes.equalBytes(x, DASHES) | EightBytes.equalBytes(x, BRACKETS);
            for (long hits = EightBytes.flaggedPairs(STOPS, x, next, places); hits != 0; hits &= hits - 1) {
                int p = i + (Long.numberOfTrailingZeros(hits) >>> 3);
                // a URL or a marker may start here (FreeTextScan hands those on), or there is no room to note it
                if (!SecretShapes.isTrigger((char) b[p]) || pending == starts.length) {
                    return -1;
                }
                starts[pending++] = p;
            }
            if (count < 8) {
                // each start passed SecretShapes.isTrigger above, which the shared question asks again
                return PlainWords.shapesAfterAll(b, from, i + count, starts, pending) ? -1 : i + count;
            }
            afterLetter = letters >>> 63 << 7;
        }
        return -1;
    }

    /** The bytes of {@code b[i, b.length)} (fewer than eight) as {@link EightBytes#at} reads them, 0 after them. */
    private static long tail(byte[] b, int i) {
        long x = 0;
        for (int k = b.length - 1; k >= i; k--) {
            x = x << 8 | (b[k] & 0xff);
        }
        return x;
    }

    /**
     * 1 at {@code first << 8 | second} (ASCII, then any byte) where {@link TextStarts#nextCandidateInPlainText}
     * stops when {@code first} does not continue a word: a character something starts with, followed by one that
     * can come second ('=' and ':', where it always stops, are answered before).
     */
    private static final byte[] STOPS = new byte[128 << 8];

    static {
        for (int first = 0; first < 128; first++) {
            boolean starter = (TextStarts.classOf((byte) first) & (TextStarts.LETTER_STARTER | TextStarts.OTHER_STARTER)) != 0;
            for (int second = 0; second < 256; second++) {
                if (starter && TextStarts.secondFits((byte) first, (byte) second)) {
                    STOPS[first << 8 | second] = 1;
                }
            }
        }
    }
}
