package dev.triagedesk.evidence.redact;

import dev.triagedesk.evidence.input.EightBytes;
import java.nio.charset.StandardCharsets;

/**
 * Text of ASCII letters, spaces, commas and full stops (the words of a completion) read eight bytes at a time, to
 * show that neither {@link FreeTextScan} nor the known-values walk of {@link KnownSecrets} has anything to do in it:
 * no word starts the way a URL or a secret shape does, and no run of letters and dots is long enough to be noted
 * as a token (a run needs a digit or sixteen characters). Both walks look at every byte of such text and find
 * nothing; here eight bytes cost a few arithmetic steps, and only a word that starts like a secret shape ("basalt",
 * "Basic") is looked at as the scan looks at it. Any other character and it says no: the walks decide.
 */
final class PlainWords {

    /** A run of letters without a digit is a token from this length on ({@code KnownSecrets.LONG_TOKEN}). */
    private static final int LONG_RUN = 16;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long SPACES = EightBytes.repeated(' ');
    private static final long COMMAS = EightBytes.repeated(',');
    private static final long DOTS = EightBytes.repeated('.');

    private PlainWords() {
    }

    /**
     * Whether {@code b[from, to)} holds only letters, spaces, commas and full stops, with no secret shape where a
     * word starts like one ({@link FreeTextScan#startsSomething}) and no run of letters and dots of
     * {@value #LONG_RUN} or more.
     */
    static boolean nothingToCheck(byte[] b, int from, int to) {
        int run = 0; // the run of letters and dots (token characters) that reaches the current position
        boolean afterLetter = false; // the text's start is no letter
        String text = null; // made for the words that start like a secret shape, once a text
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long x = EightBytes.at(b, i);
            if ((x & HIGH_BITS) != 0) {
                return false;
            }
            long letters = EightBytes.asciiLetters(x); // exact: every byte is below 0x80
            long breaks = EightBytes.equalBytes(x, SPACES) | EightBytes.equalBytes(x, COMMAS);
            if ((letters | breaks | EightBytes.equalBytes(x, DOTS)) != HIGH_BITS) {
                return false;
            }
            long starts = letters & ((~letters & HIGH_BITS) << 8 | (afterLetter ? 0 : 0x80L));
            while (starts != 0) {
                int p = i + (Long.numberOfTrailingZeros(starts) >>> 3);
                if (p + 1 < to && TextStarts.startsSomething(b[p], b[p + 1])) {
                    if (text == null) {
                        text = new String(b, from, to - from, StandardCharsets.ISO_8859_1);
                    }
                    if (shapeAt(text, p - from)) {
                        return false;
                    }
                }
                starts &= starts - 1;
            }
            afterLetter = letters < 0; // the last byte's flag is the sign bit
            if (breaks == 0) {
                run += 8;
            } else {
                if (run + (Long.numberOfTrailingZeros(breaks) >>> 3) >= LONG_RUN) {
                    return false;
                }
                run = 7 - ((63 - Long.numberOfLeadingZeros(breaks)) >>> 3);
            }
            if (run >= LONG_RUN) {
                return false;
            }
        }
        for (; i < to; i++) {
            byte c = b[i];
            boolean letter = (char) ((c | 0x20) - 'a') < 26;
            if (!letter && c != ' ' && c != ',' && c != '.') {
                return false;
            }
            if (letter && !afterLetter && i + 1 < to && TextStarts.startsSomething(c, b[i + 1])) {
                if (text == null) {
                    text = new String(b, from, to - from, StandardCharsets.ISO_8859_1);
                }
                if (shapeAt(text, i - from)) {
                    return false;
                }
            }
            afterLetter = letter;
            run = c == ' ' || c == ',' ? 0 : run + 1;
            if (run >= LONG_RUN) {
                return false;
            }
        }
        return true;
    }

    /**
     * The index of the closing quote of the JSON string whose characters start at {@code from}, when those
     * characters are plain words with nothing to check: the same answer as {@link #nothingToCheck} on them, found
     * in the same read that finds the quote (reading the string for its end first, then for its words, was a
     * tenth of sanitizing a Batch file). -1 when it cannot say so ({@code b[from, end)} holds no quote, or a
     * character that is no plain word's, or more word starts to look at than {@code starts} holds): the caller
     * then asks the long way. {@code starts} is scratch space for the words that start like a secret shape, which
     * can be judged only once the string's end is known.
     */
    static int endOfPlainWords(byte[] b, int from, int end, int[] starts) {
        int run = 0;
        boolean afterLetter = false;
        int pending = 0;
        int i = from;
        for (; i + 8 <= end; i += 8) {
            long x = EightBytes.at(b, i);
            if ((x & HIGH_BITS) != 0) {
                break; // a byte beyond ASCII, which may come after the closing quote: the byte loop decides
            }
            long letters = EightBytes.asciiLetters(x);
            long breaks = EightBytes.equalBytes(x, SPACES) | EightBytes.equalBytes(x, COMMAS);
            if ((letters | breaks | EightBytes.equalBytes(x, DOTS)) != HIGH_BITS) {
                break; // the closing quote, or a character that ends the fast answer: the byte loop below decides
            }
            long firsts = letters & ((~letters & HIGH_BITS) << 8 | (afterLetter ? 0 : 0x80L));
            for (long hits = EightBytes.flaggedPairs(STARTING_PAIRS, x, following(b, i, end), firsts); hits != 0;
                    hits &= hits - 1) {
                if (pending == starts.length) {
                    return -1;
                }
                starts[pending++] = i + (Long.numberOfTrailingZeros(hits) >>> 3);
            }
            afterLetter = letters < 0;
            if (breaks == 0) {
                run += 8;
            } else {
                if (run + (Long.numberOfTrailingZeros(breaks) >>> 3) >= LONG_RUN) {
                    return -1;
                }
                run = 7 - ((63 - Long.numberOfLeadingZeros(breaks)) >>> 3);
            }
            if (run >= LONG_RUN) {
                return -1;
            }
        }
        for (; i < end; i++) {
            byte c = b[i];
            if (c == '"') {
                return shapesAfterAll(b, from, i, starts, pending) ? -1 : i;
            }
            boolean letter = (char) ((c | 0x20) - 'a') < 26;
            if (!letter && c != ' ' && c != ',' && c != '.') {
                return -1;
            }
            if (letter && !afterLetter && i + 1 < end && b[i + 1] != '"' && TextStarts.startsSomething(c, b[i + 1])) {
                if (pending == starts.length) {
                    return -1;
                }
                starts[pending++] = i;
            }
            afterLetter = letter;
            run = c == ' ' || c == ',' ? 0 : run + 1;
            if (run >= LONG_RUN) {
                return -1;
            }
        }
        return -1;
    }

    /** The byte after each of {@code b[i, i + 8)}: {@code b[i + 1, i + 9)}, with 0 at {@code end} and past it. */
    private static long following(byte[] b, int i, int end) {
        if (i + 9 <= end) {
            return EightBytes.at(b, i + 1);
        }
        return EightBytes.at(b, i) >>> 8 | (i + 8 < end ? (b[i + 8] & 0xffL) << 56 : 0);
    }

    /**
     * 1 at {@code first << 8 | second} (an ASCII letter, then any byte) when a word starting so is looked at: it
     * starts something ({@link TextStarts#startsSomething}) and {@code second} is no closing quote (a start right
     * before it is the text's last character). Byte 0, which stands for the text's end, starts nothing.
     */
    private static final byte[] STARTING_PAIRS = new byte[128 << 8];

    static {
        for (int first = 0; first < 128; first++) {
            for (int second = 0; second < 256; second++) {
                if (second != '"' && TextStarts.startsSomething((byte) first, (byte) second)) {
                    STARTING_PAIRS[first << 8 | second] = 1;
                }
            }
        }
    }

    /**
     * Whether a secret shape starts at one of {@code starts[0, count)} in the text {@code b[from, to)}, as the
     * free-text scan asks where a word starts like something ({@code QuietStrings} asks it too).
     */
    static boolean shapesAfterAll(byte[] b, int from, int to, int[] starts, int count) {
        if (count == 0) {
            return false;
        }
        // a view, not a copy: a completion's text is copied for nothing but a "basalt" or "Basic" in it
        CharSequence text = new Latin1Chars(b, from, to);
        for (int k = 0; k < count; k++) {
            if (shapeAt(text, starts[k] - from)) {
                return true;
            }
        }
        return false;
    }

    /**
     * What {@link FreeTextScan} asks where a word starts like something: in words of letters a URL cannot start
     * (it needs "://"), nor a marker or a pair (they need '[', ':' or '='), so only a secret shape can.
     */
    private static boolean shapeAt(CharSequence text, int i) {
        int n = text.length();
        return SecretShapes.isTrigger(text.charAt(i)) && SecretShapes.plausible(text, i, n)
                && SecretShapes.at(text, i, n) != null;
    }
}
