package dev.triagedesk.evidence.redact;

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
    private static final int CLEAN_MAX_LENGTH = 512;

    /** The kinds of names met in text, by hash: see {@link #textNameKind}. */
    private static final int NAME_CACHE = 1024;
    private final long[] nameHashes = new long[NAME_CACHE];
    private final byte[] nameKinds = new byte[NAME_CACHE];

    private final Redactor redactor;
    private final KnownSecrets known;
    private final EchoTracker echoes;

    FreeTextScan(Redactor redactor, KnownSecrets known) {
        this.redactor = redactor;
        this.known = known;
        this.echoes = known.echoes();
    }

    /** The text with its secrets replaced by markers; the very same string when nothing was secret. */
    String redact(String s, String rule) {
        boolean cacheable = s.length() <= CLEAN_MAX_LENGTH && (echoes.tracking() || known.isEmpty());
        int hash = 0;
        int slot = 0;
        if (cacheable) {
            hash = s.hashCode();
            slot = (hash ^ hash >>> 16) & (CLEAN_SLOTS - 1);
            String cached = clean[slot];
            if (cleanHashes[slot] == hash && cached != null && cached.equals(s)) {
                return s;
            }
        }
        echoes.enterText();
        String result;
        try {
            result = urlsShapesAndPairs(knownValues(s, rule), rule);
        } finally {
            echoes.leaveText();
        }
        if (cacheable && result == s) {
            clean[slot] = s;
            cleanHashes[slot] = hash;
        }
        return result;
    }

    /** Replaces the values redacted elsewhere in this document (and notes the other tokens as going out). */
    private String knownValues(String s, String rule) {
        StringBuilder out = null;
        int copied = 0;
        long hit;
        while ((hit = known.nextIn(s, copied)) >= 0) {
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

    /** The characters at which {@link #urlsShapesAndPairs} has something to check: a marker, URL, separator, shape. */
    private static final boolean[] TEXT_TRIGGERS = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            TEXT_TRIGGERS[c] = c == '[' || c == 'h' || c == 'H' || c == 'w' || c == 'W' || c == '=' || c == ':'
                    || SecretShapes.isTrigger(c);
        }
    }

    private String urlsShapesAndPairs(String s, String rule) {
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
        return new ValueHit(vs, ve, redactor.replace(rule, reported, name, value));
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
        long h = KnownSecrets.hash(s, from, to) ^ (to - from);
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

    private static boolean isValueStop(char c) {
        return Character.isWhitespace(c) || c == '"' || c == '\'' || c == '&' || c == ';' || c == ','
                || c == '<' || c == '>' || c == ')' || c == '}' || c == ']' || c == '\\';
    }
}
