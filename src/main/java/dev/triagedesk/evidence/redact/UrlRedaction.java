package dev.triagedesk.evidence.redact;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * URLs for a {@link Redactor}: user-info, query strings and fragments by parameter name, token shapes in the path,
 * and the percent-encoding of what was redacted (its markers left readable).
 */
final class UrlRedaction {

    private final Redactor redactor;

    UrlRedaction(Redactor redactor) {
        this.redactor = redactor;
    }

    /**
     * A URL or a path with a query: user-info, sensitive query and fragment parameters, and token shapes in the
     * path go; scheme, host and path stay.
     */
    String url(String url) {
        if (url == null || url.isEmpty()) {
            return url;
        }
        if (url.regionMatches(true, 0, "data:", 0, 5)) {
            return redactor.text(url, "url");
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
            if (at >= authStart && !url.startsWith(Redactor.USERINFO_MARKER_PREFIX, authStart)) {
                out = new StringBuilder(n + 32);
                out.append(url, 0, authStart).append(redactor.userInfoMarker(url.substring(authStart, at)));
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
        String redactedPath = redactor.text(path, "url-path");
        String redactedQuery = null;
        if (query >= 0) {
            int qEnd = fragment >= 0 ? fragment : n;
            redactedQuery = queryString(url.substring(query + 1, qEnd), "query");
        }
        String redactedFragment = null;
        if (fragment >= 0) {
            String frag = url.substring(fragment + 1);
            redactedFragment = frag.indexOf('=') >= 0 ? queryString(frag, "url-fragment") : redactor.text(frag, "url-fragment");
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
    String queryString(String query, String rule) {
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
                String seen = kind == null ? redactor.knownMarker(value, rule) : null;
                if (seen != null) {
                    replacement = rawName + '=' + seen;
                } else if (kind != null && !value.isEmpty() && !Redactor.isEmptyWord(value) && !Redactor.isMarker(value, 0)) {
                    replacement = rawName + '=' + redactor.replace(rule, kind, name, value);
                } else if (!rawValue.isEmpty()) {
                    String graphQl = name.equals("variables") ? GraphQlVariables.queryParameter(redactor, value) : null;
                    String scanned = graphQl != null ? graphQl : value.contains("://") ? url(value) : redactor.text(value, rule);
                    if (scanned != value) {
                        replacement = rawName + '=' + encodeKeepingMarkers(scanned);
                    }
                }
            } else if (end > start) {
                String piece = query.substring(start, end);
                String scanned = redactor.text(piece, rule);
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
            int m = s.indexOf(Redactor.MARKER_PREFIX, i);
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
}
