package dev.triagedesk.evidence.redact;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Where in a text the free-text scan ({@link FreeTextScan}) has something to check, from the text's bytes alone: a
 * separator, or a character a URL, marker or secret shape starts with, followed by one that can come second in it,
 * and not continuing a word. The tables make that one lookup a character; {@link FreeTextScan} asks what is there.
 */
final class TextStarts {

    private TextStarts() {
    }

    /** '=' or ':': a {@code name=value} pair may end here, always checked. */
    static final int SEPARATOR = 1;
    /** An ASCII letter. */
    static final int LETTER = 2;
    /** A letter a URL or a secret shape can start with: checked unless it continues a word. */
    static final int LETTER_STARTER = 4;
    /** '%': a JWT may follow a percent escape glued to a word ({@code %22eyJ…}). */
    static final int PERCENT = 8;
    /** Another character something starts with: '[' (a marker), '-' (a PEM private key). */
    static final int OTHER_STARTER = 16;
    /** What each character (as a Latin-1 byte) is to {@code FreeTextScan.nextCandidate}; 0 for the rest. */
    static final byte[] TEXT_CLASS = new byte[256];

    static {
        for (char c = 0; c < 128; c++) {
            boolean starter = c == '[' || c == 'h' || c == 'H' || c == 'w' || c == 'W' || SecretShapes.isTrigger(c);
            boolean letter = isAsciiLetter(c);
            TEXT_CLASS[c] = (byte) ((c == '=' || c == ':' ? SEPARATOR : 0) | (letter ? LETTER : 0)
                    | (starter ? letter ? LETTER_STARTER : OTHER_STARTER : 0) | (c == '%' ? PERCENT : 0));
        }
    }

    static boolean isAsciiLetter(char c) {
        return (char) ((c | 0x20) - 'a') < 26;
    }

    /**
     * The reference for tests ({@code FreeTextScan.checkingEveryStart}): every separator and every character
     * something starts with.
     */
    static int nextStart(byte[] b, int from, int n) {
        for (int i = from; i < n; i++) {
            if ((classOf(b[i]) & (SEPARATOR | LETTER_STARTER | OTHER_STARTER)) != 0) {
                return i;
            }
        }
        return n;
    }

    /**
     * For each pair of bytes (the previous one high), whether the second may start something: a separator, a
     * '[' or '-', or a letter a URL or shape starts with that does not continue a word. One lookup a character,
     * no state carried from one to the next; 64 KB, of which text touches a few lines.
     */
    static final byte[] STARTS_AFTER = new byte[1 << 16];

    static {
        for (int prev = 0; prev < 256; prev++) {
            for (int cur = 0; cur < 256; cur++) {
                int cls = TEXT_CLASS[cur];
                boolean starts = (cls & (SEPARATOR | OTHER_STARTER)) != 0
                        || (cls & LETTER_STARTER) != 0 && (TEXT_CLASS[prev] & LETTER) == 0;
                STARTS_AFTER[prev << 8 | cur] = (byte) (starts ? 1 : 0);
            }
        }
    }

    /** {@code FreeTextScan.nextCandidate} for text without a '%': a byte pair decides, then the byte after. */
    static int nextCandidateInPlainText(byte[] b, int from, int n) {
        return nextCandidateInPlainText(b, from, n, from > 0 ? b[from - 1] & 0xff : 0);
    }

    /**
     * As above, {@code prev} being the byte before {@code from} (0 at the start of the text). After the first byte
     * the pair of a byte and the next, read as one 16-bit value, decides ({@link #PAIR_STARTS}); the byte before is
     * looked at only where a letter pair fits, to tell a word's start: one lookup a byte instead of two, and a
     * branch taken a third as often (the pair "se" fits, the word's start is rarer).
     */
    static int nextCandidateInPlainText(byte[] b, int from, int n, int prev) {
        if (from >= n) {
            return n;
        }
        int first = b[from] & 0xff;
        if (STARTS_AFTER[prev << 8 | first] != 0
                && ((TEXT_CLASS[first] & SEPARATOR) != 0 || from + 1 < n && secondFits(b[from], b[from + 1]))) {
            return from;
        }
        int i = from + 1;
        for (; i + 1 < n; i++) {
            int starts = PAIR_STARTS[(char) (short) PAIRS.get(b, i)];
            if (starts != 0 && (starts == STARTS_ANYWHERE || (TEXT_CLASS[b[i - 1] & 0xff] & LETTER) == 0)) {
                return i;
            }
        }
        // the last byte starts something only as a separator: every start needs a second character
        return i < n && (TEXT_CLASS[b[i] & 0xff] & SEPARATOR) != 0 ? i : n;
    }

    /** {@code FreeTextScan.nextCandidate} for text with a '%': also a letter three after a '%' is checked. */
    static int nextCandidateAfterEscapes(byte[] b, int from, int n) {
        // afterLetter is LETTER_STARTER when the previous character is an ASCII letter; bit 2 of percents (also
        // LETTER_STARTER) when the character three back is '%', which lifts the word rule
        int afterLetter = from > 0 ? (classOf(b[from - 1]) & LETTER) << 1 : 0;
        int percents = (from > 2 && b[from - 3] == '%' ? 4 : 0) | (from > 1 && b[from - 2] == '%' ? 2 : 0)
                | (from > 0 && b[from - 1] == '%' ? 1 : 0);
        return nextCandidateAfterEscapes(b, from, n, afterLetter, percents);
    }

    /** As above, with what the bytes before {@code from} leave in {@code afterLetter} and {@code percents}. */
    static int nextCandidateAfterEscapes(byte[] b, int from, int n, int afterLetter, int percents) {
        for (int i = from; i < n; i++) {
            int cls = classOf(b[i]);
            if ((cls & (SEPARATOR | OTHER_STARTER | LETTER_STARTER & ~(afterLetter & ~percents))) != 0
                    && ((cls & SEPARATOR) != 0 || i + 1 < n && secondFits(b[i], b[i + 1]))) {
                return i;
            }
            afterLetter = (cls & LETTER) << 1;
            percents = (percents << 1 | (cls & PERCENT) >>> 3) & 7;
        }
        return n;
    }

    /**
     * For each character something starts with, the characters that can come second, as bits (64 a long): what
     * {@code FreeTextScan.urlsShapesAndPairs} asks first ({@link TextSpans#isUrlStart}: 't' or 's' after 'h' or 'w';
     * {@link Redactor#isMarker}: "[R"; {@link SecretShapes#plausible}: "sk", "ey", "Be", "--"...), asked here
     * without leaving the loop.
     */
    static final long[] SECOND_LOW = new long[128];
    static final long[] SECOND_HIGH = new long[128];

    static {
        for (char c = 0; c < 128; c++) {
            if ((TEXT_CLASS[c] & (LETTER_STARTER | OTHER_STARTER)) == 0) {
                continue;
            }
            boolean url = c == 'h' || c == 'H' || c == 'w' || c == 'W';
            for (char d = 0; d < 128; d++) {
                boolean fits = url && (d == 't' || d == 'T' || d == 's' || d == 'S')
                        || c == '[' && d == Redactor.MARKER_PREFIX.charAt(1)
                        || SecretShapes.isTrigger(c) && SecretShapes.plausible(new String(new char[] {c, d}), 0, 2);
                if (fits) {
                    if (d < 64) {
                        SECOND_LOW[c] |= 1L << d;
                    } else {
                        SECOND_HIGH[c] |= 1L << (d - 64);
                    }
                }
            }
        }
    }

    /** Two bytes as one value, the first lowest: the index into {@link #PAIR_STARTS}. */
    private static final VarHandle PAIRS = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    /** {@link #PAIR_STARTS}: something starts at the first byte of the pair, wherever it stands. */
    static final byte STARTS_ANYWHERE = 2;
    /** {@link #PAIR_STARTS}: something starts at the first byte of the pair unless it continues a word. */
    static final byte STARTS_AT_WORD = 1;
    /**
     * For each pair of bytes (the first lowest, as {@link #PAIRS} reads them), whether something can start at the
     * first: a separator ({@link #STARTS_ANYWHERE}); a '[' or '-' the second fits ({@link #STARTS_ANYWHERE}); a
     * letter the second fits ({@link #STARTS_AT_WORD}); else 0. What {@link #STARTS_AFTER} and {@link #secondFits}
     * decide together, the byte before aside.
     */
    static final byte[] PAIR_STARTS = new byte[1 << 16];

    static {
        for (int cur = 0; cur < 256; cur++) {
            for (int next = 0; next < 256; next++) {
                int cls = TEXT_CLASS[cur];
                boolean fits = secondFits((byte) cur, (byte) next);
                PAIR_STARTS[next << 8 | cur] = (cls & SEPARATOR) != 0 || (cls & OTHER_STARTER) != 0 && fits
                        ? STARTS_ANYWHERE : (cls & LETTER_STARTER) != 0 && fits ? STARTS_AT_WORD : 0;
            }
        }
    }

    /**
     * For {@link PlainWords}: whether a letter {@code first} that does not continue a word, followed by
     * {@code second}, is where the scan stops (a URL or a secret shape may start there).
     */
    static boolean startsSomething(byte first, byte second) {
        return (classOf(first) & LETTER_STARTER) != 0 && secondFits(first, second);
    }

    /** Whether {@code second} can follow {@code first} at the start of a URL, marker or secret shape. */
    static boolean secondFits(byte first, byte second) {
        if ((first | second) < 0) {
            return false;
        }
        return ((second < 64 ? SECOND_LOW[first] >>> second : SECOND_HIGH[first] >>> (second - 64)) & 1) != 0;
    }

    static int classOf(byte b) {
        return TEXT_CLASS[b & 0xff];
    }
}
