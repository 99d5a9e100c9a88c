package dev.triagedesk.evidence.redact;

import java.io.StringWriter;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Replaces secrets with markers {@code [REDACTED:kind:fingerprint]}. Callers say what a value is (a header, a
 * cookie, a query parameter, a body of some MIME type, free text); the redactor walks its structure and records
 * every replacement in the {@link RedactionLedger}. Returns the very same string when nothing was secret.
 *
 * <p>Not thread-safe: one per document (the fingerprint MAC and the ledger are per document).
 */
public final class Redactor {

    public static final String MARKER_PREFIX = "[REDACTED:";
    /** Inside a URL's authority brackets would read as an IPv6 literal, so user-info gets this form. */
    public static final String USERINFO_MARKER_PREFIX = "REDACTED-userinfo-";

    private static final Set<String> EMPTY_WORDS = Set.of("null", "undefined", "none", "nil", "true", "false",
            "redacted", "[filtered]", "********");
    private static final JsonFactory JSON = JsonFactory.builder().build();

    /** Values shorter than this, or without the mix of a random token, are not remembered as secrets. */
    private static final int MIN_REMEMBERED = 8;
    private static final int MAX_REMEMBERED = 20_000;

    private final Fingerprinter fingerprints;
    private final RedactionLedger ledger;
    /**
     * Every value redacted because of where it stood (a cookie, an Authorization header, a sensitive field), so
     * that the same value is removed wherever else it turns up: a session cookie echoed in a tracking URL's
     * {@code c=} parameter has an innocent name there. Bounded; looked up by length first.
     */
    private final Map<String, Known> known = new HashMap<>();
    private final BitSet knownLengths = new BitSet();
    /**
     * When set, a Bloom filter of every token this redactor let through: learning a secret that may already
     * have gone out unredacted sets {@link #echoedBeforeLearned}, and the caller redoes the document with
     * everything learned. No false negatives, so a single pass is only trusted when it is right.
     */
    private TokenFilter emitted;
    private boolean echoedBeforeLearned;
    /** A Bloom filter of {@link #known}, so most tokens are ruled out by their hash alone, without a substring. */
    private final long[] knownHashes = new long[KNOWN_BITS / 64];
    private static final int KNOWN_BITS = 1 << 20;
    /**
     * Token hashes of the text being redacted, noted as emitted only once the outermost {@link #text} call is
     * done and minus the secrets it found, so a secret redacted in that very text is not taken for an echo.
     */
    /**
     * Short strings found to hold nothing secret, so their many repeats in a HAR (user agents, accept headers,
     * server names) skip the scan. A value cached before a secret inside it was learned is safe: its tokens went
     * into the echo filter when first seen, so learning that secret makes the caller redo the document.
     */
    private final java.util.Set<String> clean = new java.util.HashSet<>();
    private static final int CLEAN_MAX_LENGTH = 512;
    private static final int CLEAN_MAX_ENTRIES = 50_000;
    private long[] pending = new long[64];
    private int pendingCount;
    private long[] removed = new long[8];
    private int removedCount;
    private int textDepth;

    private final RedactionKey key;
    private long documentBytes = -1;

    public Redactor(RedactionKey key) {
        this.key = key;
        this.fingerprints = new Fingerprinter(key);
        this.ledger = new RedactionLedger();
    }

    /**
     * A redactor for another part of the same document, read by another thread: same key, so the same secret gets
     * the same marker, and the same echo tracking, so {@link #absorb} can join what both saw.
     */
    public Redactor sibling() {
        Redactor other = new Redactor(key);
        if (emitted != null) {
            other.trackEchoes(documentBytes);
        }
        known.forEach(other::learnQuietly);
        return other;
    }

    /** A secret this redactor removes wherever it appears: its kind, and its token hash (kept, not recomputed). */
    private record Known(SecretKind kind, long hash) {
    }

    /** Knows a secret without asking whether it went out before (it was learned elsewhere in the document). */
    private void learnQuietly(String secret, Known k) {
        if (known.size() < MAX_REMEMBERED && known.putIfAbsent(secret, k) == null) {
            knownLengths.set(secret.length());
            bloomAdd(knownHashes, KNOWN_BITS, k.hash());
        }
    }

    /**
     * Takes in what a sibling saw while redacting the part of the document after this one's: its ledger, the
     * secrets it learned and the tokens it let through. Either may have let through a value the other learned as
     * a secret (a cookie of the first half echoed in a URL of the second): that counts as an echo before the
     * secret was learned, and the caller redoes the document knowing every secret.
     */
    public void absorb(Redactor later) {
        boolean crossEcho = later.mayHaveLetThrough(this) || mayHaveLetThrough(later);
        echoedBeforeLearned |= later.echoedBeforeLearned || crossEcho;
        ledger.merge(later.ledger);
        later.known.forEach(this::learnQuietly);
        if (emitted != null && later.emitted != null) {
            emitted.addAll(later.emitted);
        }
    }

    /** Whether this redactor may have let through, not knowing it, a secret that {@code other} learned. */
    private boolean mayHaveLetThrough(Redactor other) {
        if (emitted == null) {
            return false;
        }
        for (Map.Entry<String, Known> e : other.known.entrySet()) {
            if (emitted.mayContain(e.getValue().hash()) && !known.containsKey(e.getKey())) {
                return true;
            }
        }
        return false;
    }

    public RedactionLedger ledger() {
        return ledger;
    }

    /** The marker for a secret; the same secret always gets the same marker under one key. */
    public String marker(SecretKind kind, String secret) {
        return MARKER_PREFIX + kind.id() + ':' + fingerprints.of(secret) + ']';
    }

    public static boolean isMarker(CharSequence s, int i) {
        return SecretShapes.startsWith(s, i, s.length(), MARKER_PREFIX);
    }

    /** A value secret by where it stands (a multipart field, a hidden input, a GraphQL variable): its marker. */
    String secret(String rule, SecretKind kind, String name, String value) {
        return value.isEmpty() || isEmptyWord(value) || isMarker(value, 0) ? value : replace(rule, kind, name, value);
    }

    /** Says which response the next headers and body belong to, so its error codes are told from sign-in codes. */
    public void inResponseTo(String url, Integer status) {
        errorCodes.response(url, status);
    }

    private final ErrorCodeContext errorCodes = new ErrorCodeContext();

    private String replace(String rule, SecretKind kind, String name, String secret) {
        remember(secret, kind);
        ledger.record(rule, kind, name);
        return marker(kind, secret);
    }

    /** Starts noting what passes through, so {@link #echoedBeforeLearned()} can tell a single pass was enough. */
    public void trackEchoes() {
        trackEchoes(-1);
    }

    /** As {@link #trackEchoes()}, for a document of about {@code documentBytes} bytes (-1 when unknown). */
    public void trackEchoes(long documentBytes) {
        if (emitted == null) {
            this.documentBytes = documentBytes;
            emitted = TokenFilter.forDocument(documentBytes);
        }
    }

    /** Whether a secret learned late may have been let through earlier in this document (see {@link #trackEchoes}). */
    public boolean echoedBeforeLearned() {
        return echoedBeforeLearned;
    }

    private static void bloomAdd(long[] bits, int size, long h) {
        int a = (int) (h & (size - 1));
        int b = (int) ((h >>> 32) & (size - 1));
        bits[a >>> 6] |= 1L << a;
        bits[b >>> 6] |= 1L << b;
    }

    private static boolean bloomHas(long[] bits, int size, long h) {
        int a = (int) (h & (size - 1));
        int b = (int) ((h >>> 32) & (size - 1));
        return (bits[a >>> 6] & 1L << a) != 0 && (bits[b >>> 6] & 1L << b) != 0;
    }

    private void notePending(long h) {
        if (pendingCount == pending.length) {
            pending = java.util.Arrays.copyOf(pending, pendingCount * 2);
        }
        pending[pendingCount++] = h;
    }

    private void commitPending() {
        outer:
        for (int i = 0; i < pendingCount; i++) {
            long h = pending[i];
            for (int r = 0; r < removedCount; r++) {
                if (removed[r] == h) {
                    continue outer;
                }
            }
            emitted.add(h);
        }
        pendingCount = 0;
        removedCount = 0;
        if (pending.length > 4096) {
            pending = new long[64];
        }
    }

    private static long hash(CharSequence s, int from, int to) {
        long h = FNV_OFFSET;
        for (int i = from; i < to; i++) {
            h = (h ^ s.charAt(i)) * FNV_PRIME;
        }
        return finish(h);
    }

    private static long finish(long h) {
        return h ^ (h >>> 29);
    }

    private void remember(String secret, SecretKind kind) {
        int n = secret.length();
        if (n < MIN_REMEMBERED || n > 4096 || known.size() >= MAX_REMEMBERED || secret.contains(MARKER_PREFIX)) {
            return;
        }
        long h = hash(secret, 0, n);
        if (emitted != null) {
            if (!echoedBeforeLearned && !known.containsKey(secret) && emitted.mayContain(h)) {
                echoedBeforeLearned = true;
            }
            if (textDepth > 0) {
                if (removedCount == removed.length) {
                    removed = java.util.Arrays.copyOf(removed, removedCount * 2);
                }
                removed[removedCount++] = h;
            }
        }
        boolean letter = false;
        boolean digit = false;
        for (int i = 0; i < n; i++) {
            char c = secret.charAt(i);
            letter |= Character.isLetter(c);
            digit |= Character.isDigit(c);
        }
        if ((letter && digit || n >= 16) && known.putIfAbsent(secret, new Known(kind, h)) == null) {
            knownLengths.set(n);
            bloomAdd(knownHashes, KNOWN_BITS, h);
            SecretShapes.remainders(secret).forEach(bare -> remember(bare, kind)); // "sk-proj-abc", later "abc"
        }
    }

    /**
     * Remembers the credential in a Cookie, Set-Cookie or Authorization header without redacting anything: for
     * analysis, which writes no copy but must not show an echo of the value elsewhere (no fingerprints needed).
     */
    public void learnCredential(String lowerName, String value) {
        switch (lowerName) {
            case "cookie" -> {
                for (String pair : value.split(";")) {
                    int eq = pair.indexOf('=');
                    remember(pair.substring(eq + 1).trim(), SecretKind.COOKIE);
                }
            }
            case "set-cookie" -> {
                for (String line : value.split("\n")) {
                    String pair = line.split(";", 2)[0];
                    remember(pair.substring(pair.indexOf('=') + 1).trim(), SecretKind.COOKIE);
                }
            }
            case "authorization", "proxy-authorization" ->
                    remember(value.substring(value.indexOf(' ') + 1).trim(), SecretKind.AUTHORIZATION);
            default -> { }
        }
    }

    /** Takes over the values another redactor (an earlier pass over the same document) redacted. */
    public void rememberAll(Redactor firstPass) {
        firstPass.known.forEach((secret, k) -> remember(secret, k.kind()));
    }

    /** How many distinct secret values this redactor knows. */
    public int knownCount() {
        return known.size();
    }

    /** The marker for a value already redacted elsewhere in this document, or null. */
    private String knownMarker(String value, String rule) {
        Known k = known.isEmpty() || !knownLengths.get(value.length()) ? null : known.get(value);
        SecretKind kind = k == null ? null : k.kind();
        if (kind == null) {
            return null;
        }
        ledger.record(rule, kind, "(seen as a secret elsewhere)");
        return marker(kind, value);
    }

    /**
     * Walks the tokens of text once: a token (a run of URL and base64 characters, or a piece of it between '='
     * and '/', the separators values are glued to) that is a value redacted elsewhere in this document is
     * replaced by its marker; the others are noted as going out (when echoes are tracked). Each token is hashed
     * once; a substring is only made when the hash says it may be a known secret.
     */
    private String scanRuns(String s, String rule) {
        boolean lookUp = !known.isEmpty();
        if (!lookUp && emitted == null) {
            return s;
        }
        int n = s.length();
        StringBuilder out = null;
        int copied = 0;
        int i = 0;
        while (i < n) {
            char first = s.charAt(i);
            if (first >= 128 || (RUN[first] & RUN_CHAR) == 0) {
                i++;
                continue;
            }
            // one pass over the run: its extent, what it is made of, and its hash
            int j = i;
            int kinds = 0;
            long h = FNV_OFFSET;
            while (j < n) {
                char c = s.charAt(j);
                if (c >= 128 || (RUN[c] & RUN_CHAR) == 0) {
                    break;
                }
                kinds |= RUN[c];
                h = (h ^ c) * FNV_PRIME;
                j++;
            }
            boolean mixed = (kinds & (LETTER | DIGIT)) == (LETTER | DIGIT);
            // only a token mixing letters and digits, or a long one, can be (part of) a remembered secret
            if (j - i >= MIN_REMEMBERED && (mixed || j - i >= 16)) {
                int[] hit = tokenIn(s, i, j, lookUp, finish(h), (kinds & SEPARATOR) != 0);
                if (hit != null) {
                    if (out == null) {
                        out = new StringBuilder(n + 32);
                    }
                    out.append(s, copied, hit[0]).append(knownMarker(s.substring(hit[0], hit[1]), rule));
                    copied = hit[1];
                    i = hit[1];
                    continue;
                }
            }
            i = j;
        }
        return out == null ? s : out.append(s, copied, n).toString();
    }

    /**
     * The first known secret in the run {@code [from, to)} (hashed {@code whole}), or null after noting the run's
     * pieces: the run itself and, when it has separators, the parts between its '=' and '/'.
     */
    private int[] tokenIn(String s, int from, int to, boolean lookUp, long whole, boolean separated) {
        if (lookUp && isKnown(s, from, to, whole)) {
            return new int[] {from, to};
        }
        if (emitted != null) {
            notePending(whole);
        }
        if (!separated) {
            return null;
        }
        int start = from;
        for (int k = from; k <= to; k++) {
            if (k == to || s.charAt(k) == '=' || s.charAt(k) == '/') {
                if (k - start >= MIN_REMEMBERED && (start != from || k != to)) {
                    long h = hash(s, start, k);
                    if (lookUp && isKnown(s, start, k, h)) {
                        return new int[] {start, k};
                    }
                    if (emitted != null) {
                        notePending(h);
                    }
                }
                start = k + 1;
            }
        }
        return null;
    }

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final byte RUN_CHAR = 1;
    private static final byte LETTER = 2;
    private static final byte DIGIT = 4;
    private static final byte SEPARATOR = 8;
    /** What each ASCII character is to {@link #scanRuns}: run characters are URL and base64 characters. */
    private static final byte[] RUN = new byte[128];

    static {
        for (char c = 0; c < 128; c++) {
            if (isRunChar(c)) {
                RUN[c] = (byte) (RUN_CHAR | (Character.isLetter(c) ? LETTER : 0) | (c >= '0' && c <= '9' ? DIGIT : 0)
                        | (c == '=' || c == '/' ? SEPARATOR : 0));
            }
        }
    }

    private boolean isKnown(String s, int from, int to, long h) {
        return knownLengths.get(to - from) && bloomHas(knownHashes, KNOWN_BITS, h)
                && known.containsKey(s.substring(from, to));
    }

    private static boolean isRunChar(char c) {
        return SecretShapes.isKeyChar(c) || c == '.' || c == '~' || c == '+' || c == '/' || c == '=' || c == '%';
    }

    // ---------------------------------------------------------------- headers and cookies

    /** A request or response header value. */
    public String header(String name, String value, boolean response) {
        return header(name, name == null ? null : name.toLowerCase(Locale.ROOT), value, response);
    }

    /** As {@link #header(String, String, boolean)}, with the name already in lower case. */
    public String header(String name, String lower, String value, boolean response) {
        if (value == null || value.isEmpty() || name == null) {
            return value;
        }
        String rule = response ? "response-header" : "request-header";
        switch (lower) {
            case "cookie":
                return cookieHeader(value);
            case "set-cookie":
                return setCookieHeader(value);
            case "authorization", "proxy-authorization":
                return authorization(rule, lower, value);
            case "referer", "location", "content-location", "origin", ":path", "link", "refresh":
                return lower.equals(":path") ? url(value) : text(value, rule);
            default:
                break;
        }
        if (SensitiveNames.isAlwaysPublicHeader(lower)) {
            return value;
        }
        SecretKind kind = SensitiveNames.classify(lower, response ? Scope.RESPONSE_HEADER : Scope.REQUEST_HEADER);
        if (kind == SecretKind.CODE && (response ? errorCodes.keeps(lower, value) : SensitiveNames.looksLikeErrorCode(value))) {
            kind = null;
        }
        if (kind != null && !isEmptyWord(value) && !isMarker(value, 0)) {
            return replace(rule, kind, lower, value);
        }
        return text(value, rule);
    }

    private String authorization(String rule, String lowerName, String value) {
        if (isMarker(value, 0)) {
            return value;
        }
        int space = value.indexOf(' ');
        if (space > 0 && space < value.length() - 1 && isSchemeName(value, space)) {
            String scheme = value.substring(0, space);
            String credentials = value.substring(space + 1).trim();
            if (isMarker(credentials, 0)) {
                return value;
            }
            SecretKind kind = switch (scheme.toLowerCase(Locale.ROOT)) {
                case "bearer" -> SecretKind.BEARER;
                case "basic" -> SecretKind.BASIC;
                default -> SecretKind.AUTHORIZATION;
            };
            return scheme + ' ' + replace(rule, kind, lowerName, credentials);
        }
        return replace(rule, SecretKind.AUTHORIZATION, lowerName, value);
    }

    private static boolean isSchemeName(String value, int end) {
        for (int i = 0; i < end; i++) {
            char c = value.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    /** A {@code Cookie} header: every value goes, the names stay (they show which session cookies were sent). */
    public String cookieHeader(String value) {
        StringBuilder out = new StringBuilder(value.length());
        boolean changed = false;
        int start = 0;
        while (start <= value.length()) {
            int semi = value.indexOf(';', start);
            int end = semi < 0 ? value.length() : semi;
            String part = value.substring(start, end);
            int eq = part.indexOf('=');
            if (eq >= 0) {
                String name = part.substring(0, eq).trim();
                String v = part.substring(eq + 1).trim();
                if (!v.isEmpty() && !isMarker(v, 0)) {
                    out.append(part, 0, eq + 1).append(replace("cookie", SecretKind.COOKIE, name, v));
                    changed = true;
                } else {
                    out.append(part);
                }
            } else if (!part.isBlank() && !isMarker(part.trim(), 0)) {
                // a bare value without a name is still a cookie value
                out.append(replace("cookie", SecretKind.COOKIE, null, part.trim()));
                changed = true;
            } else {
                out.append(part);
            }
            if (semi < 0) {
                break;
            }
            out.append(';');
            start = semi + 1;
        }
        return changed ? out.toString() : value;
    }

    /** A {@code Set-Cookie} header, possibly several joined by newlines: values go, attributes stay. */
    public String setCookieHeader(String value) {
        StringBuilder out = new StringBuilder(value.length());
        boolean changed = false;
        String[] lines = value.split("\n", -1);
        for (int li = 0; li < lines.length; li++) {
            String line = lines[li];
            if (li > 0) {
                out.append('\n');
            }
            int semi = line.indexOf(';');
            String pair = semi < 0 ? line : line.substring(0, semi);
            int eq = pair.indexOf('=');
            if (eq >= 0) {
                String name = pair.substring(0, eq).trim();
                String v = pair.substring(eq + 1).trim();
                if (!v.isEmpty() && !isMarker(v, 0)) {
                    out.append(pair, 0, eq + 1).append(replace("set-cookie", SecretKind.COOKIE, name, v));
                    changed = true;
                } else {
                    out.append(pair);
                }
            } else {
                out.append(pair);
            }
            if (semi >= 0) {
                out.append(line, semi, line.length());
            }
        }
        return changed ? out.toString() : value;
    }

    /** One entry of a HAR {@code cookies} array. */
    public String cookieValue(String cookieName, String value, boolean response) {
        if (value == null || value.isEmpty() || isMarker(value, 0)) {
            return value;
        }
        return replace(response ? "set-cookie" : "cookie", SecretKind.COOKIE, cookieName, value);
    }

    /** One entry of a HAR {@code queryString} array or a form {@code params} array. */
    public String parameter(String name, String value, Scope scope) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        SecretKind kind = SensitiveNames.classify(name, scope);
        String rule = scope == Scope.QUERY ? "query" : "form-field";
        if (kind != null && !isEmptyWord(value) && !isMarker(value, 0)) {
            return replace(rule, kind, name, value);
        }
        String seen = knownMarker(value, rule);
        String graphQl = seen == null && scope == Scope.QUERY && name.equals("variables")
                ? GraphQlVariables.queryParameter(this, value) : null;
        return seen != null ? seen : graphQl != null ? graphQl : text(value, rule);
    }

    // ---------------------------------------------------------------- URLs

    /**
     * A URL or a path with a query: user-info, sensitive query and fragment parameters, and token shapes in the
     * path go; scheme, host and path stay.
     */
    public String url(String url) {
        if (url == null || url.isEmpty()) {
            return url;
        }
        if (url.regionMatches(true, 0, "data:", 0, 5)) {
            return text(url, "url");
        }
        int n = url.length();
        int schemeEnd = url.indexOf("://");
        int authStart = schemeEnd >= 0 && schemeEnd < 16 ? schemeEnd + 3 : 0;
        int authEnd = authStart;
        if (authStart > 0) {
            while (authEnd < n && "/?#".indexOf(url.charAt(authEnd)) < 0) {
                authEnd++;
            }
        }
        StringBuilder out = null;
        int copied = 0;
        if (authEnd > authStart) {
            int at = url.lastIndexOf('@', authEnd - 1);
            if (at >= authStart && !url.startsWith(USERINFO_MARKER_PREFIX, authStart)) {
                out = new StringBuilder(n + 32);
                out.append(url, 0, authStart);
                ledger.record("url-userinfo", SecretKind.USERINFO, null);
                String userInfo = url.substring(authStart, at);
                remember(userInfo, SecretKind.USERINFO);
                out.append(USERINFO_MARKER_PREFIX).append(fingerprints.of(userInfo));
                copied = at;
            }
        }
        int query = url.indexOf('?', authEnd);
        int fragment = url.indexOf('#', authEnd);
        if (query > fragment && fragment >= 0) {
            query = -1;
        }
        int pathEnd = query >= 0 ? query : fragment >= 0 ? fragment : n;
        String path = url.substring(authEnd, pathEnd);
        String redactedPath = text(path, "url-path");
        String redactedQuery = null;
        if (query >= 0) {
            int qEnd = fragment >= 0 ? fragment : n;
            redactedQuery = queryString(url.substring(query + 1, qEnd), "query");
        }
        String redactedFragment = null;
        if (fragment >= 0) {
            String frag = url.substring(fragment + 1);
            redactedFragment = frag.indexOf('=') >= 0 ? queryString(frag, "url-fragment") : text(frag, "url-fragment");
        }
        boolean changed = out != null || redactedPath != path
                || redactedQuery != null && !redactedQuery.equals(url.substring(query + 1, fragment >= 0 ? fragment : n))
                || redactedFragment != null && !redactedFragment.equals(url.substring(fragment + 1));
        if (!changed) {
            return url;
        }
        if (out == null) {
            out = new StringBuilder(n + 32);
        }
        out.append(url, copied, authEnd).append(redactedPath);
        if (query >= 0) {
            out.append('?').append(redactedQuery);
        }
        if (fragment >= 0) {
            out.append('#').append(redactedFragment);
        }
        return out.toString();
    }

    /** {@code a=1&b=2}: values under sensitive names go; other values are scanned as text. */
    private String queryString(String query, String rule) {
        StringBuilder out = null;
        int start = 0;
        int n = query.length();
        while (start <= n) {
            int amp = query.indexOf('&', start);
            int end = amp < 0 ? n : amp;
            int eq = query.indexOf('=', start);
            String replacement = null;
            if (eq >= 0 && eq < end) {
                String rawName = query.substring(start, eq);
                String rawValue = query.substring(eq + 1, end);
                String name = decode(rawName);
                SecretKind kind = SensitiveNames.classify(name, Scope.QUERY);
                String value = decode(rawValue);
                String seen = kind == null ? knownMarker(value, rule) : null;
                if (seen != null) {
                    replacement = rawName + '=' + seen;
                } else if (kind != null && !value.isEmpty() && !isEmptyWord(value) && !isMarker(value, 0)) {
                    replacement = rawName + '=' + replace(rule, kind, name, value);
                } else if (!rawValue.isEmpty()) {
                    String graphQl = name.equals("variables") ? GraphQlVariables.queryParameter(this, value) : null;
                    String scanned = graphQl != null ? graphQl : value.contains("://") ? url(value) : text(value, rule);
                    if (scanned != value) {
                        replacement = rawName + '=' + encodeKeepingMarkers(scanned);
                    }
                }
            } else if (end > start) {
                String piece = query.substring(start, end);
                String scanned = text(piece, rule);
                if (scanned != piece) {
                    replacement = scanned;
                }
            }
            if (replacement != null && out == null) {
                out = new StringBuilder(n + 32).append(query, 0, start);
            }
            if (out != null) {
                out.append(replacement != null ? replacement : query.substring(start, end));
                if (amp >= 0) {
                    out.append('&');
                }
            }
            if (amp < 0) {
                break;
            }
            start = amp + 1;
        }
        return out == null ? query : out.toString();
    }

    static String decode(String s) {
        if (s.indexOf('%') < 0 && s.indexOf('+') < 0) {
            return s;
        }
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return s;
        }
    }

    /** Percent-encodes a redacted value but leaves its markers readable. */
    static String encodeKeepingMarkers(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        int i = 0;
        while (i < s.length()) {
            int m = s.indexOf(MARKER_PREFIX, i);
            int stop = m < 0 ? s.length() : m;
            out.append(URLEncoder.encode(s.substring(i, stop), StandardCharsets.UTF_8));
            if (m < 0) {
                break;
            }
            int close = s.indexOf(']', m);
            int end = close < 0 ? s.length() : close + 1;
            out.append(s, m, end);
            i = end;
        }
        return out.toString();
    }

    // ---------------------------------------------------------------- bodies

    /**
     * A request or response body: JSON is parsed and walked by key, form bodies by parameter, anything else is
     * scanned as text. Returns the same string when nothing was removed.
     */
    public String body(String mimeType, String text, boolean request) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String mime = mimeType == null ? "" : mimeType.toLowerCase(Locale.ROOT);
        char first = firstNonSpace(text);
        if (mime.contains("multipart/")) {
            return MultipartBody.redact(this, mimeType, text, request, 0);
        }
        if (mime.contains("json") || first == '{' || first == '[') {
            boolean graphQl = request && (first == '{' || first == '[') && GraphQlVariables.mayBe(text);
            String redacted = json(graphQl ? GraphQlVariables.bindSecrets(this, text) : text, request);
            if (redacted != null) {
                return redacted;
            }
        }
        if (mime.contains("x-www-form-urlencoded")) {
            return queryString(text, "form-field");
        }
        String rule = request ? "request-body" : "response-body";
        return mime.contains("html") ? HtmlHiddenInputs.redact(this, text, rule) : text(text, rule);
    }

    private static char firstNonSpace(String s) {
        for (int i = 0; i < s.length() && i < 64; i++) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c) && c != '\uFEFF') {
                return c;
            }
        }
        return 0;
    }

    /** A JSON document walked by key; {@code null} when the text is not one JSON value. */
    public String json(String text, boolean request) {
        long before = ledger.total();
        StringWriter sw = new StringWriter(text.length() + 64);
        ledger.begin(); // tentative: a body that turns out not to be JSON is redacted as text instead
        try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), text);
             JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), sw)) {
            if (p.nextToken() == null) {
                ledger.rollback();
                return null;
            }
            copyJson(p, g, null, null, request ? Scope.JSON_REQUEST : Scope.JSON_RESPONSE);
            if (p.nextToken() != null) {
                ledger.rollback();
                return null; // several values (NDJSON and the like)
            }
        } catch (JacksonException notJson) {
            ledger.rollback();
            return null;
        }
        ledger.commit();
        return ledger.total() == before ? text : sw.toString();
    }

    /**
     * Copies the current value from {@code p} to {@code g}. {@code kind} is set when an enclosing name already
     * said everything below it is secret.
     */
    public void copyJson(JsonParser p, JsonGenerator g, SecretKind kind, String name, Scope scope) {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                g.writeStartObject();
                while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                    String field = p.currentName();
                    g.writeName(names.of(field));
                    p.nextToken();
                    SecretKind fieldKind = kind != null ? kind : SensitiveNames.classify(field, scope);
                    copyJson(p, g, fieldKind, kind != null ? name : field, scope);
                }
                g.writeEndObject();
            }
            case START_ARRAY -> {
                g.writeStartArray();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    copyJson(p, g, kind, name, scope);
                }
                g.writeEndArray();
            }
            case VALUE_STRING -> g.writeString(jsonString(kind, name, p.getString(), scope));
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                if (kind != null && secretEvenAsNumber(kind, scope)) {
                    g.writeString(replace("json-field", kind, name, p.getString()));
                } else {
                    g.copyCurrentEventExact(p);
                }
            }
            default -> g.copyCurrentEvent(p);
        }
    }

    private final EncodedNames names = new EncodedNames();

    private String jsonString(SecretKind kind, String name, String value, Scope scope) {
        if (kind != null && !value.isEmpty() && !isEmptyWord(value) && !isMarker(value, 0)
                && !(kind == SecretKind.CODE && scope == Scope.JSON_RESPONSE && errorCodes.keeps(name, value))) {
            return replace("json-field", kind, name, value);
        }
        String seen = knownMarker(value, "json-text");
        return seen != null ? seen : text(value, "json-text");
    }

    /** Numbers are kept (counts, expiry times) unless the name says password, secret or a one-time code. */
    private static boolean secretEvenAsNumber(SecretKind kind, Scope scope) {
        return kind == SecretKind.PASSWORD || kind == SecretKind.SECRET
                || kind == SecretKind.CODE && scope != Scope.JSON_RESPONSE;
    }

    // ---------------------------------------------------------------- free text

    /**
     * Free text (error messages, console lines, unknown fields, bodies that are not JSON): URLs are redacted as
     * URLs, token shapes wherever they are, and {@code name=value} / {@code "name": "value"} pairs whose name is
     * unmistakably secret.
     */
    public String text(String s) {
        return text(s, "text");
    }

    public String text(String s, String rule) {
        if (s == null) {
            return null;
        }
        boolean cacheable = s.length() <= CLEAN_MAX_LENGTH && (emitted != null || known.isEmpty());
        if (cacheable && clean.contains(s)) {
            return s;
        }
        textDepth++;
        String result;
        try {
            result = scanText(scanRuns(s, rule), rule);
        } finally {
            if (--textDepth == 0 && emitted != null) {
                commitPending();
            }
        }
        if (cacheable && result == s && clean.size() < CLEAN_MAX_ENTRIES) {
            clean.add(s);
        }
        return result;
    }

    /** The characters at which {@link #scanText} has something to check: a marker, a URL, a separator, a shape. */
    private static final boolean[] TEXT_TRIGGERS = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            TEXT_TRIGGERS[c] = c == '[' || c == 'h' || c == 'H' || c == 'w' || c == 'W' || c == '=' || c == ':'
                    || SecretShapes.isTrigger(c);
        }
    }

    private String scanText(String s, String rule) {
        int n = s.length();
        StringBuilder out = null;
        int copied = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 128 || !TEXT_TRIGGERS[c]) {
                continue; // most characters start nothing: one lookup instead of a dozen comparisons
            }
            int replacedTo = -1;
            String replacement = null;
            if (c == '[' && isMarker(s, i)) {
                int close = s.indexOf(']', i);
                if (close > 0) {
                    i = close;
                }
                continue;
            }
            if ((c == 'h' || c == 'H' || c == 'w' || c == 'W') && TextSpans.isUrlStart(s, i, n)) {
                int end = TextSpans.urlEnd(s, i, n);
                String u = s.substring(i, end);
                String r = url(u);
                if (r != u) {
                    replacement = r;
                    replacedTo = end;
                } else {
                    i = end - 1;
                    continue;
                }
            } else if (c == '=' || c == ':') {
                ValueHit hit = keyValue(s, i, n, rule);
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
                    out.append(s, copied, shape.start()).append(replace(rule, shape.kind(), null, secret));
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
    private ValueHit keyValue(String s, int sep, int n, String rule) {
        if (s.charAt(sep) == ':' && sep + 2 < n && s.charAt(sep + 1) == '/' && s.charAt(sep + 2) == '/') {
            return null;
        }
        if (!valueCanFollow(s, sep + 1, n)) {
            return null; // a nested object or array, or nothing long enough to be a secret: no name lookup
        }
        int j = sep - 1;
        while (j >= 0 && s.charAt(j) == ' ') {
            j--;
        }
        if (j >= 0 && (s.charAt(j) == '"' || s.charAt(j) == '\'')) {
            j--;
        }
        int nameEnd = j + 1;
        while (j >= 0 && isNameChar(s.charAt(j))) {
            j--;
        }
        int nameStart = j + 1;
        if (nameEnd - nameStart < 2 || nameEnd - nameStart > 64) {
            return null;
        }
        SecretKind kind = textNameKind(s, nameStart, nameEnd);
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
        if (ve - vs < 4 || isMarker(s, vs)) {
            return null;
        }
        String value = s.substring(vs, ve);
        if (isEmptyWord(value)) {
            return null;
        }
        if (quote == 0 && s.charAt(sep) == ':' && kind != SecretKind.AUTHORIZATION && kind != SecretKind.COOKIE
                && !hasDigit(value) && value.length() < 16) {
            return null; // "Failed to parse JWT: TypeError": prose, not a credential
        }
        SecretShapes.Shape shape = SecretShapes.at(s, vs, ve);
        SecretKind reported = shape != null && shape.start() == vs && shape.end() == ve ? shape.kind() : kind;
        return new ValueHit(vs, ve, replace(rule, reported, name, value));
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

    /**
     * {@link SensitiveNames#classify} for a name inside text, cached by a hash of its characters so the names
     * that recur in every line of a JSON stream cost no substring after their first time.
     */
    private SecretKind textNameKind(String s, int from, int to) {
        long h = hash(s, from, to) ^ (to - from);
        int slot = (int) (h & (NAME_CACHE - 1));
        if (nameHashes[slot] == h && nameKinds[slot] != 0) {
            return nameKinds[slot] == 1 ? null : SecretKind.values()[nameKinds[slot] - 2];
        }
        SecretKind kind = SensitiveNames.classify(s.substring(from, to), Scope.TEXT);
        nameHashes[slot] = h;
        nameKinds[slot] = (byte) (kind == null ? 1 : kind.ordinal() + 2);
        return kind;
    }

    private static final int NAME_CACHE = 1024;
    private final long[] nameHashes = new long[NAME_CACHE];
    private final byte[] nameKinds = new byte[NAME_CACHE];

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

    private static boolean isValueStop(char c) {
        return Character.isWhitespace(c) || c == '"' || c == '\'' || c == '&' || c == ';' || c == ','
                || c == '<' || c == '>' || c == ')' || c == '}' || c == ']' || c == '\\';
    }

    private static boolean isEmptyWord(String v) {
        return v.length() <= 10 && EMPTY_WORDS.contains(v.toLowerCase(Locale.ROOT));
    }
}
