package dev.triagedesk.evidence.redact;

import java.util.Locale;

/**
 * A {@code multipart/form-data} body (RFC 7578) split at its boundary, so that each field is redacted by its name
 * as the same field sent as {@code postData.params} or as a form body is: a {@code password} part loses its value,
 * a {@code username} part keeps it. A part's headers stay; a part that is a file, or whose name says nothing, is
 * redacted as the body of its own type (JSON walked by key, anything else scanned as text).
 */
final class MultipartBody {

    private static final int MAX_NESTING = 3;

    private MultipartBody() {
    }

    static String redact(Redactor redactor, String mimeType, String text, boolean request, int depth) {
        String boundary = boundary(mimeType, text);
        String delimiter = boundary == null ? null : "--" + boundary;
        int first = delimiter == null ? -1 : text.indexOf(delimiter);
        if (first < 0 || depth >= MAX_NESTING) {
            return redactor.text(text, request ? "request-body" : "response-body");
        }
        StringBuilder out = null;
        // the preamble before the first delimiter is free text
        String preamble = text.substring(0, first);
        String redactedPreamble = preamble.isEmpty() ? preamble : redactor.text(preamble, "request-body");
        if (redactedPreamble != preamble) {
            out = new StringBuilder(text.length() + 64).append(redactedPreamble);
        }
        int copied = first;
        int at = first;
        while (true) {
            int afterDelimiter = at + delimiter.length();
            if (text.startsWith("--", afterDelimiter)) {
                break; // the closing delimiter; what follows is an epilogue nobody reads
            }
            int headersStart = lineEnd(text, afterDelimiter);
            int next = nextDelimiter(text, delimiter, headersStart);
            int partEnd = next < 0 ? text.length() : next;
            int blank = blankLine(text, headersStart, partEnd);
            if (blank >= 0) {
                int contentStart = blank + (text.startsWith("\r\n\r\n", blank) ? 4 : 2);
                // the CRLF before the next delimiter belongs to the delimiter, not to the value
                int contentEnd = next < 0 ? partEnd : partEnd - (partEnd >= 2 && text.charAt(partEnd - 2) == '\r' ? 2 : 1);
                if (contentEnd >= contentStart) {
                    String headers = text.substring(headersStart, blank);
                    String value = text.substring(contentStart, contentEnd);
                    String redacted = part(redactor, headers, value, request, depth);
                    if (redacted != value) {
                        if (out == null) {
                            out = new StringBuilder(text.length() + 64).append(text, 0, copied);
                        }
                        out.append(text, copied, contentStart).append(redacted);
                        copied = contentEnd;
                    }
                }
            }
            if (next < 0) {
                break;
            }
            at = next;
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    private static String part(Redactor redactor, String headers, String value, boolean request, int depth) {
        String name = parameter(headers, "name");
        boolean file = parameter(headers, "filename") != null;
        String type = header(headers, "content-type");
        if (name != null && !file && SensitiveNames.classify(name, Scope.FORM) != null) {
            return redactor.parameter(name, value, Scope.FORM);
        }
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            return redact(redactor, type, value, request, depth + 1);
        }
        return type != null || file ? redactor.body(type, value, request) : redactor.parameter(name, value, Scope.FORM);
    }

    /** The boundary named in the MIME type, or else the first line of a body that starts like a delimiter. */
    static String boundary(String mimeType, String text) {
        if (mimeType != null) {
            String b = parameter(mimeType, "boundary");
            if (b != null && !b.isEmpty() && b.length() <= 200) {
                return b;
            }
        }
        int start = 0;
        while (start < text.length() && (text.charAt(start) == '\r' || text.charAt(start) == '\n')) {
            start++;
        }
        if (!text.startsWith("--", start)) {
            return null;
        }
        int end = start + 2;
        while (end < text.length() && end - start <= 72 && text.charAt(end) > ' ') {
            end++;
        }
        return end > start + 2 && end - start <= 72 ? text.substring(start + 2, end) : null;
    }

    private static int lineEnd(String text, int from) {
        int nl = text.indexOf('\n', from);
        return nl < 0 ? text.length() : nl + 1;
    }

    /** The start of the next delimiter line: one that begins right after a line break. */
    private static int nextDelimiter(String text, String delimiter, int from) {
        int i = text.indexOf(delimiter, from);
        while (i >= 0 && i > 0 && text.charAt(i - 1) != '\n') {
            i = text.indexOf(delimiter, i + 1);
        }
        return i;
    }

    /** Where the blank line that ends a part's headers starts, or -1. */
    private static int blankLine(String text, int from, int to) {
        if (text.startsWith("\r\n", from) || text.startsWith("\n", from)) {
            return from - (from >= 2 && text.charAt(from - 2) == '\r' ? 2 : 1); // no headers at all
        }
        for (int i = from; i < to - 1; i++) {
            if (text.charAt(i) == '\n' && (text.charAt(i + 1) == '\n'
                    || text.charAt(i + 1) == '\r' && i + 2 < to && text.charAt(i + 2) == '\n')) {
                return i > 0 && text.charAt(i - 1) == '\r' ? i - 1 : i;
            }
        }
        return -1;
    }

    /** A header's value from a part's header lines, or null. */
    private static String header(String headers, String lowerName) {
        for (String line : headers.split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(lowerName)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }

    /** {@code name="value"} (or unquoted) after a ';' or at a line start in a header, or null. */
    static String parameter(String header, String lowerName) {
        String lower = header.toLowerCase(Locale.ROOT);
        int from = 0;
        while (true) {
            int i = lower.indexOf(lowerName, from);
            if (i < 0) {
                return null;
            }
            from = i + 1;
            int before = i - 1;
            while (before >= 0 && lower.charAt(before) == ' ') {
                before--;
            }
            int eq = i + lowerName.length();
            while (eq < lower.length() && lower.charAt(eq) == ' ') {
                eq++;
            }
            if (before >= 0 && lower.charAt(before) != ';' || eq >= lower.length() || lower.charAt(eq) != '=') {
                continue; // "filename" when looking for "name", or the word inside a value
            }
            int v = eq + 1;
            while (v < header.length() && header.charAt(v) == ' ') {
                v++;
            }
            if (v < header.length() && header.charAt(v) == '"') {
                int close = header.indexOf('"', v + 1);
                return header.substring(v + 1, close < 0 ? header.length() : close);
            }
            int end = v;
            while (end < header.length() && header.charAt(end) != ';' && header.charAt(end) > ' ') {
                end++;
            }
            return header.substring(v, end);
        }
    }
}
