package dev.triagedesk.evidence.redact;

import dev.triagedesk.evidence.input.EightBytes;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Shows, from a line's own bytes, that {@link JsonRedaction} would find nothing secret in one JSON value, so the
 * caller can copy it as it is: no parser, no string decoded. Nearly every line of a Batch output file is such a
 * completion, and parsing it and scanning each decoded string was most of sanitizing one. Hand-written, as the
 * check must ask, per string, exactly what the redactor's walk asks: no field name that says secret above it, no
 * value known as a secret, no known secret among its tokens and nowhere the free-text scan would stop.
 *
 * <p>It vouches only for what surely reads the same to Jackson: strings of ASCII characters without escapes (their
 * bytes are their characters), numbers and literals in JSON's grammar, white space and structure; anything else
 * (an escape, a byte beyond ASCII, invalid or deeply nested JSON) and it declines, having changed nothing, and the
 * caller takes the full walk. When it vouches, it notes the tokens the walk would have noted as going out (the
 * echo filter), so a secret learned later is still caught echoed here. Not thread-safe: one per redactor.
 */
final class CleanJsonLine {

    /** Deeper than this the walk may take Jackson's nesting limit into account: left to it. */
    private static final int MAX_DEPTH = 64;
    /** Longer names and numbers are left to the walk (Jackson limits their lengths). */
    private static final int MAX_NAME = 256;
    private static final int MAX_NUMBER = 64;
    /** What follows a member or an element ({@link #afterItem}): the close, a ',' and more, or anything else. */
    private static final int CLOSED = 1;
    private static final int MORE = 0;
    private static final int BROKEN = -1;

    private final Redactor redactor;
    private final KnownSecrets known;
    private final FreeTextScan freeText;
    private final EchoTracker echoes;
    private final TokenNotes notes = new TokenNotes();
    /** Scratch for {@link PlainWords#endOfPlainWords}: a string with more such word starts takes the long way. */
    private final int[] shapeStarts = new int[32];

    /** Field names by their bytes and what {@link SensitiveNames#classify} says of them, direct-mapped. */
    private static final int NAME_SLOTS = 512;
    private final byte[][] names = new byte[NAME_SLOTS][];
    private final SecretKind[] nameKinds = new SecretKind[NAME_SLOTS];
    private final Scope[] nameScopes = new Scope[NAME_SLOTS];

    private byte[] b;
    private int end;
    private int at;
    private Scope scope;
    /**
     * The line written compactly while it is walked, as {@code JsonGenerator} writes it (no white space between
     * tokens): only while {@link #compact} holds, which a fraction, an exponent or -0 ends (the generator may print
     * those otherwise).
     */
    private byte[] out = new byte[1 << 12];
    private int outLength;
    private boolean compact;

    CleanJsonLine(Redactor redactor, KnownSecrets known, FreeTextScan freeText) {
        this.redactor = redactor;
        this.known = known;
        this.freeText = freeText;
        this.echoes = known.echoes();
    }

    /**
     * True when {@code line[off, off + len)} is one JSON value the walk would leave as it is; its tokens are then
     * noted as going out, as the walk notes them. False (nothing changed) when the walk must decide.
     */
    boolean holdsNothingSecret(byte[] line, int off, int len, Scope scope) {
        this.b = line;
        this.end = off + len;
        this.at = off;
        this.scope = scope;
        notes.clear();
        if (out.length < len) {
            out = new byte[Math.max(len, out.length * 2)];
        }
        outLength = 0;
        compact = true;
        try {
            skipSpace();
            if (at >= end || !value(null, 0, 0, 0)) {
                return false;
            }
            skipSpace();
            if (at != end) {
                return false;
            }
        } finally {
            this.b = null;
        }
        if (echoes.tracking()) {
            // the walk notes a text's tokens when done with it; those of all the line's texts together are the same
            echoes.enterText();
            for (int i = 0; i < notes.count; i++) {
                echoes.letThrough(notes.hashes[i]);
            }
            echoes.leaveText();
        }
        return true;
    }

    /**
     * The value at {@link #at} under a field that says {@code kind} (null: nothing), the field's name being
     * {@code b[nameFrom, nameTo)}; false to decline.
     */
    private boolean value(SecretKind kind, int nameFrom, int nameTo, int depth) {
        byte c = b[at];
        switch (c) {
            case '{' -> {
                return depth < MAX_DEPTH && object(kind, nameFrom, nameTo, depth + 1);
            }
            case '[' -> {
                return depth < MAX_DEPTH && array(kind, nameFrom, nameTo, depth + 1);
            }
            case '"' -> {
                int from = at + 1;
                // most strings of a completion are plain words: their end and their check in one read
                int plainEnd = PlainWords.endOfPlainWords(b, from, end, shapeStarts);
                // most others (IDs, model names) are quiet: the free-text scan's first look at them finds nothing
                int quietEnd = plainEnd >= 0 ? -1 : QuietStrings.endOfQuietString(b, from, end, shapeStarts);
                int close = plainEnd >= 0 ? plainEnd : quietEnd >= 0 ? quietEnd : plainStringEnd(from);
                if (close < 0) {
                    return false;
                }
                copy(from - 1, close + 1);
                at = close + 1;
                if (kind != null && !redactor.leavesToText(kind, ascii(nameFrom, nameTo), ascii(from, close), scope)) {
                    return false; // a value under a secret name is the walk's to replace
                }
                if (plainEnd >= 0 || PlainWords.nothingToCheck(b, from, close)) {
                    return !known.isKnownValue(b, from, close); // the walks would find and note nothing
                }
                return known.holdsNoKnownValue(b, from, close, notes)
                        && (quietEnd >= 0 || freeText.leavesAsItIs(b, from, close));
            }
            case 't' -> {
                return literal("true");
            }
            case 'f' -> {
                return literal("false");
            }
            case 'n' -> {
                return literal("null");
            }
            default -> {
                return number() && (kind == null || !Redactor.secretEvenAsNumber(kind, scope));
            }
        }
    }

    private boolean object(SecretKind kind, int nameFrom, int nameTo, int depth) {
        if (opensEmpty('{', '}')) {
            return true;
        }
        while (true) {
            if (at >= end || b[at] != '"') {
                return false;
            }
            int from = at + 1;
            int close = plainStringEnd(from);
            if (close < 0 || close - from > MAX_NAME) {
                return false;
            }
            copy(from - 1, close + 1);
            at = close + 1;
            SecretKind fieldKind = kind != null ? kind : kindOfName(from, close);
            // the name a kind is reported under is the field that set it, as in the walk
            int fieldFrom = kind != null ? nameFrom : from;
            int fieldTo = kind != null ? nameTo : close;
            skipSpace();
            if (at >= end || b[at] != ':') {
                return false;
            }
            at++;
            put(':');
            skipSpace();
            if (at >= end || !value(fieldKind, fieldFrom, fieldTo, depth)) {
                return false;
            }
            int next = afterItem('}');
            if (next != MORE) {
                return next == CLOSED;
            }
        }
    }

    private boolean array(SecretKind kind, int nameFrom, int nameTo, int depth) {
        if (opensEmpty('[', ']')) {
            return true;
        }
        while (true) {
            if (at >= end || !value(kind, nameFrom, nameTo, depth)) {
                return false;
            }
            int next = afterItem(']');
            if (next != MORE) {
                return next == CLOSED;
            }
        }
    }

    /** Passes the {@code open} at {@code at} (written); true when {@code close} follows at once (passed and written). */
    private boolean opensEmpty(char open, char close) {
        at++;
        put(open);
        skipSpace();
        if (at < end && b[at] == close) {
            at++;
            put(close);
            return true;
        }
        return false;
    }

    /** After a member or an element: {@code close} or a ',' is passed and written, see {@link #CLOSED}. */
    private int afterItem(char close) {
        skipSpace();
        if (at >= end) {
            return BROKEN;
        }
        if (b[at] == close) {
            at++;
            put(close);
            return CLOSED;
        }
        if (b[at] != ',') {
            return BROKEN;
        }
        at++;
        put(',');
        skipSpace();
        return MORE;
    }

    /** The index of the closing quote of a string of ASCII characters without escapes from {@code from}, or -1. */
    private int plainStringEnd(int from) {
        return plainStringEnd(b, from, end);
    }

    /** As above, in {@code b[from, end)}. */
    static int plainStringEnd(byte[] b, int from, int end) {
        int i = from;
        // eight bytes at a time past those that need no look: no quote, backslash, control character or non-ASCII
        while (i + 8 <= end) {
            long x = EightBytes.at(b, i);
            long flags = (x | EightBytes.zeroBytes(x ^ QUOTES) | EightBytes.zeroBytes(x ^ BACKSLASHES)
                    | EightBytes.bytesBelow(x, 0x20)) & HIGH_BITS;
            if (flags != 0) {
                // each test flags its first byte exactly (later ones may be flagged wrongly), so the lowest flag is
                // the first byte that needs a look: the closing quote, or what makes the string not plain
                int p = i + EightBytes.firstFlagged(flags);
                return b[p] == '"' ? p : -1;
            }
            i += 8;
        }
        for (; i < end; i++) {
            byte c = b[i];
            if (c == '"') {
                return i;
            }
            if (c == '\\' || c < 0x20) { // an escape, a control character or a byte beyond ASCII (negative)
                return -1;
            }
        }
        return -1;
    }

    private static final long QUOTES = EightBytes.repeated('"');
    private static final long BACKSLASHES = EightBytes.repeated('\\');
    private static final long HIGH_BITS = 0x8080808080808080L;

    private boolean literal(String word) {
        int n = word.length();
        if (end - at < n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (b[at + i] != word.charAt(i)) {
                return false;
            }
        }
        copy(at, at + n);
        at += n;
        return endsToken();
    }

    /** {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?}, JSON's number, followed by what may follow it. */
    private boolean number() {
        int start = at;
        if (at < end && b[at] == '-') {
            at++;
        }
        if (at >= end || !isDigit(b[at])) {
            return false;
        }
        if (b[at] == '0') {
            at++;
            compact &= at - start == 1; // -0: the generator may write it as 0
        } else {
            at = digits(at);
        }
        if (at < end && (b[at] == '.' || b[at] == 'e' || b[at] == 'E')) {
            compact = false; // a fraction or exponent: how it prints is ExactNumbers' to say
        }
        if (at < end && b[at] == '.') {
            int from = ++at;
            at = digits(at);
            if (at == from) {
                return false;
            }
        }
        if (at < end && (b[at] == 'e' || b[at] == 'E')) {
            at++;
            if (at < end && (b[at] == '+' || b[at] == '-')) {
                at++;
            }
            int from = at;
            at = digits(at);
            if (at == from) {
                return false;
            }
        }
        copy(start, at);
        return at - start <= MAX_NUMBER && endsToken();
    }

    private void put(char c) {
        out[outLength++] = (byte) c;
    }

    private void copy(int from, int to) {
        System.arraycopy(b, from, out, outLength, to - from);
        outLength += to - from;
    }

    /**
     * After {@link #holdsNothingSecret} said true: the line written compactly as the walk's generator writes it,
     * in {@code compactBytes()[0, compactLength())}, or -1 when it holds a number the generator may print otherwise.
     */
    int compactLength() {
        return compact ? outLength : -1;
    }

    byte[] compactBytes() {
        return out;
    }

    private int digits(int i) {
        while (i < end && isDigit(b[i])) {
            i++;
        }
        return i;
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    /** Whether a number or literal ends here: the line's end, white space or structure, nothing glued to it. */
    private boolean endsToken() {
        if (at >= end) {
            return true;
        }
        byte c = b[at];
        return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ',' || c == '}' || c == ']';
    }

    private void skipSpace() {
        while (at < end) {
            byte c = b[at];
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                return;
            }
            at++;
        }
    }

    /**
     * {@link #kindOfName} for a name of up to 16 bytes, remembered as two longs: nearly every field name of a
     * Batch line, looked up without a loop over its bytes.
     */
    private SecretKind kindOfShortName(int from, int n) {
        long low = EightBytes.at(b, from) & firstBytes(n);
        long high = n > 8 ? EightBytes.at(b, from + 8) & firstBytes(n - 8) : 0;
        long h = (low * 0x9E3779B97F4A7C15L) ^ (high * 0xC2B2AE3D27D4EB4FL) ^ n;
        int slot = (int) (h ^ h >>> 29 ^ h >>> 47) & (NAME_SLOTS - 1);
        if (shortLows[slot] == low && shortHighs[slot] == high && shortLengths[slot] == n
                && shortScopes[slot] == scope) {
            return shortKinds[slot];
        }
        SecretKind kind = SensitiveNames.classify(ascii(from, from + n), scope);
        shortLows[slot] = low;
        shortHighs[slot] = high;
        shortLengths[slot] = n;
        shortScopes[slot] = scope;
        shortKinds[slot] = kind;
        return kind;
    }

    /** A mask of the first {@code n} bytes (at most eight) of a long read by {@link EightBytes#at}. */
    private static long firstBytes(int n) {
        return n >= 8 ? -1L : (1L << (n << 3)) - 1;
    }

    private final long[] shortLows = new long[NAME_SLOTS];
    private final long[] shortHighs = new long[NAME_SLOTS];
    /** -1 in an empty slot, which no name's length matches. */
    private final int[] shortLengths = filled(NAME_SLOTS, -1);
    private final Scope[] shortScopes = new Scope[NAME_SLOTS];
    private final SecretKind[] shortKinds = new SecretKind[NAME_SLOTS];

    private static int[] filled(int n, int value) {
        int[] a = new int[n];
        Arrays.fill(a, value);
        return a;
    }

    private String ascii(int from, int to) {
        return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
    }

    /** {@link SensitiveNames#classify} of the ASCII name {@code b[from, to)}, remembered by its bytes. */
    private SecretKind kindOfName(int from, int to) {
        int n = to - from;
        if (n <= 16 && from + 16 <= b.length) {
            return kindOfShortName(from, n);
        }
        int h = 1;
        for (int i = from; i < to; i++) {
            h = 31 * h + b[i];
        }
        int slot = (h ^ h >>> 16) & (NAME_SLOTS - 1);
        byte[] cached = names[slot];
        if (cached != null && nameScopes[slot] == scope && Arrays.equals(cached, 0, cached.length, b, from, to)) {
            return nameKinds[slot];
        }
        SecretKind kind = SensitiveNames.classify(new String(b, from, to - from, StandardCharsets.ISO_8859_1), scope);
        names[slot] = Arrays.copyOfRange(b, from, to);
        nameKinds[slot] = kind;
        nameScopes[slot] = scope;
        return kind;
    }

    /** Token hashes waiting to be noted as going out, once the whole line is known to be clean. */
    static final class TokenNotes {
        private long[] hashes = new long[64];
        private int count;

        void add(long hash) {
            if (count == hashes.length) {
                hashes = Arrays.copyOf(hashes, count * 2);
            }
            hashes[count++] = hash;
        }

        void clear() {
            count = 0;
        }
    }
}
