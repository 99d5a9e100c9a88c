package dev.triagedesk.evidence.redact;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * Every value redacted because of where it stood (a cookie, an Authorization header, a sensitive field), so that
 * the same value is removed wherever else it turns up: a session cookie echoed in a tracking URL's {@code c=}
 * parameter has an innocent name there. Also finds those values in free text, token by token, and tells the
 * {@link EchoTracker} what went out and what was learned. Bounded; not thread-safe.
 */
final class KnownSecrets {

    /** Values shorter than this, or without the mix of a random token, are not remembered as secrets. */
    static final int MIN_REMEMBERED = 8;
    private static final int MAX_REMEMBERED = 20_000;
    private static final int MAX_REMEMBERED_LENGTH = 4096;
    /** Tokens at least this long are looked up even without the mix of letters and digits. */
    private static final int LONG_TOKEN = 16;

    /** A secret's kind, and its token hash (kept, not recomputed). */
    private record Known(SecretKind kind, long hash) {
    }

    private final Map<String, Known> known = new HashMap<>();
    /** Looked up by length first: most tokens have a length no secret has. */
    private final BitSet knownLengths = new BitSet();
    /** A Bloom filter of {@link #known}, so most tokens are ruled out by their hash alone, without a substring. */
    private final long[] knownHashes = new long[KNOWN_BITS / 64];
    private static final int KNOWN_BITS = 1 << 20;
    private final EchoTracker echoes;

    KnownSecrets(EchoTracker echoes) {
        this.echoes = echoes;
    }

    EchoTracker echoes() {
        return echoes;
    }

    /** Secrets for another part of the same document: the same ones known, echoes tracked alike. */
    KnownSecrets sibling() {
        KnownSecrets other = new KnownSecrets(echoes.sibling());
        known.forEach(other::learnQuietly);
        return other;
    }

    /**
     * Takes in what the secrets of the later part of the document learned. Either side may have let through a
     * value the other learned (a cookie of the first half echoed in a URL of the second): that counts as an echo
     * before the secret was learned.
     */
    void absorb(KnownSecrets later) {
        boolean crossEcho = later.mayHaveLetThrough(this) || mayHaveLetThrough(later);
        echoes.absorb(later.echoes, crossEcho);
        later.known.forEach(this::learnQuietly);
    }

    /** Takes over the values an earlier pass over the same document learned. */
    void rememberAll(KnownSecrets firstPass) {
        firstPass.known.forEach((secret, k) -> remember(secret, k.kind()));
    }

    /** Whether {@link #nextIn} walks text's tokens at all (there are secrets to find, or echoes to note). */
    boolean walks() {
        return !known.isEmpty() || echoes.tracking();
    }

    int size() {
        return known.size();
    }

    boolean isEmpty() {
        return known.isEmpty();
    }

    /** The kind a value was redacted as elsewhere in this document, or null. */
    SecretKind kindOf(String value) {
        Known k = known.isEmpty() || !knownLengths.get(value.length()) ? null : known.get(value);
        return k == null ? null : k.kind();
    }

    /**
     * Remembers a redacted value, and the bare remainder of a prefixed key ("sk-proj-abc", later "abc"). Short
     * values and values without the mix of a random token are not remembered: they would match innocent text.
     */
    /**
     * Remembers the cookie values of a Cookie header (pairs separated by ';') or of a Set-Cookie header (one cookie a
     * line, separated by '\n', its attributes after the first ';'), each found in place: no String for a pair, nor
     * for a value too short to remember.
     */
    void rememberCookieValues(String header, char cookieSeparator) {
        int start = 0;
        int n = header.length();
        while (true) {
            int next = header.indexOf(cookieSeparator, start);
            int cookieEnd = next < 0 ? n : next;
            int semi = cookieSeparator == ';' ? next : header.indexOf(';', start);
            int end = semi >= 0 && semi < cookieEnd ? semi : cookieEnd;
            int eq = header.indexOf('=', start);
            rememberTrimmed(header, eq >= 0 && eq < end ? eq + 1 : start, end, SecretKind.COOKIE);
            if (next < 0) {
                return;
            }
            start = next + 1;
        }
    }

    /** Remembers {@code value[from, to)} without the spaces and control characters around it, as {@code trim} would. */
    private void rememberTrimmed(String value, int from, int to, SecretKind kind) {
        while (from < to && value.charAt(from) <= ' ') {
            from++;
        }
        while (to > from && value.charAt(to - 1) <= ' ') {
            to--;
        }
        if (to - from >= MIN_REMEMBERED) {
            remember(value.substring(from, to), kind);
        }
    }

    void remember(String secret, SecretKind kind) {
        int n = secret.length();
        if (n < MIN_REMEMBERED || n > MAX_REMEMBERED_LENGTH || known.size() >= MAX_REMEMBERED
                || secret.contains(Redactor.MARKER_PREFIX)) {
            return;
        }
        // one pass: the token hash, and whether the value mixes letters and digits as a random token does
        long h = FNV_OFFSET;
        boolean letter = false;
        boolean digit = false;
        for (int i = 0; i < n; i++) {
            char c = secret.charAt(i);
            h = (h ^ c) * FNV_PRIME;
            if (c < 128) {
                letter |= (RUN[c] & LETTER) != 0;
                digit |= (RUN[c] & DIGIT) != 0;
            } else {
                letter |= Character.isLetter(c);
                digit |= Character.isDigit(c);
            }
        }
        h = finish(h);
        if (echoes.tracking()) {
            // a value seen again (a cookie sent with every request) is answered by the map, without a filter probe
            if (!echoes.echoedBeforeLearned() && !known.containsKey(secret) && echoes.mayHaveLetThrough(h)) {
                echoes.learnedTooLate();
            }
            echoes.redacted(h);
        }
        if ((letter && digit || n >= LONG_TOKEN) && known.putIfAbsent(secret, new Known(kind, h)) == null) {
            knownLengths.set(n);
            bloomAdd(h);
            SecretShapes.remainders(secret).forEach(bare -> remember(bare, kind));
        }
    }

    /** Knows a secret without asking whether it went out before (it was learned elsewhere in the document). */
    private void learnQuietly(String secret, Known k) {
        if (known.size() < MAX_REMEMBERED && known.putIfAbsent(secret, k) == null) {
            knownLengths.set(secret.length());
            bloomAdd(k.hash());
        }
    }

    /** Whether these secrets' echoes may include, not knowing it, a secret that {@code other} learned. */
    private boolean mayHaveLetThrough(KnownSecrets other) {
        if (!echoes.tracking()) {
            return false;
        }
        for (Map.Entry<String, Known> e : other.known.entrySet()) {
            if (echoes.mayHaveLetThrough(e.getValue().hash()) && !known.containsKey(e.getKey())) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- known secrets in text

    /**
     * The first known secret in {@code s} from {@code from} on, as {@link #spanStart}/{@link #spanEnd} packed in a
     * long, or -1. Walks the tokens once: a token is a run of URL and base64 characters, or a piece of it between
     * '=' and '/', the separators values are glued to. The tokens before the secret are noted as going out (when
     * echoes are tracked). Each token is hashed once; a substring is only made when the hash says it may be a
     * known secret. A long, not an array, so that a hit allocates nothing. {@code b} is the text's characters as
     * one byte each, those beyond ASCII as bytes that are no token character (see {@code FreeTextScan.bytesOf}):
     * the walk reads the array rather than the string a character at a time. It may be null when {@link #walks}
     * says there is nothing to walk.
     */
    long nextIn(String s, byte[] b, int from) {
        return walk(b, from, s.length(), null);
    }

    /** {@link #nextIn} over the bytes {@code b[from, to)} alone. */
    long nextIn(byte[] b, int from, int to) {
        return walk(b, from, to, null);
    }

    /**
     * {@link #nextIn} over the ASCII-or-not bytes {@code b[from, to)}; the tokens let through are noted in
     * {@code deferred} when it is given (a line {@link CleanJsonLine} may still hand to the walk), else in the echo
     * filter at once.
     */
    private long walk(byte[] b, int from, int to, CleanJsonLine.TokenNotes deferred) {
        boolean lookUp = !known.isEmpty();
        boolean tracking = echoes.tracking();
        if (!lookUp && !tracking) {
            return -1;
        }
        int i = from;
        while (i < to) {
            int first = b[i];
            if (first < 0 || (RUN[first] & RUN_CHAR) == 0) {
                i++;
                continue;
            }
            // the run's extent and what it is made of; hashed only when it can be a secret (prose words cannot)
            long run = run(b, i, to);
            int j = (int) run;
            int kinds = (int) (run >>> 32);
            boolean mixed = (kinds & (LETTER | DIGIT)) == (LETTER | DIGIT);
            // only a token mixing letters and digits, or a long one, can be (part of) a remembered secret
            if (j - i >= MIN_REMEMBERED && (mixed || j - i >= LONG_TOKEN)) {
                long hit = tokenIn(b, i, j, lookUp, tracking, (kinds & SEPARATOR) != 0, deferred);
                if (hit >= 0) {
                    return hit;
                }
            }
            i = j;
        }
        return -1;
    }

    /** Where the run of token characters from {@code i} ends (low 32 bits) and its {@link #RUN} bits OR-ed (high). */
    private static long run(byte[] b, int i, int n) {
        int j = i;
        int kinds = 0;
        while (j < n) {
            int c = b[j];
            if (c < 0 || (RUN[c] & RUN_CHAR) == 0) {
                break;
            }
            kinds |= RUN[c];
            j++;
        }
        return (long) kinds << 32 | j;
    }

    /**
     * For {@link CleanJsonLine}, changing nothing: whether the ASCII text {@code b[from, to)} (no escapes, each byte
     * a character) is neither a known secret as a whole ({@link #kindOf}) nor holds one as {@link #nextIn} walks its
     * tokens. The hashes {@link #nextIn} would note as going out are added to {@code notes} while echoes are tracked.
     */
    boolean holdsNoKnownValue(byte[] b, int from, int to, CleanJsonLine.TokenNotes notes) {
        return !isKnownValue(b, from, to) && walk(b, from, to, notes) < 0;
    }

    /** {@link #kindOf} is not null for the ASCII text {@code b[from, to)}: a value known as a secret. */
    boolean isKnownValue(byte[] b, int from, int to) {
        return !known.isEmpty() && knownLengths.get(to - from) && known.containsKey(ascii(b, from, to));
    }

    private boolean isKnown(byte[] b, int from, int to, long h) {
        return knownLengths.get(to - from) && bloomHas(h) && known.containsKey(ascii(b, from, to));
    }

    private static String ascii(byte[] b, int from, int to) {
        return new String(b, from, to - from, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    static int spanStart(long span) {
        return (int) (span >>> 32);
    }

    static int spanEnd(long span) {
        return (int) span;
    }

    private static long span(int start, int end) {
        return (long) start << 32 | end;
    }

    /**
     * The first known secret in the run {@code [from, to)} (hashed {@code whole}), or -1 after noting the run's
     * pieces: the run itself and, when it has separators, the parts between its '=' and '/'.
     */
    private long tokenIn(byte[] b, int from, int to, boolean lookUp, boolean tracking, boolean separated,
                         CleanJsonLine.TokenNotes deferred) {
        long whole = hash(b, from, to);
        if (lookUp && isKnown(b, from, to, whole)) {
            return span(from, to);
        }
        if (tracking) {
            letThrough(whole, deferred);
        }
        if (!separated) {
            return -1;
        }
        int start = from;
        for (int k = from; k <= to; k++) {
            if (k == to || b[k] == '=' || b[k] == '/') {
                if (k - start >= MIN_REMEMBERED && (start != from || k != to)) {
                    long h = hash(b, start, k);
                    if (lookUp && isKnown(b, start, k, h)) {
                        return span(start, k);
                    }
                    if (tracking) {
                        letThrough(h, deferred);
                    }
                }
                start = k + 1;
            }
        }
        return -1;
    }

    private void letThrough(long h, CleanJsonLine.TokenNotes deferred) {
        if (deferred != null) {
            deferred.add(h);
        } else {
            echoes.letThrough(h);
        }
    }

    private void bloomAdd(long h) {
        int a = (int) (h & (KNOWN_BITS - 1));
        int b = (int) ((h >>> 32) & (KNOWN_BITS - 1));
        knownHashes[a >>> 6] |= 1L << a;
        knownHashes[b >>> 6] |= 1L << b;
    }

    private boolean bloomHas(long h) {
        int a = (int) (h & (KNOWN_BITS - 1));
        int b = (int) ((h >>> 32) & (KNOWN_BITS - 1));
        return (knownHashes[a >>> 6] & 1L << a) != 0 && (knownHashes[b >>> 6] & 1L << b) != 0;
    }

    // ---------------------------------------------------------------- token hashes

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    /**
     * The token hash of the ASCII run {@code b[from, to)}: what the Bloom filters here and in {@link EchoTracker}
     * take, the same as {@link #remember} makes of a secret's characters.
     */
    private static long hash(byte[] b, int from, int to) {
        long h = FNV_OFFSET;
        for (int i = from; i < to; i++) {
            h = (h ^ b[i]) * FNV_PRIME;
        }
        return finish(h);
    }

    private static long finish(long h) {
        return h ^ (h >>> 29);
    }

    private static final byte RUN_CHAR = 1;
    private static final byte LETTER = 2;
    private static final byte DIGIT = 4;
    private static final byte SEPARATOR = 8;
    /** What each ASCII character is to {@link #nextIn}: run characters are URL and base64 characters. */
    private static final byte[] RUN = new byte[128];

    static {
        for (char c = 0; c < 128; c++) {
            if (isRunChar(c)) {
                RUN[c] = (byte) (RUN_CHAR | (Character.isLetter(c) ? LETTER : 0) | (c >= '0' && c <= '9' ? DIGIT : 0)
                        | (c == '=' || c == '/' ? SEPARATOR : 0));
            }
        }
    }

    private static boolean isRunChar(char c) {
        return SecretShapes.isKeyChar(c) || c == '.' || c == '~' || c == '+' || c == '/' || c == '=' || c == '%';
    }
}
