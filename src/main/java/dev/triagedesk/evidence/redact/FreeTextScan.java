package dev.triagedesk.evidence.redact;

import dev.triagedesk.evidence.input.EightBytes;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Free text (error messages, console lines, unknown fields, bodies that are not JSON): values known as secrets
 * elsewhere in the document go, URLs are redacted as URLs, token shapes wherever they are, and
 * {@code name=value} / {@code "name": "value"} pairs whose name is unmistakably secret. What it finds it hands
 * to its {@link Redactor} to be replaced and recorded. Not thread-safe: one per redactor.
 */
final class FreeTextScan {

    /**
     * Short strings found to hold nothing secret, so their many repeats in a HAR (user agents, accept headers,
     * server names) skip the scan. A value cached before a secret inside it was learned is safe: its tokens went
     * into the echo filter when first seen, so learning that secret makes the caller redo the document.
     *
     * <p>Direct-mapped by the string's hash, a newer string taking the slot of an older one: a capture's repeated
     * values stay, its one-off values (IDs, timestamps) pass by without filling a large set whose every lookup
     * missed the processor's caches. A string pushed out is only scanned again.
     */
    private static final int CLEAN_SLOTS = 1 << 12;
    private final String[] clean = new String[CLEAN_SLOTS];
    /** The hash of the string in each slot, compared before the string itself is touched. */
    private final int[] cleanHashes = new int[CLEAN_SLOTS];
    /**
     * The same for the part after a clean prefix ({@link #redact(String, byte[], int, String)}), as bytes: a log's
     * lines differ in their time stamps and repeat after them ("Sending HTTP Request: POST https://…").
     */
    private final byte[][] cleanRests = new byte[CLEAN_SLOTS][];
    private final int[] restHashes = new int[CLEAN_SLOTS];
    private static final int CLEAN_MAX_LENGTH = 512;

    /**
     * The clean cache is judged over each {@link #CACHE_TRIAL} lookups: when fewer than one in
     * {@link #HITS_TO_KEEP} found its string, it rests for {@link #CACHE_REST} strings. In a log whose every line
     * carries a new time stamp little repeats, and hashing each line (a character at a time on JDK 17) to find
     * that out costs a tenth of the scan. It then tries again, so a document that turns repetitive is cached again.
     */
    private static final int CACHE_TRIAL = 4096;
    private static final int HITS_TO_KEEP = 8;
    private static final int CACHE_REST = 32_768;
    private int cacheLookups;
    private int cacheHits;
    private int restLeft;

    /** Whether to look the next string up in the clean cache: not while it rests after a trial of few hits. */
    private boolean cacheWorth() {
        if (restLeft > 0) {
            restLeft--;
            return false;
        }
        if (cacheLookups >= CACHE_TRIAL) {
            boolean few = cacheHits * HITS_TO_KEEP < cacheLookups;
            cacheLookups = 0;
            cacheHits = 0;
            if (few) {
                restLeft = CACHE_REST;
                return false;
            }
        }
        cacheLookups++;
        return true;
    }

    /** The kinds of names met in text, by hash: see {@link #textNameKind}. */
    private static final int NAME_CACHE = 1024;
    private final long[] nameHashes = new long[NAME_CACHE];
    private final byte[] nameKinds = new byte[NAME_CACHE];

    private final Redactor redactor;
    private final KnownSecrets known;
    private final EchoTracker echoes;

    /** Set in tests only: check at every character that starts something, the reference the skips must equal. */
    private boolean everyStart;

    FreeTextScan(Redactor redactor, KnownSecrets known) {
        this.redactor = redactor;
        this.known = known;
        this.echoes = known.echoes();
    }

    /** For tests: this scan without {@link #nextCandidate}'s skips, checking wherever a URL, shape or pair starts. */
    FreeTextScan checkingEveryStart() {
        everyStart = true;
        return this;
    }

    /** The text with its secrets replaced by markers; the very same string when nothing was secret. */
    String redact(String s, String rule) {
        return redact(s, null, 0, rule);
    }

    /**
     * As {@link #redact(String, String)}; {@code latin1} (may be null) is the text's characters as one byte each,
     * as {@link #bytesOf} gives them, when the caller has them already (a line read as ASCII bytes);
     * {@code scanFrom}: where URLs, shapes and pairs are first looked for (see {@link Redactor#asciiText(String,
     * byte[], int, String)}), 0 for the whole text.
     */
    String redact(String s, byte[] latin1, int scanFrom, String rule) {
        byte[] bytes = latin1;
        boolean afterPrefix = scanFrom > 0 && bytes != null;
        // when restRepeats looked this text's rest up already and did not find it, it goes on from that lookup
        boolean lookedUp = missedRest;
        missedRest = false;
        boolean cacheable = lookedUp ? missedCacheable
                : s.length() <= CLEAN_MAX_LENGTH && (echoes.tracking() || known.isEmpty()) && cacheWorth();
        int hash = lookedUp ? missedHash : 0;
        int slot = lookedUp ? missedSlot : 0;
        if (!cacheable || lookedUp) {
            // nothing (more) to look up
        } else if (afterPrefix) {
            hash = hashOf(bytes, scanFrom, bytes.length);
            slot = slotOf(hash);
            if (restCached(bytes, 0, scanFrom, bytes.length, hash, slot)) {
                cacheHits++;
                return s;
            }
        } else {
            // a line given as bytes is hashed from them, eight at a time: String.hashCode takes a character at a
            // time on JDK 17 (a tenth of scanning a log's lines); other strings may have their hash already
            hash = bytes != null ? hashOf(bytes, 0, bytes.length) : s.hashCode();
            slot = slotOf(hash);
            String cached = clean[slot];
            if (cleanHashes[slot] == hash && cached != null && cached.equals(s)) {
                cacheHits++;
                return s;
            }
        }
        echoes.enterText();
        String result;
        try {
            if (bytes == null && known.walks()) {
                bytes = bytesOf(s); // for both walks
            }
            String unknown = knownValues(s, bytes, rule);
            // a replaced known value shifts the text: then it is scanned whole
            result = unknown == s ? urlsShapesAndPairs(s, bytes, scanFrom, rule)
                    : urlsShapesAndPairs(unknown, null, 0, rule);
        } finally {
            echoes.leaveText();
        }
        if (cacheable && result == s) {
            if (afterPrefix) {
                cleanRests[slot] = Arrays.copyOfRange(bytes, scanFrom, bytes.length);
                restHashes[slot] = hash;
            } else {
                clean[slot] = s;
                cleanHashes[slot] = hash;
            }
        }
        return result;
    }

    /**
     * For a line of ASCII bytes {@code b[from, to)} that {@link #redact(String, byte[], int, String)} would be given
     * with its clean prefix ending at {@code scanFrom}: whether that call would return the line as it is because its
     * rest repeats one found clean, asked before the line's string and its copy are made (a log repeats nearly half
     * its lines after their time stamps). It counts and looks up exactly as that call would; when it answers false
     * the caller must make that call next, for the same line, and it goes on from this lookup.
     */
    boolean restRepeats(byte[] b, int from, int scanFrom, int to) {
        boolean cacheable = to - from <= CLEAN_MAX_LENGTH && (echoes.tracking() || known.isEmpty()) && cacheWorth();
        if (cacheable) {
            int hash = hashOf(b, scanFrom, to);
            int slot = slotOf(hash);
            if (restCached(b, from, scanFrom, to, hash, slot)) {
                cacheHits++;
                return true;
            }
            missedHash = hash;
            missedSlot = slot;
        }
        missedRest = true;
        missedCacheable = cacheable;
        return false;
    }

    /** Set by {@link #restRepeats} when it did not find the rest: the next {@link #redact} goes on from its lookup. */
    private boolean missedRest;
    private boolean missedCacheable;
    private int missedHash;
    private int missedSlot;

    private static int slotOf(int hash) {
        return (hash ^ hash >>> 16) & (CLEAN_SLOTS - 1);
    }

    /** Whether the rest {@code b[scanFrom, to)} of the text {@code b[from, to)} is in the clean cache (and its prefix lets it through). */
    private boolean restCached(byte[] b, int from, int scanFrom, int to, int hash, int slot) {
        byte[] rest = cleanRests[slot];
        return restHashes[slot] == hash && rest != null && rest.length == to - scanFrom
                && Arrays.equals(b, scanFrom, to, rest, 0, rest.length) && prefixLetThrough(b, from, scanFrom);
    }

    /**
     * What a text whose part after the prefix is known clean still needs: the prefix walked for known values (none
     * may be there) and its tokens noted as going out, as the whole text's walk would have.
     */
    private boolean prefixLetThrough(byte[] bytes, int from, int prefixEnd) {
        if (!known.walks()) {
            return true;
        }
        echoes.enterText();
        try {
            return known.nextIn(bytes, from, prefixEnd) < 0;
        } finally {
            echoes.leaveText();
        }
    }

    /** Replaces the values redacted elsewhere in this document (and notes the other tokens as going out). */
    private String knownValues(String s, byte[] bytes, String rule) {
        StringBuilder out = null;
        int copied = 0;
        long hit;
        while ((hit = known.nextIn(s, bytes, copied)) >= 0) {
            int start = KnownSecrets.spanStart(hit);
            int end = KnownSecrets.spanEnd(hit);
            if (out == null) {
                out = new StringBuilder(s.length() + 32);
            }
            out.append(s, copied, start).append(redactor.knownMarker(s.substring(start, end), rule));
            copied = end;
        }
        return out == null ? s : out.append(s, copied, s.length()).toString();
    }

    /**
     * The first position from {@code from} on where {@link #urlsShapesAndPairs} has something to check, or
     * {@code n}: a separator, or a character something starts with followed by a character that can come second
     * in it (see {@link TextStarts#secondFits}). Right after a letter nothing that starts with a letter can start:
     * a URL needs a boundary ({@link TextSpans#isUrlStart}), key prefixes and {@code Bearer}/{@code Basic} refuse to
     * continue a word ({@link SecretShapes#boundaryBefore}, its {@code keyBoundary} and {@code scheme}), and a JWT
     * refuses a key character before it unless that character ends a percent escape ({@code %22eyJ…}), the one
     * exception kept (in text with a '%', a letter three after it is checked). So prose, prompts and base64 cost
     * a table lookup a character, with a branch almost never taken, instead of a check at every 's', 'e' or 'r'.
     */
    private int nextCandidate(byte[] b, int from, int n, boolean percents) {
        if (everyStart) {
            return TextStarts.nextStart(b, from, n);
        }
        return percents ? TextStarts.nextCandidateAfterEscapes(b, from, n)
                : TextStarts.nextCandidateInPlainText(b, from, n);
    }

    /**
     * For {@link CleanJsonLine}, changing nothing: whether {@link #urlsShapesAndPairs} surely leaves the ASCII text
     * {@code b[from, to)} (each byte a character, as {@link #bytesOf} would give it) as it is. It stops where the
     * scan stops and asks what the scan asks; at a URL or a marker, which the scan hands on, it cannot tell: false.
     */
    boolean leavesAsItIs(byte[] b, int from, int to) {
        boolean percents = false;
        for (int i = from; i < to; i++) {
            if (b[i] == '%') {
                percents = true;
                break;
            }
        }
        int first = percents ? TextStarts.nextCandidateAfterEscapes(b, from, to, 0, 0)
                : TextStarts.nextCandidateInPlainText(b, from, to, 0);
        if (first == to) {
            return true; // nowhere to stop: the common case, decided without a string
        }
        // the rare text with somewhere to stop is asked again as the scan sees it: its own string and bytes
        int n = to - from;
        String s = new String(b, from, n, StandardCharsets.ISO_8859_1);
        byte[] bytes = java.util.Arrays.copyOfRange(b, from, to);
        for (int i = first - from; i < n; i = nextCandidate(bytes, i + 1, n, percents)) {
            char c = s.charAt(i);
            if (c == '[' && Redactor.isMarker(s, i)
                    || (c == 'h' || c == 'H' || c == 'w' || c == 'W') && TextSpans.isUrlStart(s, i, n)) {
                return false;
            }
            if (c == '=' || c == ':') {
                if (pairAt(s, bytes, i, n) != null) {
                    return false;
                }
            } else if (SecretShapes.isTrigger(c) && SecretShapes.plausible(s, i, n)
                    && SecretShapes.at(s, i, n) != null) {
                return false;
            }
        }
        return true;
    }

    /**
     * The text's characters as one byte each, for {@link #nextCandidate}: a copy of a Latin-1 string's own bytes
     * (no decoding, no per-character checks of the string's coder), '?' for characters beyond Latin-1 and bytes
     * of 128 and above for the rest, neither of which starts anything. The encoder gives one '?' for a surrogate
     * pair (an emoji): then the bytes are made a character at a time, so that positions stay the same.
     */
    private static byte[] bytesOf(String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        if (b.length == s.length()) {
            return b;
        }
        b = new byte[s.length()];
        for (int i = 0; i < b.length; i++) {
            char c = s.charAt(i);
            b[i] = c < 256 ? (byte) c : (byte) '?';
        }
        return b;
    }

    /** A hash of the bytes {@code b[from, n)} for the clean cache, eight bytes a step (the tail a byte at a time). */
    private static int hashOf(byte[] b, int from, int n) {
        long h = n - from;
        int i = from;
        for (; i + 8 <= n; i += 8) {
            h = (h ^ EightBytes.at(b, i)) * 0x9E3779B97F4A7C15L;
            h ^= h >>> 29;
        }
        for (; i < n; i++) {
            h = (h ^ b[i]) * 0x100000001b3L;
        }
        h ^= h >>> 32;
        return (int) h;
    }

    private String urlsShapesAndPairs(String s, byte[] latin1, int scanFrom, String rule) {
        int n = s.length();
        StringBuilder out = null;
        int copied = 0;
        byte[] bytes = latin1 != null ? latin1 : bytesOf(s);
        boolean percents = s.indexOf('%') >= 0;
        for (int i = nextCandidate(bytes, scanFrom, n, percents); i < n; i = nextCandidate(bytes, i + 1, n, percents)) {
            char c = s.charAt(i);
            int replacedTo = -1;
            String replacement = null;
            if (c == '[' && Redactor.isMarker(s, i)) {
                int close = s.indexOf(']', i);
                if (close > 0) {
                    i = close;
                }
                continue;
            }
            if ((c == 'h' || c == 'H' || c == 'w' || c == 'W') && TextSpans.isUrlStart(s, i, n)) {
                int end = TextSpans.urlEnd(s, i, n);
                String u = s.substring(i, end);
                String r = redactor.url(u);
                if (r != u) {
                    replacement = r;
                    replacedTo = end;
                } else {
                    i = end - 1;
                    continue;
                }
            } else if (c == '=' || c == ':') {
                ValueHit hit = keyValue(s, bytes, i, n, rule);
                if (hit != null) {
                    if (out == null) {
                        out = new StringBuilder(n + 32);
                    }
                    out.append(s, copied, hit.start()).append(hit.marker());
                    copied = hit.end();
                    i = hit.end() - 1;
                    continue;
                }
            } else if (SecretShapes.isTrigger(c) && SecretShapes.plausible(s, i, n)) {
                SecretShapes.Shape shape = SecretShapes.at(s, i, n);
                if (shape != null) {
                    if (out == null) {
                        out = new StringBuilder(n + 32);
                    }
                    String secret = s.substring(shape.start(), shape.end());
                    out.append(s, copied, shape.start()).append(redactor.replace(rule, shape.kind(), null, secret));
                    copied = shape.end();
                    i = shape.end() - 1;
                    continue;
                }
            }
            if (replacement != null) {
                if (out == null) {
                    out = new StringBuilder(n + 32);
                }
                out.append(s, copied, i).append(replacement);
                copied = replacedTo;
                i = replacedTo - 1;
            }
        }
        return out == null ? s : out.append(s, copied, n).toString();
    }

    /** A secret value found after a separator: {@code [start, end)} is replaced by {@code marker}. */
    private record ValueHit(int start, int end, String marker) {
    }

    /** At a separator, checks for {@code name=value} or {@code "name": "value"} with a secret name. */
    private ValueHit keyValue(String s, byte[] b, int sep, int n, String rule) {
        Pair pair = pairAt(s, b, sep, n);
        if (pair == null) {
            return null;
        }
        return new ValueHit(pair.start(), pair.end(), redactor.replace(rule, pair.kind(), pair.name(),
                s.substring(pair.start(), pair.end())));
    }

    /** A secret value found after a separator, before it is replaced: {@code [start, end)} under {@code name}. */
    private record Pair(int start, int end, SecretKind kind, String name) {
    }

    /** What {@link #keyValue} finds at a separator, changing nothing; null when there is no secret pair. */
    private Pair pairAt(String s, byte[] b, int sep, int n) {
        if (b[sep] == ':' && sep + 2 < n && b[sep + 1] == '/' && b[sep + 2] == '/') {
            return null;
        }
        if (!valueCanFollow(s, sep + 1, n)) {
            return null; // a nested object or array, or nothing long enough to be a secret: no name lookup
        }
        // walked back over the bytes (see bytesOf): a name's characters are ASCII, '?' stands for none of them
        int j = sep - 1;
        while (j >= 0 && b[j] == ' ') {
            j--;
        }
        if (j >= 0 && (b[j] == '"' || b[j] == '\'')) {
            j--;
        }
        int nameEnd = j + 1;
        long nameHash = NAME_HASH_SEED; // the name's hash for textNameKind, taken in the same walk back over it
        while (j >= 0 && NAME_CHARS[b[j] & 0xff]) {
            nameHash = (nameHash ^ (b[j] & 0xff)) * NAME_HASH_PRIME;
            j--;
        }
        int nameStart = j + 1;
        if (nameEnd - nameStart < 2 || nameEnd - nameStart > 64) {
            return null;
        }
        SecretKind kind = textNameKind(s, nameStart, nameEnd, nameHash ^ (nameHash >>> 29) ^ (nameEnd - nameStart));
        if (kind == null) {
            return null;
        }
        String name = s.substring(nameStart, nameEnd);
        String lowerName = name.toLowerCase(Locale.ROOT);
        boolean bareSession = lowerName.equals("session") || lowerName.equals("sid");
        if (bareSession && s.charAt(sep) == ':') {
            return null; // "session: expired" is prose; "session=abc" is a cookie
        }
        int k = sep + 1;
        while (k < n && s.charAt(k) == ' ') {
            k++;
        }
        char quote = 0;
        if (k < n && (s.charAt(k) == '"' || s.charAt(k) == '\'')) {
            quote = s.charAt(k);
            k++;
        } else if (k + 1 < n && s.charAt(k) == '\\' && s.charAt(k + 1) == '"') {
            quote = '\\';
            k += 2;
        }
        int vs = k;
        if (quote == 0 && kind == SecretKind.AUTHORIZATION) {
            // "Authorization: Bearer abc": keep the scheme, take the one credential after it
            int w = SecretShapes.run(s, k, n, Character::isLetter);
            if (w > k && w < n && s.charAt(w) == ' ') {
                int c = w;
                while (c < n && s.charAt(c) == ' ') {
                    c++;
                }
                vs = c;
            }
            k = SecretShapes.run(s, vs, n, SecretShapes::isTokenChar);
        } else if (quote == 0 && kind == SecretKind.COOKIE && s.charAt(sep) == ':') {
            k = TextSpans.cookiePairsEnd(s, k, n);
        } else {
            while (k < n) {
                char c = s.charAt(k);
                if (c == '\n' || c == '\r') {
                    break;
                }
                if (quote == '\\' ? c == '\\' : quote != 0 ? c == quote || c == '\\' : isValueStop(c)) {
                    break;
                }
                k++;
            }
        }
        int ve = k;
        if (ve - vs < 4 || Redactor.isMarker(s, vs)) {
            return null;
        }
        String value = s.substring(vs, ve);
        if (Redactor.isEmptyWord(value)) {
            return null;
        }
        if (quote == 0 && s.charAt(sep) == ':' && kind != SecretKind.AUTHORIZATION && kind != SecretKind.COOKIE
                && !hasDigit(value) && value.length() < 16) {
            return null; // "Failed to parse JWT: TypeError": prose, not a credential
        }
        SecretShapes.Shape shape = SecretShapes.at(s, vs, ve);
        SecretKind reported = shape != null && shape.start() == vs && shape.end() == ve ? shape.kind() : kind;
        return new Pair(vs, ve, reported, name);
    }

    /** Whether at least four value characters follow a separator (after spaces and one quote). */
    private static boolean valueCanFollow(String s, int k, int n) {
        while (k < n && s.charAt(k) == ' ') {
            k++;
        }
        if (k < n && (s.charAt(k) == '"' || s.charAt(k) == '\'' || s.charAt(k) == '\\')) {
            k++;
            if (k < n && s.charAt(k) == '"') {
                k++;
            }
        }
        if (k + 4 > n) {
            return false;
        }
        char c = s.charAt(k);
        return c != '{' && c != '[' && c != '"' && c != ',' && c != '}' && c != ']';
    }

    /** FNV-1a over a name's characters from its last to its first, as {@link #keyValue} walks back over them. */
    private static final long NAME_HASH_SEED = 0xcbf29ce484222325L;
    private static final long NAME_HASH_PRIME = 0x100000001b3L;

    /**
     * {@link SensitiveNames#classify} for a name inside text, cached by a 64-bit hash of its characters
     * ({@code h}, taken by the caller) so the names that recur in every line of a JSON stream cost no substring
     * after their first time.
     */
    private SecretKind textNameKind(String s, int from, int to, long h) {
        int slot = (int) (h & (NAME_CACHE - 1));
        if (nameHashes[slot] == h && nameKinds[slot] != 0) {
            return nameKinds[slot] == 1 ? null : SecretKind.values()[nameKinds[slot] - 2];
        }
        SecretKind kind = SensitiveNames.classify(s.substring(from, to), Scope.TEXT);
        nameHashes[slot] = h;
        nameKinds[slot] = (byte) (kind == null ? 1 : kind.ordinal() + 2);
        return kind;
    }

    private static boolean hasDigit(String v) {
        for (int i = 0; i < v.length(); i++) {
            if (Character.isDigit(v.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isNameChar(char c) {
        return SecretShapes.isKeyChar(c) || c == '.';
    }

    /** {@link #isNameChar} of each byte. */
    private static final boolean[] NAME_CHARS = new boolean[256];

    static {
        for (char c = 0; c < 256; c++) {
            NAME_CHARS[c] = isNameChar(c);
        }
    }

    private static boolean isValueStop(char c) {
        return Character.isWhitespace(c) || c == '"' || c == '\'' || c == '&' || c == ';' || c == ','
                || c == '<' || c == '>' || c == ')' || c == '}' || c == ']' || c == '\\';
    }
}
