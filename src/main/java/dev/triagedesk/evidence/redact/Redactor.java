package dev.triagedesk.evidence.redact;

import java.util.Locale;
import java.util.Set;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Replaces secrets with markers {@code [REDACTED:kind:fingerprint]}. Callers say what a value is (a header, a
 * cookie, a query parameter, a body of some MIME type, free text); the redactor walks its structure and records
 * every replacement in the {@link RedactionLedger}. Returns the very same string when nothing was secret. Every
 * value it redacts is remembered ({@link KnownSecrets}) and removed wherever else it turns up; free text is
 * scanned by a {@link FreeTextScan}.
 *
 * <p>Not thread-safe: one per document (the fingerprint MAC and the ledger are per document).
 */
public final class Redactor {

    public static final String MARKER_PREFIX = "[REDACTED:";
    /** Inside a URL's authority brackets would read as an IPv6 literal, so user-info gets this form. */
    public static final String USERINFO_MARKER_PREFIX = "REDACTED-userinfo-";

    private static final Set<String> EMPTY_WORDS = Set.of("null", "undefined", "none", "nil", "true", "false",
            "redacted", "[filtered]", "********");

    private final RedactionKey key;
    private final Fingerprinter fingerprints;
    private final RedactionLedger ledger = new RedactionLedger();
    private final KnownSecrets known;
    private final FreeTextScan freeText;
    private final ErrorCodeContext errorCodes = new ErrorCodeContext();
    private final EncodedNames names = new EncodedNames();
    private final JsonRedaction jsonBodies = new JsonRedaction(this, names);
    private final UrlRedaction urls = new UrlRedaction(this);
    /** Null in tests that take the reference path ({@link #walkingEveryLine}). */
    private CleanJsonLine cleanLines;
    /** Whether the last {@link #jsonBytes} was answered by {@link #cleanLines}. */
    private boolean lastClean;

    public Redactor(RedactionKey key) {
        this(key, new KnownSecrets(new EchoTracker()));
    }

    private Redactor(RedactionKey key, KnownSecrets known) {
        this.key = key;
        this.fingerprints = new Fingerprinter(key);
        this.known = known;
        this.freeText = new FreeTextScan(this, known);
        this.cleanLines = new CleanJsonLine(this, known, freeText);
    }

    /**
     * A redactor for another part of the same document, read by another thread: same key, so the same secret gets
     * the same marker, and the same echo tracking, so {@link #absorb} can join what both saw.
     */
    public Redactor sibling() {
        return new Redactor(key, known.sibling());
    }

    /**
     * Takes in what a sibling saw while redacting the part of the document after this one's: its ledger, the
     * secrets it learned and the tokens it let through. Either may have let through a value the other learned as
     * a secret (a cookie of the first half echoed in a URL of the second): that counts as an echo before the
     * secret was learned, and the caller redoes the document knowing every secret.
     */
    public void absorb(Redactor later) {
        known.absorb(later.known);
        ledger.merge(later.ledger);
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

    /** Remembers, records and marks a secret. */
    String replace(String rule, SecretKind kind, String name, String secret) {
        known.remember(secret, kind);
        ledger.record(rule, kind, name);
        return marker(kind, secret);
    }

    /** Starts noting what passes through, so {@link #echoedBeforeLearned()} can tell a single pass was enough. */
    public void trackEchoes() {
        trackEchoes(-1);
    }

    /** As {@link #trackEchoes()}, for a document of about {@code documentBytes} bytes (-1 when unknown). */
    public void trackEchoes(long documentBytes) {
        known.echoes().start(documentBytes);
    }

    /** Whether a secret learned late may have been let through earlier in this document (see {@link #trackEchoes}). */
    public boolean echoedBeforeLearned() {
        return known.echoes().echoedBeforeLearned();
    }

    /**
     * Remembers the credential in a Cookie, Set-Cookie or Authorization header without redacting anything: for
     * analysis, which writes no copy but must not show an echo of the value elsewhere (no fingerprints needed).
     */
    public void learnCredential(String lowerName, String value) {
        switch (lowerName) {
            case "cookie" -> known.rememberCookieValues(value, ';');
            case "set-cookie" -> known.rememberCookieValues(value, '\n');
            case "authorization", "proxy-authorization" ->
                    known.remember(value.substring(value.indexOf(' ') + 1).trim(), SecretKind.AUTHORIZATION);
            default -> { }
        }
    }

    /** Takes over the values another redactor (an earlier pass over the same document) redacted. */
    public void rememberAll(Redactor firstPass) {
        known.rememberAll(firstPass.known);
    }

    /** How many distinct secret values this redactor knows. */
    public int knownCount() {
        return known.size();
    }

    /** The marker for a value already redacted elsewhere in this document, or null. */
    String knownMarker(String value, String rule) {
        SecretKind kind = known.kindOf(value);
        if (kind == null) {
            return null;
        }
        ledger.record(rule, kind, "(seen as a secret elsewhere)");
        return marker(kind, value);
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
            if (part.indexOf('=') < 0 && !part.isBlank() && !isMarker(part.trim(), 0)) {
                // a bare value without a name is still a cookie value
                out.append(replace("cookie", SecretKind.COOKIE, null, part.trim()));
                changed = true;
            } else {
                changed |= cookiePair(out, part, "cookie");
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
            changed |= cookiePair(out, semi < 0 ? line : line.substring(0, semi), "set-cookie");
            if (semi >= 0) {
                out.append(line, semi, line.length());
            }
        }
        return changed ? out.toString() : value;
    }

    /** Appends a {@code name=value} pair with its value redacted; whether there was a value to redact. */
    private boolean cookiePair(StringBuilder out, String pair, String rule) {
        int eq = pair.indexOf('=');
        String v = eq < 0 ? "" : pair.substring(eq + 1).trim();
        if (v.isEmpty() || isMarker(v, 0)) {
            out.append(pair);
            return false;
        }
        out.append(pair, 0, eq + 1).append(replace(rule, SecretKind.COOKIE, pair.substring(0, eq).trim(), v));
        return true;
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
     * path go; scheme, host and path stay ({@link UrlRedaction}).
     */
    public String url(String url) {
        return urls.url(url);
    }

    /** The user-info of a URL: remembered as a secret and replaced by its marker. */
    String userInfoMarker(String userInfo) {
        ledger.record("url-userinfo", SecretKind.USERINFO, null);
        known.remember(userInfo, SecretKind.USERINFO);
        return USERINFO_MARKER_PREFIX + fingerprints.of(userInfo);
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
            return urls.queryString(text, "form-field");
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
        return jsonBodies.redact(text, request ? Scope.JSON_REQUEST : Scope.JSON_RESPONSE);
    }

    /**
     * One JSON value in UTF-8 bytes walked by key, as {@link #json} does: {@code b} itself when nothing in it was
     * secret (the caller copies its bytes as they are), the redacted copy (compact, as {@link #copyJson} writes it),
     * or null when the bytes are not one JSON value.
     */
    public byte[] jsonBytes(byte[] b, int off, int len, boolean request) {
        Scope scope = request ? Scope.JSON_REQUEST : Scope.JSON_RESPONSE;
        lastClean = cleanLines != null && cleanLines.holdsNothingSecret(b, off, len, scope);
        if (lastClean) {
            return b; // shown clean from the bytes, as the walk would have found it
        }
        return jsonBodies.redact(b, off, len, scope);
    }

    /**
     * After {@link #jsonBytes} returned its input as it was: the value written compactly, as {@link #copyJson}
     * writes it, in {@code jsonCompactBytes()[0, jsonCompactLength())}, made while showing it clean; -1 when there is
     * none (the caller compacts the bytes itself). Valid until the next call.
     */
    public int jsonCompactLength() {
        return lastClean ? cleanLines.compactLength() : -1;
    }

    public byte[] jsonCompactBytes() {
        return cleanLines.compactBytes();
    }

    /** For tests: this redactor without {@link CleanJsonLine}, every value walked, the reference it must equal. */
    Redactor walkingEveryLine() {
        cleanLines = null;
        return this;
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
                    ExactNumbers.copy(p, g);
                }
            }
            default -> g.copyCurrentEvent(p);
        }
    }

    String jsonString(SecretKind kind, String name, String value, Scope scope) {
        if (!leavesToText(kind, name, value, scope)) {
            return replace("json-field", kind, name, value);
        }
        String seen = knownMarker(value, "json-text");
        return seen != null ? seen : text(value, "json-text");
    }

    /**
     * Whether {@link #jsonString} hands a string under {@code kind} (the name's kind, or null) to the free-text
     * scan as any other string, rather than replacing it: an empty or placeholder value, a marker, an error code.
     */
    boolean leavesToText(SecretKind kind, String name, String value, Scope scope) {
        return kind == null || value.isEmpty() || isEmptyWord(value) || isMarker(value, 0)
                || kind == SecretKind.CODE && scope == Scope.JSON_RESPONSE && errorCodes.keeps(name, value);
    }

    /** Numbers are kept (counts, expiry times) unless the name says password, secret or a one-time code. */
    static boolean secretEvenAsNumber(SecretKind kind, Scope scope) {
        return kind == SecretKind.PASSWORD || kind == SecretKind.SECRET
                || kind == SecretKind.CODE && scope != Scope.JSON_RESPONSE;
    }

    // ---------------------------------------------------------------- free text

    /** Free text: error messages, console lines, unknown fields, bodies not JSON (see {@link FreeTextScan}). */
    public String text(String s) {
        return text(s, "text");
    }

    public String text(String s, String rule) {
        return s == null ? null : freeText.redact(s, rule);
    }

    /**
     * As {@link #text(String, String)} for text of ASCII characters that the caller also has as bytes, one a
     * character ({@code ascii.length == s.length()}): a line read as bytes is scanned without copying it again.
     */
    public String asciiText(String s, byte[] ascii, String rule) {
        return freeText.redact(s, ascii, 0, rule);
    }

    /**
     * As {@link #asciiText(String, byte[], String)} when the caller has shown that the first {@code cleanPrefix}
     * characters can hold no URL, marker, secret shape or secret pair, and that nothing found after them can start
     * in them (a logging prefix of timestamp, logger and level that ends in a space): known values are still looked
     * for in the whole text, the other checks start after the prefix.
     */
    public String asciiText(String s, byte[] ascii, int cleanPrefix, String rule) {
        return freeText.redact(s, ascii, cleanPrefix, rule);
    }

    /**
     * For a line of ASCII bytes {@code b[from, to)} whose first {@code cleanPrefix} bytes are a clean prefix (see
     * {@link #asciiText(String, byte[], int, String)}): true when that call would return the line as it is because
     * its part after the prefix repeats one found clean, told from the bytes before the line's string is made. When
     * false, the caller must make that call next, for the same line.
     */
    public boolean asciiLineRepeatsClean(byte[] b, int from, int cleanPrefix, int to) {
        return freeText.restRepeats(b, from, from + cleanPrefix, to);
    }

    static boolean isEmptyWord(String v) {
        return v.length() <= 10 && EMPTY_WORDS.contains(v.toLowerCase(Locale.ROOT));
    }
}
