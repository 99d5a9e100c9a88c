package dev.triagedesk.ticket;

import java.util.Locale;

/**
 * A request address with what changes from one call of the same endpoint to the next taken out, so repeated calls
 * compare equal: {@code https://chatgpt.com/backend-api/conversation/6915a9bc-afa8-8327-9a1b-0123456789ab/stream?
 * t=123&sig=[REDACTED:...]} and the same call a second later both give
 * {@code https://chatgpt.com/backend-api/conversation/{id}/stream?t&sig}.
 *
 * <ul>
 *   <li>scheme and host in lower case, a default port ({@code :443} for https, {@code :80} for http) dropped;</li>
 *   <li>path segments that are identifiers become {@code {id}}: UUIDs, numbers, hexadecimal runs of 8 characters or
 *       more, and long tokens that mix letters and digits (request IDs, hashes, base64);</li>
 *   <li>query values dropped, the parameter names kept in their order; the fragment dropped.</li>
 * </ul>
 *
 * <p>It is a key for grouping, not an address to open: only {@link #of} is meant to be compared.
 */
public final class NormalizedPath {

    /** What an identifier segment is replaced with. */
    public static final String ID = "{id}";

    private NormalizedPath() {
    }

    /** The normalized form of {@code url}; null for null. Text that is not an absolute URL is normalized as a path. */
    public static String of(String url) {
        if (url == null) {
            return null;
        }
        String u = url.trim();
        int hash = u.indexOf('#');
        if (hash >= 0) {
            u = u.substring(0, hash);
        }
        String query = null;
        int q = u.indexOf('?');
        if (q >= 0) {
            query = u.substring(q + 1);
            u = u.substring(0, q);
        }
        StringBuilder out = new StringBuilder(u.length() + 16);
        String path = u;
        int scheme = u.indexOf("://");
        if (scheme > 0) {
            int slash = u.indexOf('/', scheme + 3);
            String origin = (slash < 0 ? u : u.substring(0, slash)).toLowerCase(Locale.ROOT);
            path = slash < 0 ? "" : u.substring(slash);
            if (origin.startsWith("https://") && origin.endsWith(":443")) {
                origin = origin.substring(0, origin.length() - 4);
            } else if (origin.startsWith("http://") && origin.endsWith(":80")) {
                origin = origin.substring(0, origin.length() - 3);
            }
            out.append(origin);
        }
        String[] segments = path.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            if (i > 0) {
                out.append('/');
            }
            out.append(segment(segments[i]));
        }
        if (query != null && !query.isEmpty()) {
            out.append('?');
            boolean first = true;
            for (String pair : query.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                if (!first) {
                    out.append('&');
                }
                out.append(eq < 0 ? pair : pair.substring(0, eq));
                first = false;
            }
        }
        return out.toString();
    }

    /**
     * {@code s}, or {@link #ID} when it is an identifier: a UUID, a number, a hexadecimal run of 8 or more, a long
     * token that reads as generated rather than named (16 or more letters, digits, {@code -} and {@code _} with at
     * least three digits: {@code req_7f3a9c21b8e04d55}, unlike {@code stream-status-v2}) or a redaction marker
     * ({@code [REDACTED:...]}). One pass over the characters instead of a
     * pattern per kind: a ticket's summary, incident and pages normalize every failing request's address, thousands
     * for a large HAR, and five matchers per segment were a fifth of concluding an upload.
     */
    static String segment(String s) {
        int n = s.length();
        if (n == 0) {
            return s;
        }
        boolean digitsOnly = true;
        boolean hexOnly = true;
        boolean tokenChars = true;
        int digits = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            boolean digit = c >= '0' && c <= '9';
            boolean hexLetter = (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            if (digit) {
                digits++;
            } else {
                digitsOnly = false;
                hexOnly &= hexLetter;
                tokenChars &= letter || c == '_' || c == '-';
            }
        }
        boolean id = digitsOnly || (hexOnly && n >= 8) || uuid(s) || (tokenChars && n >= 16 && digits >= 3) || marker(s);
        return id ? ID : s;
    }

    /** Eight, four, four, four and twelve hexadecimal digits joined by {@code -}. */
    private static boolean uuid(String s) {
        if (s.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = s.charAt(i);
            boolean ok = i == 8 || i == 13 || i == 18 || i == 23 ? c == '-'
                    : (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** The marker of a secret that stood in the path: {@code [REDACTED:} and text up to the one closing {@code ]}. */
    private static boolean marker(String s) {
        return s.startsWith("[REDACTED:") && s.endsWith("]") && s.indexOf(']') == s.length() - 1;
    }

    /**
     * {@code text} cut to at most {@code max} characters by taking out its middle: the start (for an address, its
     * host and the first part of the path) and the end (the last segment, or the query's end) stay, joined by
     * "…". Unchanged when it is short enough; null for null.
     */
    public static String middle(String text, int max) {
        if (text == null || text.length() <= max || max < 5) {
            return text;
        }
        int keep = max - 1;
        int head = (keep * 3 + 4) / 5;
        int tail = keep - head;
        // never cut a surrogate pair in two
        if (Character.isHighSurrogate(text.charAt(head - 1))) {
            head--;
        }
        int tailStart = text.length() - tail;
        if (Character.isLowSurrogate(text.charAt(tailStart))) {
            tailStart++;
        }
        return text.substring(0, head) + "…" + text.substring(tailStart);
    }
}
