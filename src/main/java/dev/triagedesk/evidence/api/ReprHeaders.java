package dev.triagedesk.evidence.api;

import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * The headers of interest in a Python repr dump ({@code Headers({'x-request-id': 'req_…', …})}, httpcore's
 * {@code [(b'x-request-id', b'req_…'), …]}) found with plain character tests rather than a pattern tried at every
 * quote of the line: {@code b?['"]NAME['"][:,]?\s*b?['"]VALUE['"]} with NAME one of {@code x-request-id},
 * {@code cf-ray}, {@code openai-processing-ms}, {@code retry-after}, {@code retry-after-ms},
 * {@code x-ratelimit-…} (any case) and VALUE up to 200 characters without a quote, as {@link ApiLines#REPR_HEADER}
 * states it.
 */
final class ReprHeaders {

    private static final String[] X_NAMES = {"x-request-id"};
    private static final String[] C_NAMES = {"cf-ray"};
    private static final String[] O_NAMES = {"openai-processing-ms"};
    private static final String[] R_NAMES = {"retry-after-ms", "retry-after"};
    private static final String RATE_LIMIT = "x-ratelimit-";
    private static final int MAX_VALUE = 200;

    private ReprHeaders() {
    }

    /** The names {@link #mayHold} looks for, ASCII letters in any case as the scan takes them: the reference. */
    private static final Pattern MAY_HOLD =
            Pattern.compile("(?i)x-ratelimit|x-request-id|processing-ms|retry-after|cf-ray");

    /**
     * A cheap look for the names before the scan: most lines hold none. Whether the line holds {@code x-ratelimit},
     * {@code x-request-id}, {@code processing-ms}, {@code retry-after} or {@code cf-ray}, ASCII letters in any case
     * (header names are case-insensitive, and the scan takes them so), as {@link #mayHoldByPattern} finds them; each
     * has a dash, so they are looked for only around the line's dashes, found by the JDK's search for one character,
     * instead of five searches through a long line (a prompt, a dump).
     */
    static boolean mayHold(String raw) {
        for (int d = raw.indexOf('-'); d >= 0; d = raw.indexOf('-', d + 1)) {
            if (d + 1 == raw.length()) {
                return false;
            }
            switch (raw.charAt(d + 1) | 0x20) { // an ASCII letter in lower case (other characters match no case)
                case 'r' -> {
                    if (asciiIgnoringCase(raw, d - 1, "x-ratelimit") || asciiIgnoringCase(raw, d - 1, "x-request-id")
                            || asciiIgnoringCase(raw, d - 2, "cf-ray")) {
                        return true;
                    }
                }
                case 'm' -> {
                    if (asciiIgnoringCase(raw, d - 10, "processing-ms")) {
                        return true;
                    }
                }
                case 'a' -> {
                    if (asciiIgnoringCase(raw, d - 5, "retry-after")) {
                        return true;
                    }
                }
                default -> { }
            }
        }
        return false;
    }

    /** Whether the line holds {@code x-request-id}, ASCII letters in any case; looked for around its dashes. */
    static boolean holdsRequestIdName(String raw) {
        for (int d = raw.indexOf('-', 1); d >= 0; d = raw.indexOf('-', d + 1)) {
            if (asciiIgnoringCase(raw, d - 1, "x-request-id")) {
                return true;
            }
        }
        return false;
    }

    /** {@link #mayHold} as a search for the names, the reference its tests compare it with. */
    static boolean mayHoldByPattern(String raw) {
        return MAY_HOLD.matcher(raw).find();
    }

    /** Where a header was found: the name is {@code line[nameStart, nameEnd)}, the value {@code line[valueStart, valueEnd)}. */
    interface Found {
        void header(String line, int nameStart, int nameEnd, int valueStart, int valueEnd);
    }

    /** Gives each header found (name, value) to {@code header}; returns how many were found. */
    static int scan(String line, BiConsumer<String, String> header) {
        return scan(line, (l, nameStart, nameEnd, valueStart, valueEnd) ->
                header.accept(l.substring(nameStart, nameEnd), l.substring(valueStart, valueEnd)));
    }

    /** As {@link #scan(String, BiConsumer)}, giving where each header stands, for a caller that needs no substring. */
    static int scan(String line, Found header) {
        int found = 0;
        int n = line.length();
        // the next quote of each kind at or after i, found by indexOf (the JDK's vector search) rather than a
        // test of every character: a dump's quotes are some ten characters apart, its lines hundreds long
        int single = -1;
        int dbl = -1;
        int i = 0;
        while (i < n) {
            if (single < i) {
                single = quoteAt(line, '\'', i);
            }
            if (dbl < i) {
                dbl = quoteAt(line, '"', i);
            }
            i = Math.min(single, dbl);
            if (i >= n) {
                break;
            }
            int nameStart = i + 1;
            int nameEnd = nameEnd(line, nameStart);
            if (nameEnd < 0) {
                i++;
                continue;
            }
            int j = nameEnd + 1; // past the quote after the name
            if (j < n && (line.charAt(j) == ':' || line.charAt(j) == ',')) {
                j++;
            }
            while (j < n && ApiLines.isSpace(line.charAt(j))) {
                j++;
            }
            if (j < n && line.charAt(j) == 'b') {
                j++;
            }
            if (j >= n || line.charAt(j) != '\'' && line.charAt(j) != '"') {
                i++;
                continue;
            }
            int valueStart = j + 1;
            int k = valueStart;
            int limit = Math.min(n, valueStart + MAX_VALUE + 1);
            while (k < limit && line.charAt(k) != '\'' && line.charAt(k) != '"') {
                k++;
            }
            if (k >= n || k - valueStart > MAX_VALUE || line.charAt(k) != '\'' && line.charAt(k) != '"') {
                i++;
                continue;
            }
            header.header(line, nameStart, nameEnd, valueStart, k);
            found++;
            i = k + 1;
        }
        return found;
    }

    /** The first {@code quote} at or after {@code from}, or the line's length. */
    private static int quoteAt(String line, char quote, int from) {
        int at = line.indexOf(quote, from);
        return at < 0 ? line.length() : at;
    }

    /** Where a header name of interest starting at {@code from} ends (at a quote), or -1. */
    private static int nameEnd(String line, int from) {
        int n = line.length();
        if (from >= n) {
            return -1;
        }
        // only the names with the first letter there are tried (no two of them end at a quote at once)
        String[] names;
        switch (line.charAt(from)) {
            case 'x', 'X' -> names = X_NAMES;
            case 'c', 'C' -> names = C_NAMES;
            case 'o', 'O' -> names = O_NAMES;
            case 'r', 'R' -> names = R_NAMES;
            default -> {
                return -1; // the first letter of no name of interest: most quotes of a dump
            }
        }
        for (String name : names) {
            int end = from + name.length();
            if (end < n && asciiIgnoringCase(line, from, name) && isQuote(line.charAt(end))) {
                return end;
            }
        }
        if (names == X_NAMES && asciiIgnoringCase(line, from, RATE_LIMIT)) {
            int end = from + RATE_LIMIT.length();
            int start = end;
            while (end < n && (isLetter(line.charAt(end)) || line.charAt(end) == '-')) {
                end++;
            }
            if (end > start && end < n && isQuote(line.charAt(end))) {
                return end;
            }
        }
        return -1;
    }

    /** Whether {@code lower} (lower case) stands at {@code from}, ASCII letters in either case, as the pattern's (?i). */
    private static boolean asciiIgnoringCase(String line, int from, String lower) {
        if (from < 0 || from + lower.length() > line.length()) {
            return false;
        }
        for (int k = 0; k < lower.length(); k++) {
            char c = line.charAt(from + k);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            if (c != lower.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isQuote(char c) {
        return c == '\'' || c == '"';
    }

    /** {@code [a-z]} under the pattern's (?i): ASCII letters of either case. */
    private static boolean isLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }
}
