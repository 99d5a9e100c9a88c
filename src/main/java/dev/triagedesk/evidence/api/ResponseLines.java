package dev.triagedesk.evidence.api;

import java.util.regex.MatchResult;

/**
 * The SDK's response line, httpx's request line and the {@code request_id: …} line read with plain character tests:
 * the same groups as {@link ApiLines#findAt} with {@link ApiLines#PY_RESPONSE}, {@link ApiLines#HTTPX} and
 * {@link ApiLines#PY_REQUEST_ID}, which the reading thread tried on every such line and which were most of its time;
 * and the SDK's {@code Sending HTTP Request} and {@code Retrying request} lines as {@link ApiLines#PY_SENDING} and
 * {@link ApiLines#PY_RETRY} find them.
 * Hand-written because these three patterns are all the SDK log's lines say, and each reads as a short walk: a method,
 * a run of non-blanks, a quoted status. Where a word boundary ({@code \b}) meets a character beyond ASCII (the
 * patterns' boundary then depends on Unicode letter classes), the line is given to the pattern instead.
 */
final class ResponseLines {

    private static final String[] METHODS = ApiLines.METHODS.split("\\|");
    private static final String CUSTOM = "<custom>";
    private static final String HTTP_VERSION = " \"HTTP/";
    private static final String SENDING_START = "Sending HTTP Request: ";
    private static final String RETRY_START = "Retrying request";
    private static final int MIN_ID = 6;
    private static final int MAX_ID = 100;
    /** A place where the walk cannot tell (a boundary beside a character beyond ASCII): the pattern decides. */
    private static final LineMatch UNSURE = new LineMatch(0, 0);

    private ResponseLines() {
    }

    /**
     * Whether a {@link #pyResponse} match is the long-standing form (method, URL, status and reason in groups 1 to 4)
     * rather than the metadata-only one (method in 1, status in 5).
     */
    static boolean longStanding(MatchResult pyResponse) {
        return pyResponse.group(3) != null;
    }

    /** The status of a {@link #pyResponse} match, in either form. */
    static String pyStatus(MatchResult pyResponse) {
        return pyResponse.group(longStanding(pyResponse) ? 3 : 5);
    }

    /** As {@code ApiLines.findAt(PY_RESPONSE, PY_RESPONSE_START, line)}: groups method, URL, status, reason, status. */
    static MatchResult pyResponse(String line) {
        String start = ApiLines.PY_RESPONSE_START;
        for (int at = line.indexOf(start); at >= 0; at = line.indexOf(start, at + 1)) {
            LineMatch m = pyResponseAt(line, at, at + start.length());
            if (m == UNSURE) {
                return ApiLines.findAt(ApiLines.PY_RESPONSE, start, line);
            }
            if (m != null) {
                return m;
            }
        }
        return null;
    }

    /** As {@code ApiLines.findAt(HTTPX, HTTPX_START, line)}: groups method, URL, status, reason. */
    static MatchResult httpx(String line) {
        String start = ApiLines.HTTPX_START;
        for (int at = line.indexOf(start); at >= 0; at = line.indexOf(start, at + 1)) {
            LineMatch m = httpxAt(line, at, at + start.length());
            if (m != null) {
                return m;
            }
        }
        return null;
    }

    /** As {@code ApiLines.findAt(PY_REQUEST_ID, PY_REQUEST_ID_START, line)}: group the ID. */
    static MatchResult requestId(String line) {
        String start = ApiLines.PY_REQUEST_ID_START;
        for (int at = line.indexOf(start); at >= 0; at = line.indexOf(start, at + 1)) {
            if (at > 0) {
                char before = line.charAt(at - 1);
                if (before >= 0x80) {
                    return ApiLines.findAt(ApiLines.PY_REQUEST_ID, start, line);
                }
                if (isWord(before)) {
                    continue; // \b: "request_id" continues a word
                }
            }
            int from = at + start.length();
            int end = from;
            int limit = Math.min(line.length(), from + MAX_ID);
            while (end < limit && isIdChar(line.charAt(end))) {
                end++;
            }
            if (end - from >= MIN_ID) {
                return new LineMatch(at, end, line.substring(from, end));
            }
        }
        return null;
    }

    /** As {@code ApiLines.PY_SENDING.matcher(line).find()}: groups method, URL (or null). */
    static MatchResult sending(String line) {
        String start = SENDING_START;
        for (int at = line.indexOf(start); at >= 0; at = line.indexOf(start, at + 1)) {
            int i = at + start.length();
            String method = methodPrefix(line, i);
            if (method == null) {
                continue;
            }
            int end = i + method.length();
            int urlEnd = end + 1 < line.length() && line.charAt(end) == ' ' ? nonBlankEnd(line, end + 1) : end;
            if (urlEnd > end + 1) {
                return new LineMatch(at, urlEnd, method, line.substring(end + 1, urlEnd));
            }
            return new LineMatch(at, end, method, null);
        }
        return null;
    }

    /**
     * As {@code ApiLines.PY_RETRY.matcher(line).find()}: groups the path (or null) and the seconds. Neither
     * {@code \S+} nor {@code [\d.]+} takes the blank that must follow it, so each is the whole run or no match.
     */
    static MatchResult retry(String line) {
        String start = RETRY_START;
        for (int at = line.indexOf(start); at >= 0; at = line.indexOf(start, at + 1)) {
            int i = at + start.length();
            String path = null;
            if (line.startsWith(" to ", i)) {
                int pathEnd = nonBlankEnd(line, i + 4);
                if (pathEnd > i + 4 && line.startsWith(" in ", pathEnd)) {
                    path = line.substring(i + 4, pathEnd);
                    i = pathEnd;
                }
            }
            if (!line.startsWith(" in ", i)) {
                continue;
            }
            int from = i + 4;
            int end = from;
            while (end < line.length() && (isDigit(line.charAt(end)) || line.charAt(end) == '.')) {
                end++;
            }
            if (end > from && line.startsWith(" seconds", end)) {
                return new LineMatch(at, end + 8, path, line.substring(from, end));
            }
        }
        return null;
    }

    /** {@code (METHODS|<custom>) (?:(\S+) "(\d{3})(?: ([^"]*))?"|(\d{3})\b)} from {@code i}; null when no match. */
    private static LineMatch pyResponseAt(String line, int at, int i) {
        String method = method(line, i, true);
        if (method == null) {
            return null;
        }
        int from = i + method.length() + 1;
        int urlEnd = nonBlankEnd(line, from);
        if (urlEnd > from && urlEnd + 1 < line.length() && line.charAt(urlEnd) == ' '
                && line.charAt(urlEnd + 1) == '"') {
            LineMatch m = quotedStatus(line, at, urlEnd + 2);
            if (m != null) {
                return m.with(method, line.substring(from, urlEnd));
            }
        }
        // the metadata-only form: a status right after the method, ending at a word boundary
        if (!digits(line, from, 3)) {
            return null;
        }
        int end = from + 3;
        if (end < line.length()) {
            char next = line.charAt(end);
            if (next >= 0x80) {
                return UNSURE;
            }
            if (isWord(next)) {
                return null;
            }
        }
        return new LineMatch(at, end, method, null, null, null, line.substring(from, end));
    }

    /** {@code (METHODS) (\S+) "HTTP/[\d.]+ (\d{3})(?: ([^"]*))?"} from {@code i}; null when no match. */
    private static LineMatch httpxAt(String line, int at, int i) {
        String method = method(line, i, false);
        if (method == null) {
            return null;
        }
        int from = i + method.length() + 1;
        int urlEnd = nonBlankEnd(line, from);
        if (urlEnd == from || !line.startsWith(HTTP_VERSION, urlEnd)) {
            return null;
        }
        int v = urlEnd + HTTP_VERSION.length();
        int versionEnd = v;
        while (versionEnd < line.length() && (isDigit(line.charAt(versionEnd)) || line.charAt(versionEnd) == '.')) {
            versionEnd++;
        }
        if (versionEnd == v || versionEnd >= line.length() || line.charAt(versionEnd) != ' ') {
            return null;
        }
        LineMatch m = quotedStatus(line, at, versionEnd + 1);
        return m == null ? null : m.with(method, line.substring(from, urlEnd));
    }

    /**
     * {@code (\d{3})(?: ([^"]*))?"} from {@code i}: the status and reason (groups 3 and 4, the method and URL to be
     * added), or null.
     */
    private static LineMatch quotedStatus(String line, int at, int i) {
        if (!digits(line, i, 3)) {
            return null;
        }
        int n = line.length();
        int after = i + 3;
        if (after >= n) {
            return null;
        }
        String status = line.substring(i, after);
        char c = line.charAt(after);
        if (c == '"') {
            return new LineMatch(at, after + 1, null, null, status, null, null);
        }
        if (c == ' ') {
            int quote = line.indexOf('"', after + 1);
            if (quote >= 0) {
                return new LineMatch(at, quote + 1, null, null, status, line.substring(after + 1, quote), null);
            }
        }
        return null;
    }

    /** The method at {@code i} followed by a space, as the alternation reads it, or null. */
    private static String method(String line, int i, boolean custom) {
        for (String m : METHODS) {
            if (line.startsWith(m, i) && i + m.length() < line.length() && line.charAt(i + m.length()) == ' ') {
                return m;
            }
        }
        if (custom && line.startsWith(CUSTOM, i) && i + CUSTOM.length() < line.length()
                && line.charAt(i + CUSTOM.length()) == ' ') {
            return CUSTOM;
        }
        return null;
    }

    /** The method (or {@code <custom>}) at {@code i}, followed by anything, or null. */
    private static String methodPrefix(String line, int i) {
        for (String m : METHODS) {
            if (line.startsWith(m, i)) {
                return m;
            }
        }
        return line.startsWith(CUSTOM, i) ? CUSTOM : null;
    }

    /** Where the run of {@code \S} characters from {@code i} ends: {@code \s} is ASCII's six blanks only. */
    private static int nonBlankEnd(String line, int i) {
        int n = line.length();
        while (i < n && !ApiLines.isSpace(line.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean digits(String line, int i, int count) {
        if (i + count > line.length()) {
            return false;
        }
        for (int k = i; k < i + count; k++) {
            if (!isDigit(line.charAt(k))) {
                return false;
            }
        }
        return true;
    }


    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** A word character for {@code \b}, for an ASCII character (the only ones asked about). */
    private static boolean isWord(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || isDigit(c) || c == '_';
    }

    /** {@code [A-Za-z0-9_-]}. */
    private static boolean isIdChar(char c) {
        return isWord(c) || c == '-';
    }

    /**
     * The groups of a match found by hand: only what the analyzer reads ({@link #group(int)}, start and end). A
     * status line keeps five groups, httpx's fifth always null.
     */
    static final class LineMatch implements MatchResult {
        private final int start;
        private final int end;
        private final String[] groups;

        LineMatch(int start, int end, String... groups) {
            this.start = start;
            this.end = end;
            this.groups = groups;
        }

        /** This match with groups 1 and 2 (method, URL) set. */
        LineMatch with(String method, String url) {
            groups[0] = method;
            groups[1] = url;
            return this;
        }

        @Override
        public int start() {
            return start;
        }

        @Override
        public int start(int group) {
            throw new UnsupportedOperationException("only the whole match's bounds are kept");
        }

        @Override
        public int end() {
            return end;
        }

        @Override
        public int end(int group) {
            throw new UnsupportedOperationException("only the whole match's bounds are kept");
        }

        @Override
        public String group() {
            throw new UnsupportedOperationException("only the groups are kept");
        }

        @Override
        public String group(int group) {
            return groups[group - 1];
        }

        @Override
        public int groupCount() {
            return groups.length;
        }
    }
}
